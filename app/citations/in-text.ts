/**
 * Finds in-text citations: parenthetical author-date ("(Smith 2019, p. 4; Jones and Lee 2020a)"),
 * narrative ("Smith et al. (2019) argue") and numeric ("[3–5, 8]"). Precision matters as much as
 * recall: a film's "(Tesnota, 2017)" or "Sophie’s Choice (1982)" has the same outline as a
 * citation, so candidates are judged against the document's reference list when it has one, and
 * held to strong shapes when it has none.
 */
import { namesBefore, narrativeItems, parseCitationPart, parseNarrativeParen, parseYearsPart, type CitedItem, type ParsedPart } from './in-text-patterns';

export type { CitedItem } from './in-text-patterns';

/** How a citation is written; 'note' is a work cited in a foot- or endnote (see note-citations.ts). */
export type InTextKind = 'parenthetical' | 'narrative' | 'numeric' | 'footnote' | 'note';

/** One in-text citation, with offsets into the document text. */
export interface InTextCitation {
  text: string;
  start: number;
  end: number;
  kind: InTextKind;
  items: CitedItem[];
  /** The locator when the citation names one work with one ("405" in "(Yuval-Davis 1997: 405)"). */
  locator?: string;
  /** For footnote markers: where the note's text was found. */
  note?: { start: number; end: number };
}

/** What the finder knows about the document's reference list. */
export interface CitationContext {
  /**
   * True when a family name as written in the text matches an author of some entry; absent when
   * the document has no reference list.
   */
  isKnownAuthor?: (family: string) => boolean;
  /** True when the reference list is numbered, so "[12]" points into it. */
  numberedList?: boolean;
  /** Number of entries, bounding the numbers a numeric citation may carry. */
  entryCount?: number;
  /** The labels of an alphabetic list ("And83"): only these are read in brackets. */
  labels?: ReadonlySet<string>;
}

/** A parenthesis without nested parentheses; bounded so an unclosed "(" costs little. */
const PAREN = /\(([^()\n]{1,300})\)/gu;
/** An opening parenthesis followed by a year: where a narrative citation's date sits. */
const YEAR_PAREN = /\((?=\s?(?:1[5-9]\d\d|20\d\d)[a-z]?[\s),;:])([^()\n]{1,120})\)/gu;
/**
 * "[12]", "[3–5, 8]", and with a prefix or a pin-point: "[see 5, 6, ch. 3]", "[21, p. 405]",
 * "[4, pp. 310–312]", "[2, с. 112]", also broken after a comma across lines or blocks (a
 * double-spaced page a PDF reads as one block per line). Group 1: prefix, 2: numbers, 3: locator.
 */
const NUMERIC = /\[(?:(see|cf\.|e\.g\.,?|см\.|vgl\.)\s)?(\d{1,4}(?:\s?[-–]\s?\d{1,4})?(?:\s?,\s{0,3}\d{1,4}(?:\s?[-–]\s?\d{1,4})?){0,30})(?:,\s{0,3}((?:pp?|ch|chap|sec|S|с|Kap)\.\s?[\dIVXLCivxlc]{1,6}(?:\s?[-–—]\s?[\dIVXLCivxlc]{1,6})?))?\]/gu;

function citationLocator(items: CitedItem[]): string | undefined {
  const located = items.filter((i) => i.locator);
  return items.length === 1 || located.length === 1 ? located[0]?.locator : undefined;
}

/** Strong shapes stand on their own when no reference list can confirm the names. */
function strongPart(part: ParsedPart): boolean {
  const item = part.items[0];
  if (!item) return false;
  return Boolean(item.etAl) || part.items.some((i) => i.locator) || item.names.length > 1 || !part.commaBeforeYear;
}

function judgeParenthetical(parts: ParsedPart[], context: CitationContext): boolean {
  const known = context.isKnownAuthor;
  if (!known) return parts.every(strongPart);
  if (parts.some((p) => p.items.some((i) => known(i.names[0] ?? '')))) return true;
  // Unknown names are kept (to be flagged unresolved) only in the plainest "(Name 2019)" shape.
  return parts.every((p) => !p.commaBeforeYear && !p.hasComment && p.items.every((i) => !i.prefix || /^(?:see|cf\.)(?: also)?$/iu.test(i.prefix)));
}

function parentheticals(text: string, context: CitationContext): InTextCitation[] {
  const found: InTextCitation[] = [];
  for (const m of text.matchAll(PAREN)) {
    const inside = m[1] ?? '';
    if (!/\d{4}/u.test(inside)) continue;
    const parts: Array<ParsedPart | undefined> = [];
    for (const piece of inside.split(';')) {
      const previous = parts[parts.length - 1];
      parts.push(parseCitationPart(piece) ?? (previous ? parseYearsPart(piece, previous) : undefined));
    }
    if (parts.length === 0 || parts.some((p) => !p)) continue;
    const parsed = parts as ParsedPart[];
    if (!judgeParenthetical(parsed, context)) continue;
    const items = parsed.flatMap((p) => p.items);
    const locator = citationLocator(items);
    found.push({ text: m[0], start: m.index, end: m.index + m[0].length, kind: 'parenthetical', items, ...(locator ? { locator } : {}) });
  }
  return found;
}

