/**
 * Finding folded page text (foldForLayout, app/text/fold.ts) in the folded canonical text: among
 * repeats, the one whose surroundings agree best; for a passage a page break cut, its longest
 * part on the page.
 */
import type { FoldedText } from '../../../app/text/fold';

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
