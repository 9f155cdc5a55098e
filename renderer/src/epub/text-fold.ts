/**
 * Comparing text shown on a page (the EPUB page view's) with the document's canonical text. The
 * two differ in ways that do not matter to a reader: line breaks and spacing (the page lays words out by position, the
 * canonical text reflows them), words hyphenated at line ends and joined again, ligatures,
 * curly quotes and letter case. Folding drops or evens out all of these and remembers, for every
 * folded character, where it came from, so a match on folded text maps back to real offsets.
 */

import { fromT1Codes } from '../../../app/documents/pdf/lines';

/** Text with whitespace and hyphens removed, ligatures expanded and letters lower-cased. */
export interface FoldedText {
  folded: string;
  /** For each folded character, the UTF-16 offset of the source character it came from. */
  starts: number[];
  /** For each folded character, the offset just after its source character. */
  ends: number[];
}

/** Hyphens, soft hyphens, dashes and invisible joiners: where they appear depends on line breaks. */
const DROPPED = /[\s\u00ad\u2010-\u2015\u2212\u200b-\u200d\u2060\ufeff-]/u;

const QUOTES: Record<string, string> = { '\u2018': "'", '\u2019': "'", '\u201a': "'", '\u201b': "'", '\u201c': '"', '\u201d': '"', '\u201e': '"', '\u201f': '"' };

/** Folds `text`; `offset` is added to every recorded position (for slices of a longer text). */
export function foldText(text: string, offset = 0): FoldedText {
  let folded = '';
  const starts: number[] = [];
  const ends: number[] = [];
  let index = 0;
  for (const char of text) {
    const next = index + char.length;
    if (!DROPPED.test(char)) {
      // A T1 bitmap font's control codes stand for quotes, dashes and ligatures (as in the import).
      const code = char.charCodeAt(0);
      const read = code >= 0x10 && code <= 0x1f ? fromT1Codes(char) : char;
      const plain = read !== char
        ? [...read].map((c) => QUOTES[c] ?? c.normalize('NFKC').toLowerCase()).join('')
        : (QUOTES[char] ?? (char.charCodeAt(0) < 128 ? char.toLowerCase() : char.normalize('NFKC').toLowerCase()));
      for (const unit of plain) {
        if (DROPPED.test(unit)) continue;
        folded += unit;
        for (let k = 0; k < unit.length; k++) {
          starts.push(index + offset);
          ends.push(next + offset);
        }
      }
    }
    index = next;
  }
  return { folded, starts, ends };
}

/** The folded form of `text`, without positions. */
export function foldOnly(text: string): string {
  return foldText(text).folded;
}

/** A range [start, end) of folded characters. */
export interface FoldedRange {
  start: number;
  end: number;
}

/** Maps a folded range back to source offsets [start, end). */
export function sourceRange(text: FoldedText, range: FoldedRange): { start: number; end: number } {
  return { start: text.starts[range.start]!, end: text.ends[range.end - 1]! };
}

/** Every position of `needle` in `haystack`, at most `limit` of them. */
export function occurrences(haystack: string, needle: string, limit = 200): number[] {
  const found: number[] = [];
  if (needle === '') return found;
  for (let at = haystack.indexOf(needle); at >= 0 && found.length < limit; at = haystack.indexOf(needle, at + 1)) found.push(at);
  return found;
}

/** How many characters of `before` (read backwards) and `after` agree with the text around [start, end). */
export function contextScore(haystack: string, start: number, end: number, before: string, after: string): number {
  let score = 0;
  for (let k = 1; k <= before.length && start - k >= 0 && haystack[start - k] === before[before.length - k]; k++) score++;
  for (let k = 0; k < after.length && end + k < haystack.length && haystack[end + k] === after[k]; k++) score++;
  return score;
}

/**
 * Finds folded `needle` in `haystack`, choosing among repeats the one whose surroundings best
 * agree with the folded context `before` and `after`. Null when absent or empty.
 */
export function findWithContext(haystack: string, needle: string, before = '', after = ''): FoldedRange | null {
  let best: FoldedRange | null = null;
  let bestScore = -1;
  for (const at of occurrences(haystack, needle)) {
    const score = contextScore(haystack, at, at + needle.length, before, after);
    if (score > bestScore) {
      best = { start: at, end: at + needle.length };
      bestScore = score;
    }
  }
  return best;
}

/**
 * The longest prefix of `needle` (at least `min` characters) found in `haystack`, at its last
 * occurrence: the part of a passage that a page break cut, which ends its page.
 */
export function longestPrefix(haystack: string, needle: string, min: number): FoldedRange | null {
  return longestPart(haystack, needle, min, (k) => needle.slice(0, k), (part) => haystack.lastIndexOf(part));
}

/** The longest suffix of `needle` (at least `min` characters) in `haystack`, at its first occurrence. */
export function longestSuffix(haystack: string, needle: string, min: number): FoldedRange | null {
  return longestPart(haystack, needle, min, (k) => needle.slice(needle.length - k), (part) => haystack.indexOf(part));
}

function longestPart(haystack: string, needle: string, min: number, part: (k: number) => string, locate: (part: string) => number): FoldedRange | null {
  // If a part of length k occurs, so does every shorter one: a binary search finds the longest.
  let low = 0;
  let high = needle.length;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (locate(part(mid)) >= 0) low = mid;
    else high = mid - 1;
  }
  if (low < Math.max(1, min)) return null;
  const at = locate(part(low));
  return { start: at, end: at + low };
}
