/**
 * Finding places where a quote may sit: exact occurrences and approximate matches, within a
 * window of the text or across all of it. Scoring the places is match-score.ts's job.
 */
import approxSearch from 'approx-string-match';
import type { Candidate } from './match-score';

/**
 * Most errors an approximate match of a quote may have: half its length, at most 256. Past half
 * the characters wrong, a "match" of a short quote is as likely chance as the old text, and the
 * context has to carry the decision alone. 256 bounds the cost: approx-string-match works in
 * 32-character blocks and its time grows with maxErrors / 32 per character searched.
 */
export function maxErrorsFor(quote: string): number {
  return Math.min(256, Math.floor(quote.length / 2));
}

/** Quotes longer than this are searched across a whole text by seeds, not in one piece. */
export const LONG_QUOTE = 64;
/** One machine word: approx-string-match handles a 32-character pattern in a single block. */
const SEED_LENGTH = 32;
/** Regions verified per seed search; the rest would only be chance matches of a short seed. */
const MAX_SEED_REGIONS = 16;

/** Exact occurrences of `quote` lying wholly within [from, to) of `text`. */
export function exactMatches(text: string, quote: string, from = 0, to = text.length): Candidate[] {
  const lo = Math.max(0, from);
  const hi = Math.min(text.length, to);
  if (quote.length === 0 || hi - lo < quote.length) return [];
  // Slicing keeps indexOf from scanning past the window when the quote is not in it.
  const hay = lo === 0 && hi === text.length ? text : text.slice(lo, hi);
  const found: Candidate[] = [];
  for (let at = hay.indexOf(quote); at !== -1; at = hay.indexOf(quote, at + 1)) {
    found.push({ start: lo + at, end: lo + at + quote.length, errors: 0 });
  }
  return found;
}

/** The least-error approximate matches of `quote` within [from, to) of `text`. */
export function fuzzyMatches(text: string, quote: string, maxErrors: number, from = 0, to = text.length): Candidate[] {
  const lo = Math.max(0, from);
  const hi = Math.min(text.length, to);
  if (quote.length === 0 || hi <= lo) return [];
  const hay = lo === 0 && hi === text.length ? text : text.slice(lo, hi);
  return approxSearch(hay, quote, maxErrors).map((m) => ({ start: lo + m.start, end: lo + m.end, errors: m.errors }));
}

/**
 * Approximate matches of `quote` anywhere in `text`. A long quote is not searched whole: its
 * head, middle and tail (32 characters each) are, allowing the same error rate, and the full
 * quote is then matched only in the regions those seeds point at. Searching three one-block
 * seeds costs a fraction of one search with a pattern of up to 256 errors, and one intact seed
 * is enough to find a quote whose other parts were rewritten.
 */
export function fuzzyMatchesAnywhere(text: string, quote: string, maxErrors: number, hint?: number): Candidate[] {
  if (quote.length <= LONG_QUOTE) return fuzzyMatches(text, quote, maxErrors);
  const seedErrors = Math.floor((SEED_LENGTH * maxErrors) / quote.length);
  const offsets = [0, Math.floor((quote.length - SEED_LENGTH) / 2), quote.length - SEED_LENGTH];
  const regions: [number, number][] = [];
  for (const offset of offsets) {
    const seed = quote.slice(offset, offset + SEED_LENGTH);
    const hits = fuzzyMatches(text, seed, seedErrors);
    const expected = (m: Candidate): number => m.start - offset;
    if (hint !== undefined) hits.sort((a, b) => Math.abs(expected(a) - hint) - Math.abs(expected(b) - hint));
    for (const hit of hits.slice(0, MAX_SEED_REGIONS)) {
      regions.push([expected(hit) - maxErrors, expected(hit) + quote.length + maxErrors]);
    }
  }
  const found = new Map<string, Candidate>();
  for (const [from, to] of mergeRegions(regions)) {
    for (const m of fuzzyMatches(text, quote, maxErrors, from, to)) found.set(`${m.start}:${m.end}`, m);
  }
  // Every region's best match is kept, not only the fewest errors overall: the scorer weighs
  // context too, and a match with a few more errors but the right prefix and suffix may win.
  return [...found.values()];
}

/** Overlapping [from, to) regions merged, in order. */
function mergeRegions(regions: [number, number][]): [number, number][] {
  const sorted = [...regions].sort((a, b) => a[0] - b[0]);
  const merged: [number, number][] = [];
  for (const region of sorted) {
    const last = merged.at(-1);
    if (last && region[0] <= last[1]) last[1] = Math.max(last[1], region[1]);
    else merged.push([region[0], region[1]]);
  }
  return merged;
}
