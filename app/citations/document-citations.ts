/**
 * Everything Lectern finds about citation in one document: its reference list (parsed to CSL),
 * its in-text citations and footnote markers, linked to the entries, and full-name mentions of
 * cited authors.
 */
import type { Block, CslItem } from '../documents/model';
import { parseReferences } from './default-parser';
import { findFootnoteMarkers } from './footnotes';
import { findInTextCitations, type CitedItem } from './in-text';
import { findListDrivenCitations } from './list-driven';
import { authorMatcher, linkCitation, type LinkableReference, type LinkedCitation } from './linking';
import { findMentions } from './mentions';
import { findNoteCitations } from './note-citations';
import { findNotes, type Note } from './notes';
import { findReferenceLists } from './reference-lists';
import { inheritRepeatedNames } from './repeated-authors';
import { withoutLabel } from './reference-shapes';

/** One entry of the document's reference list. */
export interface DocumentReference {
  /** Citekey, unique within the document ("yuvaldavis1997", "smith2020a"). */
  id: string;
  raw: string;
  start: number;
  end: number;
  csl: CslItem;
}

/** A citation, footnote marker or mention, with offsets into the document text. */
export interface DocumentCitation {
  /** Document id and start offset: unique across the library. */
  id: string;
  text: string;
  start: number;
  end: number;
  kind: 'parenthetical' | 'narrative' | 'numeric' | 'footnote' | 'note' | 'mention';
  /** Ids of the entries cited; empty for footnotes and unresolved citations. */
  referenceIds: string[];
  locator?: string;
  /** True when some cited work matched no entry. */
  unresolved?: boolean;
  /** The works as written (names, years, locators), each with the entries it links to; absent for mentions. */
  items?: Array<CitedItem & { referenceIds?: string[] }>;
  /** For footnote markers: where the note's text is. */
  note?: { start: number; end: number };
}

/** The citation facts of one document. */
export interface DocumentCitations {
  references: DocumentReference[];
  citations: DocumentCitation[];
  /** Where the (last) reference list's heading sits, when there is one. */
  heading?: { start: number; end: number; text: string };
  /**
   * The lists, in text order, when the document has several (one per chapter): each serves the
   * text between the list before it and itself, and the last also what follows it.
   */
  lists?: Array<{ heading?: { start: number; end: number; text: string }; start: number; end: number; referenceIds: string[] }>;
}

/**
 * Citekeys unique within the document: clashing keys get letters in list order
 * ("smith2019a", "smith2019b"), as author-date styles do.
 */
export function referenceIds(items: CslItem[]): string[] {
  const bases = items.map((item) => (item.id || 'ref').replace(/-\d+$/u, ''));
  const counts = new Map<string, number>();
  for (const b of bases) counts.set(b, (counts.get(b) ?? 0) + 1);
  const used = new Set<string>();
  const seen = new Map<string, number>();
  return bases.map((base) => {
    let id = base;
    if ((counts.get(base) ?? 0) > 1) {
      let n = seen.get(base) ?? 0;
      do id = base + letters(n++);
      while (used.has(id) || counts.has(id));
      seen.set(base, n);
    }
    used.add(id);
    return id;
  });
}

function letters(n: number): string {
  return n < 26 ? String.fromCharCode(97 + n) : letters(Math.floor(n / 26) - 1) + String.fromCharCode(97 + (n % 26));
}

/**
 * The letter an author-date list puts after a year to tell one author's works of that year apart
 * ("2006b"), wherever the entry writes it (plainnat puts it at the end: "…, 2006b. URL …"), so
 * "(Crockford, 2006b)" finds its entry.
 */
function withYearSuffix(item: CslItem, raw: string): CslItem {
  const year = item.issued?.['date-parts']?.[0]?.[0];
  if (year === undefined || typeof item['year-suffix'] === 'string') return item;
  const m = new RegExp(String.raw`(?<![\p{L}\p{N}])${year}([a-z])(?![\p{L}\p{N}])`, 'u').exec(raw);
  if (!m?.[1]) return item;
  const id = item.id.endsWith(String(year)) ? item.id + m[1] : item.id;
  return { ...item, id, 'year-suffix': m[1] };
}

