/**
 * The quote check: every quotation of a draft looked up in the library's sources, the draft's
 * citation beside it compared with what the chosen style prints for the passage, and the
 * draft's in-text citations compared with its own reference list. Pure and synchronous: the
 * library is indexed once per check (library-index.ts), so a long draft against hundreds of
 * sources stays quick. Styles must be registered (styles.ts) for the expected citations;
 * without the style, the expected citation falls back to Lectern's plain author-date form.
 */
import { findDocumentCitations } from '../citations/document-citations';
import { passageLocator } from '../documents/page-labels';
import { foldName } from '../text/fold';
import { citationOfQuote, compareCitation, ExpectedCitations } from './citation-compare';
import { checkReferenceList } from './draft-references';
import { findDraftQuotes, titleKey } from './draft-quotes';
import { indexLibrary, type LibraryIndex } from './library-index';
import { differsScore, firstWords, matchQuote, type QuoteMatch } from './quote-match';
import { quotePieces } from './quote-pieces';
import type { Word } from './quote-words';
import type { CheckOptions, CheckReport, DiffPart, DraftCitation, DraftQuote, DraftText, LibraryText, QuoteCheck, QuoteSource } from './report';
import { diffWords } from './word-diff';

function sourceOf(library: readonly LibraryText[], match: QuoteMatch): QuoteSource {
  const doc = library[match.source]!;
  const locator = passageLocator({ format: doc.format, blocks: doc.blocks, ...(doc.pageMap ? { pageMap: doc.pageMap } : {}), pageLabels: doc.pageLabels ?? null }, match.start);
  return { docId: doc.id, title: doc.title, start: match.start, end: match.end, text: doc.text.slice(match.start, match.end), locator, item: { ...doc.metadata, id: doc.metadata.id || doc.id } };
}

/** The diff of a quotation that differs: its words against the passage's, less what the student marked as left out. */
function diffOf(index: LibraryIndex, draft: DraftText, words: readonly Word[], match: QuoteMatch): DiffPart[] {
  const doc = index.sources[match.source]!;
  const alignment = match.alignment!;
  const base = match.windowStart!;
  const omitted = new Set(alignment.steps.flatMap((s) => (s.op === 'omitted' ? [base + s.source] : [])));
  const sourceWords: Word[] = [];
  for (let at = base + alignment.start; at < base + alignment.end; at++) {
    if (!omitted.has(at)) sourceWords.push({ folded: index.words[index.ids[at]!]!, start: index.starts[at]!, end: index.ends[at]! });
  }
  return diffWords({ text: draft.text, words }, { text: doc.text, words: sourceWords });
}

function sourceAuthors(doc: LibraryText): string[] {
  const creators = (doc.metadata.author?.length ? doc.metadata.author : doc.metadata.editor) ?? [];
  return creators.map((c) => foldName(c.family ?? c.literal ?? ''));
}

function checkQuote(index: LibraryIndex, draft: DraftText, quote: DraftQuote, citations: ReturnType<typeof findDocumentCitations>, expected: ExpectedCitations): { check: QuoteCheck; cited?: DraftCitation } {
  const pieces = quotePieces(quote.text, quote.start);
  const words = pieces.flatMap((p) => p.words);
  // Where the passage stands in several sources, the one the draft's citation names is meant.
  const named = citationOfQuote(draft.text, quote, citations.citations)?.names[0];
  const prefer = named ? (source: number) => sourceAuthors(index.sources[source]!).includes(foldName(named)) : undefined;
  const match = words.length > 0 ? matchQuote(index, pieces, prefer) : null;
  const fromLibrary = match && (match.verbatim || match.score >= differsScore(words.length)) ? match : null;
  if (!fromLibrary) {
    const cited = citationOfQuote(draft.text, quote, citations.citations);
    return { check: { quote, verdict: 'not-found' }, ...(cited ? { cited } : {}) };
  }
  const source = sourceOf(index.sources, fromLibrary);
  const author = source.item.author?.[0]?.family;
  const found = citationOfQuote(draft.text, quote, citations.citations, author);
  const citation = compareCitation(found, source.item, source.locator, expected);
  const check: QuoteCheck = fromLibrary.verbatim
    ? { quote, verdict: 'verbatim', source, citation }
    : { quote, verdict: 'differs', diff: diffOf(index, draft, firstWords(pieces).flatMap((p) => p.words), fromLibrary), source, citation };
  return { check, ...(found ? { cited: found } : {}) };
}

/** Checks `draft` against `library`. */
export function checkDraft(draft: DraftText, library: readonly LibraryText[], options: CheckOptions = {}): CheckReport {
  const citations = findDocumentCitations({ id: 'draft', text: draft.text, blocks: draft.blocks });
  const listRanges = citations.references.map((r) => [r.start, r.end] as const);
  const titles = new Set(citations.references.map((r) => titleKey(r.csl.title ?? '')).filter(Boolean));
  const quotes = findDraftQuotes(draft.text, draft.blocks, titles).filter((q) => !listRanges.some(([s, e]) => q.start < e && q.end > s));
  const index = indexLibrary(library);
  const expected = new ExpectedCitations(options.style ?? 'apa', options.locale);
  const checked = quotes.map((quote) => checkQuote(index, draft, quote, citations, expected));
  const references = checkReferenceList(citations, checked.flatMap((c) => (c.cited ? [c.cited] : [])));
  const results = checked.map((c) => c.check);
  const count = (verdict: QuoteCheck['verdict']) => results.filter((r) => r.verdict === verdict).length;
  return {
    draft: { fileName: draft.fileName, characters: draft.text.length },
    style: options.style ?? 'apa',
    sources: library.length,
    quotes: results,
    references,
    summary: {
      quotes: results.length,
      verbatim: count('verbatim'),
      differs: count('differs'),
      notFound: count('not-found'),
      citationProblems: results.filter((r) => (r.citation?.problems.length ?? 0) > 0).length,
      citedNotListed: references.citedNotListed.length,
      listedNotCited: references.listedNotCited.length,
    },
  };
}
