/** A few lines of context around the first matching word, with every match marked. */
import { wordsWithOffsets } from './words';

/** Text to show under a hit, and [start, end) ranges of it to emphasise. */
export interface Snippet {
  text: string;
  highlights: [number, number][];
}

/** A snippet and where its first match sits in the source text (-1 when no word matched). */
export interface SnippetAt {
  snippet: Snippet;
  matchOffset: number;
}

/** Characters of context either side of the first match. */
const RADIUS = 90;

/**
 * Builds a snippet from `text` around the first word whose folded form is one of `terms` (the
 * folded terms the index matched), marking every one of them in view. `anchors` says where to
 * centre: one group of terms per typed word (the word itself where the text has it, else its
 * completions and corrections; by default each term is its own group). With several groups, the
 * snippet centres on the first place where most of them stand together, so "mise-en-scène" is
 * shown where the phrase is and not at a lone "scene" earlier on. Whitespace becomes single
 * spaces one for one, so offsets hold.
 */
export function makeSnippet(text: string, terms: readonly string[], radius: number = RADIUS, anchors: readonly (readonly string[])[] = terms.map((term) => [term])): SnippetAt {
  const wanted = new Set(terms);
  const groupOf = new Map<string, number>();
  anchors.forEach((group, i) => group.forEach((term) => groupOf.set(term, i)));
  const first = anchors.length > 1 ? densestMatch(text, groupOf, anchors.length, radius) : firstMatch(text, new Set(groupOf.keys()));
  const anchor = first ?? { start: 0, end: 0 };
  let start = Math.max(0, anchor.start - radius);
  let end = Math.min(text.length, anchor.end + radius);
  // Start and end on word boundaries rather than mid-word.
  if (start > 0) {
    const space = text.slice(start, anchor.start).search(/\s/);
    if (space >= 0) start += space + 1;
  }
  if (end < text.length) {
    const tail = text.slice(anchor.end, end);
    const space = tail.search(/\s\S*$/);
    if (space >= 0) end = anchor.end + space;
  }
  const lead = start > 0 ? '…' : '';
  const body = text.slice(start, end);
  // Only the words in view are split and folded: a chunk is thousands of words, a snippet dozens.
  const highlights: [number, number][] = wordsWithOffsets(body)
    .filter((w) => wanted.has(w.term))
    .map((w) => [w.start + lead.length, w.end + lead.length]);
  return { snippet: { text: lead + body.replace(/\s/g, ' ') + (end < text.length ? '…' : ''), highlights }, matchOffset: first ? first.start : -1 };
}

/** The first matching word with the most groups (typed words) within `radius` of it. */
function densestMatch(text: string, groupOf: ReadonlyMap<string, number>, groups: number, radius: number): { start: number; end: number } | null {
  const matches = everyMatch(text, groupOf);
  let best: { start: number; end: number } | null = null;
  let bestCount = 0;
  for (let i = 0; i < matches.length && bestCount < groups; i++) {
    const here = matches[i]!;
    const near = new Set<number>();
    for (let j = i; j < matches.length && matches[j]!.start - here.start <= radius; j++) near.add(groupOf.get(matches[j]!.term)!);
    if (near.size > bestCount) {
      best = here;
      bestCount = near.size;
    }
  }
  return best;
}

/**
 * Every word of `text` whose folded form is wanted, in text order. For text that lowercasing
 * alone folds, each term is found with indexOf in the lowercased text (a prefix query marks a
 * dozen completions: splitting and folding a whole chunk's words for them costs ten times more).
 */
function everyMatch(text: string, wanted: ReadonlyMap<string, unknown>): { start: number; end: number; term: string }[] {
  const lower = text.toLowerCase();
  if (!foldsByCase(text, lower)) return wordsWithOffsets(text).filter((w) => wanted.has(w.term));
  const matches: { start: number; end: number; term: string }[] = [];
  for (const term of wanted.keys()) {
    for (let at = lower.indexOf(term); at >= 0; at = lower.indexOf(term, at + term.length)) {
      if (isBoundary(lower, at - 1) && isBoundary(lower, at + term.length)) matches.push({ start: at, end: at + term.length, term });
    }
  }
  return matches.sort((a, b) => a.start - b.start);
}

const SEPARATOR_CHAR = /[\n\r\p{Z}\p{P}]/u;
// The same test for ASCII, looked up by character code: snippets test thousands of characters.
const ASCII_SEPARATOR = Array.from({ length: 128 }, (_, code) => SEPARATOR_CHAR.test(String.fromCharCode(code)));
const NOT_ASCII = /[\u0080-\uffff]/;

function isBoundary(text: string, at: number): boolean {
  if (at < 0 || at >= text.length) return true;
  const code = text.charCodeAt(at);
  return code < 128 ? ASCII_SEPARATOR[code]! : SEPARATOR_CHAR.test(text[at]!);
}

/** True when lowercasing alone folds `lower`'s words: no accents, ligatures, ё or combining marks. */
function foldsByCase(text: string, lower: string): boolean {
  if (!NOT_ASCII.test(text)) return true;
  return lower.length === text.length && lower.normalize('NFKD') === lower && !/\p{M}/u.test(lower);
}

/**
 * The first word of `text` whose folded form is wanted. Fast path, for text that lowercasing
 * alone folds: find each term in the lowercased text and check it stands as a whole word.
 * Otherwise every word is split and folded, up to the first match.
 */
function firstMatch(text: string, wanted: ReadonlySet<string>): { start: number; end: number } | null {
  const lower = text.toLowerCase();
  if (foldsByCase(text, lower)) {
    let best: { start: number; end: number } | null = null;
    for (const term of wanted) {
      for (let at = lower.indexOf(term); at >= 0 && (!best || at < best.start); at = lower.indexOf(term, at + 1)) {
        if (isBoundary(lower, at - 1) && isBoundary(lower, at + term.length)) {
          best = { start: at, end: at + term.length };
          break;
        }
      }
    }
    return best;
  }
  return wordsWithOffsets(text).find((w) => wanted.has(w.term)) ?? null;
}