/**
 * What the citation finder of one part of the text needs of the list that serves it. A list may
 * print numbers that run on from the lists before it (biblatex refsegments, categories), so
 * numbers are bounded by its highest, not by its length.
 */
interface ScopeList {
  references: DocumentReference[];
  linkable: LinkableReference[];
  numbered: boolean;
  labels?: ReadonlySet<string>;
}

function shifted<T extends { start: number; end: number }>(items: T[], by: number): T[] {
  return items.map((c) => ({ ...c, start: c.start + by, end: c.end + by }));
}

/**
 * The citations of the text in [from, to), linked to the one list that serves that part (the
 * list closing a chapter serves the chapter). `taken` are footnote markers, `lists` the ranges
 * of all lists, where no citation is looked for.
 */
function citationsInScope(text: string, from: number, to: number, list: ScopeList | undefined, taken: LinkedCitation[], lists: Array<{ start: number; end: number }>, notes: Note[]): LinkedCitation[] {
  const part = text.slice(from, to);
  const outside = (c: { start: number; end: number }): boolean => !lists.some((r) => c.start < r.end && c.end > r.start);
  const linkable = list?.linkable ?? [];
  const references = list?.references ?? [];
  const context = references.length > 0
    ? { isKnownAuthor: authorMatcher(linkable), numberedList: list?.numbered ?? false, entryCount: Math.max(references.length, ...linkable.map((l) => l.number ?? 0)), ...(list?.labels ? { labels: list.labels } : {}) }
    : {};
  const grammar = shifted(findInTextCitations(part, context), from).filter(outside).map((c) => linkCitation(c, linkable));
  const mine = taken.filter((c) => c.start >= from && c.end <= to);
  // What the grammar read but could not link ("Lang (2014)" of "Nolan and Temple Lang (2014)")
  // gives way to a citation the list confirms over the same words.
  const blocked = [...grammar, ...mine].filter((c) => !c.unresolved).sort((a, b) => a.start - b.start);
  const skip = lists.filter((r) => r.end > from && r.start < to);
  const fromList = shifted(findListDrivenCitations(part, references, shifted(blocked, -from), shifted(skip, -from)), from).map((c) => linkCitation(c, linkable));
  const replaced = (c: { start: number; end: number }) => fromList.some((l) => l.start < c.end && l.end > c.start);
  const found = [...grammar.filter((c) => !c.unresolved || !replaced(c)), ...fromList];
  // Notes-and-bibliography: works named in the notes by author and title, and what points back at them.
  const noted = linkable.map((l, i) => ({ ...l, raw: references[i]?.raw ?? '' }));
  const inNotes = findNoteCitations(text, notes.filter((n) => n.start >= from && n.end <= to), noted, [...found.filter((c) => !c.unresolved), ...mine]);
  const resolvedByNote = (c: LinkedCitation) => c.unresolved && inNotes.some((n) => n.start < c.end && n.end > c.start);
  return [...found.filter((c) => !resolvedByNote(c)), ...inNotes];
}