function narratives(text: string, context: CitationContext): InTextCitation[] {
  const found: InTextCitation[] = [];
  for (const m of text.matchAll(YEAR_PAREN)) {
    const paren = parseNarrativeParen(m[1] ?? '');
    if (!paren) continue;
    const windowStart = Math.max(0, m.index - 160);
    const before = namesBefore(text.slice(windowStart, m.index));
    if (!before) continue;
    const known = context.isKnownAuthor;
    let names = before.names;
    let start = windowStart + before.index;
    // "Recently, Merkle et al. (2014)": a capitalised word before the first author the list knows.
    const firstKnown = known && !known(names[0] ?? '') ? names.findIndex((name) => known(name)) : -1;
    const at = firstKnown > 0 ? text.indexOf(names[firstKnown]!, start) : -1;
    if (at >= 0 && at < m.index) {
      names = names.slice(firstKnown);
      start = at;
    }
    // Without a list only "et al." or a locator tells "Smith (2019)" from "Russian Ark (2002)".
    const keep = known ? known(names[0] ?? '') || before.etAl : before.etAl || Boolean(paren.locator);
    if (!keep) continue;
    const end = m.index + m[0].length;
    const items = narrativeItems(names, before.etAl, paren.years, paren.locator);
    const locator = citationLocator(items);
    found.push({ text: text.slice(start, end), start, end, kind: 'narrative', items, ...(locator ? { locator } : {}) });
  }
  return found;
}

function expandNumbers(inside: string): number[] | undefined {
  const numbers: number[] = [];
  for (const piece of inside.split(',')) {
    const [a, b] = piece.split(/[-–]/u).map((s) => Number(s.trim()));
    if (a === undefined || !Number.isFinite(a)) return undefined;
    const last = b ?? a;
    if (last < a || last - a > 200) return undefined;
    for (let n = a; n <= last; n++) numbers.push(n);
  }
  return numbers;
}

/**
 * Brackets that belong to code: an index glued to a name or a call ("x[1]", "rownames(ps)[2]",
 * "ps[2,2]"), or the "[1]" that opens a line of R console output ("[1] "zooreg" 0.5 TRUE").
 */
function isCodeBracket(text: string, start: number, end: number): boolean {
  if (start > 0 && /[\p{L}\p{N}_.)\]]/u.test(text[start - 1] ?? '')) return true;
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  if (text.slice(lineStart, start).trim() !== '') return false;
  return /^\s{1,3}(?:["'\d-]|TRUE\b|FALSE\b|NA\b|NULL\b|<)/u.test(text.slice(end, end + 8));
}

function numerics(text: string, context: CitationContext): InTextCitation[] {
  const found: InTextCitation[] = [];
  // "[1]" is R's console output, an index or an editor's insertion unless the list is numbered.
  if (!context.numberedList) return found;
  for (const m of text.matchAll(NUMERIC)) {
    if (isCodeBracket(text, m.index, m.index + m[0].length)) continue;
    const numbers = expandNumbers(m[2] ?? '');
    if (!numbers || numbers.length === 0 || numbers.some((n) => n < 1)) continue;
    if (numbers.some((n) => n > (context.entryCount ?? 9999))) continue;
    const pin = m[3]?.replace(/^\p{L}{1,4}\.\s?/u, '');
    const items: CitedItem[] = numbers.map((number, i) => ({ names: [], number, ...(m[1] && i === 0 ? { prefix: m[1] } : {}), ...(pin && i === numbers.length - 1 ? { locator: pin } : {}) }));
    const locator = citationLocator(items);
    found.push({ text: m[0], start: m.index, end: m.index + m[0].length, kind: 'numeric', items, ...(locator ? { locator } : {}) });
  }
  return found;
}

/** A bracket of a labelled list: "[And83]", "[see Bor85; Bor89, ch. 3]", "[Smi20b; Smi20a]". */
const BRACKET = /\[([^[\]\n]{2,200})\]/gu;
const LABEL_PART = /^(?<prefix>[\p{Ll}][\p{L}.]{0,12}(?:\s[\p{Ll}][\p{L}.]{0,12})?\s)?(?<label>\p{Lu}[\p{L}+ -]{0,7}\d{2,4}[a-z]?)(?:,\s?(?<locator>.{1,40}))?$/u;

function labelled(text: string, context: CitationContext): InTextCitation[] {
  const labels = context.labels;
  const found: InTextCitation[] = [];
  if (!labels || labels.size === 0) return found;
  for (const m of text.matchAll(BRACKET)) {
    const parts = (m[1] ?? '').split(/;\s?/u).map((part) => LABEL_PART.exec(part.trim())?.groups);
    if (parts.length === 0 || parts.some((g) => !g?.label || !labels.has(g.label))) continue;
    const items: CitedItem[] = parts.map((g) => ({ names: [], label: g!.label!, ...(g!.locator ? { locator: g!.locator.replace(/^(?:pp?|ch|chap|sec)\.\s?/u, '') } : {}), ...(g!.prefix ? { prefix: g!.prefix.trim() } : {}) }));
    const locator = citationLocator(items);
    found.push({ text: m[0], start: m.index, end: m.index + m[0].length, kind: 'numeric', items, ...(locator ? { locator } : {}) });
  }
  return found;
}

/**
 * In-text citations of a text (footnote markers excluded; see footnotes.ts), in text order,
 * without overlaps. The caller drops those that fall inside the reference list itself.
 */
export function findInTextCitations(text: string, context: CitationContext = {}): InTextCitation[] {
  const all = [...parentheticals(text, context), ...narratives(text, context), ...numerics(text, context), ...labelled(text, context)];
  all.sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: InTextCitation[] = [];
  for (const c of all) {
    const last = kept[kept.length - 1];
    if (!last || c.start >= last.end) kept.push(c);
  }
  return kept;
}
