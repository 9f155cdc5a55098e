/**
 * Finds a document's reference list (under a heading such as "Works Cited", or a trailing run of
 * reference-shaped blocks) and splits it into entries, with offsets into the document text.
 */
import type { Block } from '../documents/model';
import { entryLabel, entryNumber, entryStartsWithin, looksLikeHeadlessReference, looksLikeReference, opensShortEntry, opensWithDate, startsEntry } from './reference-shapes';

/** One entry of a reference list. */
export interface ReferenceListEntry {
  /** [start, end) of the entry in the document text, trimmed. */
  start: number;
  end: number;
  /** The entry's text with runs of whitespace (line breaks of wrapped entries) collapsed. */
  raw: string;
  /** The "[n]" / "n." label of a numbered list. */
  number?: number;
  /** The "[And83]" label of an alphabetic list. */
  label?: string;
}

/** A document's reference list; `entries` is empty when none was found. */
export interface ReferenceList {
  heading?: { start: number; end: number; text: string };
  entries: ReferenceListEntry[];
  /** True when every entry carries a number label. */
  numbered: boolean;
  /** True when every entry carries an alphabetic label ("[DS13]"). */
  labelled?: boolean;
}

interface Line {
  start: number;
  end: number;
  blockStart: boolean;
}

/** Trimmed lines of a block, as offsets. */
function blockLines(text: string, block: Block): Line[] {
  const lines: Line[] = [];
  let pos = block.start;
  for (const piece of text.slice(block.start, block.end).split('\n')) {
    const lead = piece.length - piece.trimStart().length;
    const body = piece.trim();
    if (body) lines.push({ start: pos + lead, end: pos + lead + body.length, blockStart: lines.length === 0 });
    pos += piece.length + 1;
  }
  return lines;
}

/**
 * Groups lines into entries. A block starts an entry unless it reads as the tail of the previous
 * one (lower-case opening after an entry without final punctuation); inside a block, a line
 * continues the entry unless its shape opens a new one (hanging indents and wrapped lines).
 */
function groupEntries(text: string, lines: Line[]): Array<{ start: number; end: number }> {
  const entries: Array<{ start: number; end: number }> = [];
  for (const line of lines) {
    const body = text.slice(line.start, line.end);
    const last = entries[entries.length - 1];
    const lastText = last ? text.slice(last.start, last.end) : '';
    const tail = /^[\p{Ll}\d]/u.test(body) && !/[.!?]["”’]?$/u.test(lastText);
    const opens = line.blockStart ? !tail : startsEntry(body);
    if (last && !opens) last.end = line.end;
    else entries.push({ start: line.start, end: line.end });
  }
  return entries;
}

/** The text of `span` without the ranges in `cut` (page furniture inside an entry). */
function sliceWithout(text: string, span: { start: number; end: number }, cut: ReadonlyArray<{ start: number; end: number }>): string {
  let out = '';
  let at = span.start;
  for (const c of cut) {
    if (c.end <= at || c.start >= span.end) continue;
    out += text.slice(at, Math.max(at, c.start)) + ' ';
    at = Math.max(at, c.end);
  }
  return out + text.slice(at, span.end);
}

function toEntry(text: string, span: { start: number; end: number }, cut: ReadonlyArray<{ start: number; end: number }> = []): ReferenceListEntry {
  const raw = sliceWithout(text, span, cut).replace(/\s+/gu, ' ').trim();
  const number = entryNumber(raw);
  const label = number === undefined ? entryLabel(raw) : undefined;
  return { ...span, raw, ...(number !== undefined ? { number } : {}), ...(label !== undefined ? { label } : {}) };
}

/** Lines of the blocks from `from` up to the next heading or rule, page furniture (`skip`) left out. */
function linesUntilHeading(text: string, blocks: Block[], from: number, skip?: ReadonlySet<number>, heading?: string): Line[] {
  const lines: Line[] = [];
  const furniture = heading ? runningHeading(heading) : undefined;
  for (let i = from; i < blocks.length; i++) {
    const block = blocks[i];
    if (skip?.has(i)) continue;
    if (!block || block.kind === 'heading' || block.kind === 'rule') break;
    for (const line of blockLines(text, block)) {
      const trimmed = furniture ? withoutRunningHeading(text, line, furniture) : line;
      if (trimmed.end > trimmed.start) lines.push(trimmed);
    }
  }
  return lines;
}

/** The list's heading as a running head or foot prints it, a page number on either side. */
function runningHeading(heading: string): { lead: RegExp; tail: RegExp } {
  const words = heading.trim().replace(/[.*+?^${}()|[\]\\]/gu, '\\$&').replace(/\s+/gu, '\\s+');
  return {
    lead: new RegExp(String.raw`^(?:\d{1,4}\s{1,4})?${words}(?:\s{1,4}\d{1,4})?\s{1,4}`, 'iu'),
    tail: new RegExp(String.raw`\s{1,4}(?:\d{1,4}\s{1,4})?${words}(?:\s{1,4}\d{1,4})?$`, 'iu'),
  };
}

/**
 * A line without the running head or foot a PDF ran into it: "REFERENCES [18] Mary Ann Doane.
 * …" (the foot of one page joined to the first entry of the next), or "…, 1983. REFERENCES".
 */
function withoutRunningHeading(text: string, line: Line, furniture: { lead: RegExp; tail: RegExp }): Line {
  const body = text.slice(line.start, line.end);
  const lead = furniture.lead.exec(body);
  if (lead && startsEntry(body.slice(lead[0].length))) return { ...line, start: line.start + lead[0].length };
  const tail = furniture.tail.exec(body);
  if (tail && tail.index > 0 && /[.)]$/u.test(body.slice(0, tail.index))) return { ...line, end: line.start + tail.index };
  return line;
}