/** Finds, parses and links the citations of one document. */
export function findDocumentCitations(doc: { id: string; text: string; blocks: Block[] }): DocumentCitations {
  const { text, blocks } = doc;
  const sections = findReferenceLists(text, blocks);
  const entries = sections.flatMap((s) => s.entries);
  const raws = entries.map((e) => (e.label !== undefined ? withoutLabel(e.raw) : e.raw));
  // "———. 1989." and "Ders.:" stand for the names of the entry before (each list on its own).
  const parsed = entries.length > 0 ? parseReferences(raws) : [];
  const csl = sections
    .flatMap((s, k) => {
      const from = sections.slice(0, k).reduce((n, x) => n + x.entries.length, 0);
      // biblatex's dash comes out of a PDF as a single em dash ("— (1989). Making Meaning …").
      const marks = raws.slice(from, from + s.entries.length).map((r) => r.replace(/^\s*—(?=\s)/u, '———'));
      return inheritRepeatedNames(marks, parsed.slice(from, from + s.entries.length));
    })
    .map((item, i) => withYearSuffix(item, entries[i]?.raw ?? ''));
  const ids = referenceIds(csl);
  const references: DocumentReference[] = entries.map((e, i) => ({
    id: ids[i] ?? `ref${i + 1}`,
    raw: e.raw,
    start: e.start,
    end: e.end,
    csl: { ...(csl[i] ?? { type: 'document' }), id: ids[i] ?? `ref${i + 1}` },
  }));
  const linkable: LinkableReference[] = references.map((r, i) => {
    const entry = entries[i];
    return { id: r.id, csl: r.csl, ...(entry?.number !== undefined ? { number: entry.number } : {}), ...(entry?.label !== undefined ? { label: entry.label } : {}) };
  });
  const listRanges = sections.map((s) => ({ start: s.start, end: s.end }));
  const outside = (c: { start: number; end: number }): boolean => !listRanges.some((r) => c.start < r.end && c.end > r.start);
  const markers = findFootnoteMarkers(text, blocks).filter(outside).map((c) => linkCitation(c, []));
  // A page's footnotes may sit inside a list (between its entries): only the entries are not notes.
  const notes = sections.length > 0 ? findNotes(text, blocks, [...entries, ...sections.flatMap((s) => (s.heading ? [s.heading] : []))]) : [];

  // Each list serves the text from the end of the list before it up to itself; the last also
  // serves what follows it (an appendix).
  const linked: LinkedCitation[] = [...markers];
  const firsts = sections.map((_, k) => sections.slice(0, k).reduce((n, s) => n + s.entries.length, 0));
  sections.forEach((section, k) => {
    const first = firsts[k] ?? 0;
    const count = section.entries.length;
    const own: ScopeList = {
      references: references.slice(first, first + count),
      linkable: linkable.slice(first, first + count),
      numbered: section.numbered,
      ...(section.labelled ? { labels: new Set(section.entries.map((e) => e.label!)) } : {}),
    };
    const from = k === 0 ? 0 : sections[k - 1]!.end;
    const to = k === sections.length - 1 ? text.length : section.end;
    linked.push(...citationsInScope(text, from, to, own, markers, listRanges, notes));
  });
  if (sections.length === 0) linked.push(...citationsInScope(text, 0, text.length, undefined, markers, [], []));
  linked.sort((a, b) => a.start - b.start);
  const mentions = findMentions(text, references, { blocks, skip: listRanges, citations: linked });

  const citations: DocumentCitation[] = [
    ...linked.map((c): DocumentCitation => ({
      id: `${doc.id}:${c.start}`,
      text: c.text,
      start: c.start,
      end: c.end,
      kind: c.kind,
      referenceIds: c.referenceIds,
      ...(c.locator ? { locator: c.locator } : {}),
      ...(c.unresolved ? { unresolved: true } : {}),
      items: c.items.map(({ unresolved: _u, ...item }) => item),
      ...(c.note ? { note: c.note } : {}),
    })),
    ...mentions.map((m): DocumentCitation => ({ id: `${doc.id}:${m.start}`, ...m })),
  ].sort((a, b) => a.start - b.start);
  const main = sections[sections.length - 1];
  const lists = sections.length > 1
    ? { lists: sections.map((s, k) => ({ ...(s.heading ? { heading: s.heading } : {}), start: s.start, end: s.end, referenceIds: references.slice(firsts[k], (firsts[k] ?? 0) + s.entries.length).map((r) => r.id) })) }
    : {};
  return { references, citations, ...(main?.heading ? { heading: main.heading } : {}), ...lists };
}
