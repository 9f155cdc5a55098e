/**
 * What a quote check finds in a student's draft: each quotation looked up in the library's
 * sources, the draft's citation beside it compared with what a style would print, and the
 * draft's in-text citations compared with its own reference list. Plain data, so the same
 * report crosses a worker, prints as JSON on the command line and exports as Markdown.
 */
import type { PassageLocator } from '../citations/quote-citation';
import type { Block, CslItem, DocumentFormat } from '../documents/model';

/** A draft as the checker reads it: one canonical text with its blocks (quotes as 'quote' blocks). */
export interface DraftText {
  fileName: string;
  text: string;
  blocks: Block[];
}

/** One source of the library the quotations are looked up in. */
export interface LibraryText {
  /** Document id. */
  id: string;
  title: string;
  format: DocumentFormat;
  metadata: CslItem;
  text: string;
  blocks: Block[];
  /** A PDF's page map (StoredPageMap.pages / ParsedDocument.pageItems), for the page of a passage. */
  pageMap?: number[][];
  /** A PDF's printed page labels, one per page from page 1; null or absent: pages are cited by number. */
  pageLabels?: string[] | null;
}

/** How a quotation compares with its source. */
export type QuoteVerdict = 'verbatim' | 'differs' | 'not-found';

/**
 * One run of a word-level diff, from the draft's side: `same` in both, `added` only in the
 * draft (a word the student changed or inserted), `removed` only in the source.
 */
export interface DiffPart {
  kind: 'same' | 'added' | 'removed';
  text: string;
}

/** A quotation as it stands in the draft. */
export interface DraftQuote {
  /** Offsets of the quoted words in the draft text [start, end), quote marks excluded. */
  start: number;
  end: number;
  text: string;
  /** True for a block quote (a quote block, an indented passage), false for one inside a sentence. */
  block: boolean;
}

/** Where a quotation was found. */
export interface QuoteSource {
  docId: string;
  title: string;
  /** The passage in the source's canonical text [start, end). */
  start: number;
  end: number;
  /** The source's words there, as printed. */
  text: string;
  /** What a style cites it by: the printed page label of a PDF, else the paragraph number. */
  locator: PassageLocator | null;
  /** The source's bibliographic item. */
  item: CslItem;
}

/** A citation as the draft writes it next to a quotation, or in its running text. */
export interface DraftCitation {
  /** Offsets in the draft text [start, end). */
  start: number;
  end: number;
  text: string;
  /** Family names as written, e.g. ["Ezerova"]. */
  names: string[];
  /** Year as written ("2018", "2018a", "n.d."), when given. */
  year?: string;
  /** Pinpoint as written ("12", "xii", "405–406", "¶ 10"), when given. */
  locator?: string;
}

/** What is wrong with the citation beside a found quotation. */
export type CitationProblem = 'missing-citation' | 'wrong-author' | 'wrong-year' | 'wrong-page' | 'missing-page';

/** The citation check of one found quotation. */
export interface QuoteCitationCheck {
  /** The draft's citation that belongs to the quotation, when it has one. */
  found?: DraftCitation;
  /** Empty when the citation is right. */
  problems: CitationProblem[];
  /** The citation the chosen style prints for this passage, e.g. "(Ezerova, 2018, para. 10)". */
  expected: string;
}

/** One quotation of the draft, checked. */
export interface QuoteCheck {
  quote: DraftQuote;
  verdict: QuoteVerdict;
  /** For 'differs': the draft's words against the source's. */
  diff?: DiffPart[];
  /** The best match in the library; absent for 'not-found'. */
  source?: QuoteSource;
  /** Absent for 'not-found' (there is nothing to compare the citation with). */
  citation?: QuoteCitationCheck;
}

/** The draft's own in-text citations against its own reference list. */
export interface ReferenceListCheck {
  /** True when the draft has a reference list (Works Cited, References, Bibliography). */
  hasList: boolean;
  /** In-text citations with no entry in the list. */
  citedNotListed: DraftCitation[];
  /** Entries no in-text citation points to. */
  listedNotCited: { index: number; raw: string; start?: number; end?: number }[];
}

/** The whole report. */
export interface CheckReport {
  draft: { fileName: string; characters: number };
  /** The style the expected citations are in (a style id: "apa", "mla", "chicago-author-date"...). */
  style: string;
  /** How many sources the quotations were looked up in. */
  sources: number;
  quotes: QuoteCheck[];
  references: ReferenceListCheck;
  /** Counts for the header line. */
  summary: { quotes: number; verbatim: number; differs: number; notFound: number; citationProblems: number; citedNotListed: number; listedNotCited: number };
}

/** Options of a check. */
export interface CheckOptions {
  /** Style of the expected citations; "apa" when not given. */
  style?: string;
  /** Locale of the style's terms; the style's own or en-US when not given. */
  locale?: string;
}