/** Entries from `from` on, up to the first that does not read like a reference or a heading. */
function entriesAfter(text: string, blocks: Block[], from: number, accept: (entry: string) => boolean): ReferenceListEntry[] {
  const entries: ReferenceListEntry[] = [];
  for (const span of groupEntries(text, linesUntilHeading(text, blocks, from))) {
    const entry = toEntry(text, span);
    if (!accept(entry.raw)) break;
    entries.push(entry);
  }
  return entries;
}

/** Splits a span that holds several entries run together (see entryStartsWithin). */
function splitJoined(text: string, span: { start: number; end: number }): Array<{ start: number; end: number }> {
  const piece = text.slice(span.start, span.end);
  if ((piece.match(/(?:1[5-9]\d\d|20\d\d)/gu)?.length ?? 0) < 2) return [span];
  // Whitespace becomes single spaces one for one, so offsets in `piece` stay offsets from span.start.
  const cuts = entryStartsWithin(piece.replace(/\s/gu, ' '));
  if (cuts.length === 0) return [span];
  const bounds = [0, ...cuts, piece.length];
  return bounds.slice(0, -1).map((from, i) => ({ start: span.start + from, end: span.start + bounds[i + 1]! - (i + 1 < bounds.length - 1 ? 1 : 0) }));
}

/**
 * A piece that carries on the entry before it: the rest of a title or a URL, DOI or page tail
 * split off by justified spacing or a page break, or anything after an entry too short to be
 * whole ("Johnson SG (2014)." followed by its title).
 */
function continues(previous: string, piece: string): boolean {
  if (/^(?:[\p{Ll}\d“"‘'«([]|URL\b|https?:|doi\b|DOI\b|arXiv\b|ISBN\b|ISSN\b|Available\b|Retrieved\b|Accessed\b|In:?\s)/u.test(piece)) return true;
  // An entry may end on its URL or DOI, with no full stop after it (APA).
  if (/(?:https?:\/\/|doi:|\b10\.\d{4,9}\/)\S+$/iu.test(previous) && opensEntryHere(piece)) return false;
  return previous.length < 60 || !/[.!?]["”’»)]?$/u.test(previous);
}

/** A piece that opens an entry by its shape and has its year near the start. */
function opensEntryHere(piece: string): boolean {
  return looksLikeHeadlessReference(piece) || opensWithDate(piece) || (startsEntry(piece) && /(?:1[5-9]\d\d|20\d\d)/u.test(piece.slice(0, 80)));
}

/** How far past a list's last entry an annotation or stray line may run before the list ends. */
const LOOKAHEAD = 2;

/**
 * Entries under a heading: the list runs to the next heading. A piece that does not open an entry
 * carries on the entry before it, or, when another entry follows within two pieces, is an
 * annotation left out of both; otherwise the list ends there (credits, an appendix in body text).
 */
function entriesUnderHeading(text: string, blocks: Block[], from: number, skip?: ReadonlySet<number>, heading?: string): ReferenceListEntry[] {
  const cut = [...(skip ?? [])].sort((a, b) => a - b).map((i) => blocks[i]!).filter(Boolean);
  const entry = (span: { start: number; end: number }) => toEntry(text, span, cut);
  const pieces = groupEntries(text, linesUntilHeading(text, blocks, from, skip, heading)).flatMap((span) => splitJoined(text, span)).map(entry);
  const entries: ReferenceListEntry[] = [];
  for (let i = 0; i < pieces.length; i++) {
    const piece = pieces[i]!;
    const last = entries[entries.length - 1];
    // A label on a line of its own ("[Ben63]", "[12]") opens the entry its next line carries on.
    const bareLabel = /^(?:\[[^\]]{1,10}\]|\d{1,4}\.)$/u.test(piece.raw) && (entryLabel(piece.raw + ' x') !== undefined || entryNumber(piece.raw + ' x') !== undefined);
    const opens = bareLabel || looksLikeReference(piece.raw) || opensShortEntry(piece.raw);
    // A page's footnote inside an unnumbered list stands apart, to be left out (withoutNotes).
    const note = GLUED_NOTE.test(piece.raw) || (piece.number !== undefined && entries.length >= 2 && entries.every((e) => e.number === undefined));
    if (last && LOST_MARK.test(piece.raw) && /[.!?]["”’»)]?$/u.test(last.raw)) {
      // The rule biblatex-chicago draws for a repeated author comes out of a PDF as nothing,
      // leaving the entry's own full stop: ". Narration in the Fiction Film. …, 1985."
      entries.push({ ...piece, raw: `———${piece.raw}` });
    } else if (note || (opens && (!last || bareLabel || !continues(last.raw, piece.raw) || startsEntry(piece.raw)))) {
      entries.push(piece);
    } else if (last && continues(last.raw, piece.raw)) {
      entries[entries.length - 1] = entry({ start: last.start, end: piece.end });
    } else if (!pieces.slice(i + 1, i + 1 + LOOKAHEAD).some((next) => looksLikeHeadlessReference(next.raw))) {
      break;
    }
  }
  return withoutNotes(entries, (e) => {
    const tail = entryAfterNote(text.slice(e.start, e.end));
    return tail === undefined ? undefined : entry({ start: e.start + tail, end: e.end });
  });
}

/**
 * Where, in a footnote a PDF ran into a list, the next entry of the list starts: after a
 * sentence end, "Family, Given." or "Family, Given H.:" ("…, 1955, p. 17. Dolin, Anton.
 * Closeness and …"). Short citations in a note ("Anderson, Imagined Communities, 141.") have a
 * comma, not a full stop, after the words that follow the family name (or more words than a
 * given name has: "Naficy, An Accented Cinema: …"), and a place ("Cambridge, MA: Harvard …") no
 * given name.
 */
function entryAfterNote(piece: string): number | undefined {
  for (const m of piece.matchAll(/(?<=[.)]\s{1,3})(?=\p{Lu}[\p{L}'’-]{1,40}(?:\s\p{Lu}[\p{L}'’-]{1,40}){0,2},\s(?:\p{Lu}\p{Ll}[\p{L}'’-]*(?:\s\p{Lu}\p{Ll}[\p{L}'’-]*)?(?:\s\p{Lu}\.){1,2}|\p{Lu}\p{Ll}[\p{L}'’-]*(?:\s\p{Lu}\p{Ll}[\p{L}'’-]*)?[.:]|\p{Lu}\.(?:\s?\p{Lu}\.){0,2})\s(?:[“"‘]|\p{Lu}))/gu)) {
    if (m.index > 3) return m.index;
  }
  return undefined;
}

/** An entry that opens with the full stop after a repeated-author rule the PDF lost, and has a year. */
const LOST_MARK = /^[.,]\s{1,2}\p{Lu}(?=.{0,300}(?<!\d)(?:1[5-9]\d\d|20\d\d)(?!\d))/u;

/** A footnote as a PDF prints it at a page's foot, its number glued on ("22Lotte H. Eisner. …"). */
const GLUED_NOTE = /^\d{1,3}\p{Lu}\p{Ll}/u;

/**
 * A list without number labels that a page's footnotes interrupt: "39. Miriam Hansen, Babel and
 * Babylon (Cambridge, MA: …, 1991), 23." reads like a numbered entry, but among entries that
 * carry no numbers it is a note of a notes-and-bibliography text, not part of the list.
 */
function withoutNotes(entries: ReferenceListEntry[], entryAfter: (note: ReferenceListEntry) => ReferenceListEntry | undefined): ReferenceListEntry[] {
  const numbered = entries.filter((e) => e.number !== undefined).length;
  const plain = entries.length - numbered;
  if (plain < 2 || numbered * 2 >= plain) return entries;
  // A note may run on into the entry that follows it on the page.
  return entries.flatMap((e) => (e.number === undefined && !GLUED_NOTE.test(e.raw) ? [e] : (entryAfter(e) ?? [])));
}

function isNumbered(entries: ReferenceListEntry[]): boolean {
  return entries.length > 0 && entries.every((e) => e.number !== undefined);
}

/** A list without a heading: the last run of at least two reference-shaped blocks near the end. */
function headlessList(text: string, blocks: Block[]): ReferenceList {
  let last = blocks.length - 1;
  // Page furniture after a list ("Updated: 2018", a copyright line) is short; skip a little.
  for (let skipped = 0; last >= 0 && skipped < 3; skipped++) {
    const b = blocks[last];
    if (!b || looksLikeHeadlessReference(text.slice(b.start, b.end)) || b.end - b.start > 80) break;
    last--;
  }
  let first = last + 1;
  while (first > 0) {
    const b = blocks[first - 1];
    if (!b || b.kind === 'heading' || !looksLikeHeadlessReference(text.slice(b.start, b.end))) break;
    first--;
  }
  if (last - first + 1 < 2) return { entries: [], numbered: false };
  const entries = entriesAfter(text, blocks.slice(0, last + 1), first, looksLikeHeadlessReference);
  return entries.length >= 2 ? { entries, numbered: isNumbered(entries), labelled: entries.every((e) => e.label !== undefined) } : { entries: [], numbered: false };
}

/**
 * The list under the heading block `at`, page furniture (`skip`) left out; undefined when no
 * entry follows the heading.
 */
export function listUnderHeading(text: string, blocks: Block[], at: number, skip?: ReadonlySet<number>): ReferenceList | undefined {
  const block = blocks[at];
  if (!block) return undefined;
  const line = text.slice(block.start, block.end);
  const entries = entriesUnderHeading(text, blocks, at + 1, skip, line);
  if (entries.length === 0) return undefined;
  const lead = line.length - line.trimStart().length;
  const heading = { start: block.start + lead, end: block.start + lead + line.trim().length, text: line.trim() };
  return { heading, entries, numbered: isNumbered(entries), labelled: entries.every((e) => e.label !== undefined) };
}

/** The last run of reference-shaped blocks near the end, for a document whose list has no heading. */
export function findHeadlessList(text: string, blocks: Block[]): ReferenceList {
  return headlessList(text, blocks);
}
