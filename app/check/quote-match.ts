/**
 * Looking a quotation up in the library. Verbatim: every piece of the quotation (see
 * quote-pieces.ts) stands in one source as written, word for word after folding (see
 * quote-words.ts), in order, each within its gap of the one before. Otherwise the best
 * approximate passage: the quotation's rarer words vote for places in the library, the few
 * best places are aligned word by word with the quotation, and the best alignment is the
 * match. It 'differs' when at least DIFFERS_SCORE of the words agree, else it is 'not-found'.
 */
import { alignmentScore, alignWords, type Alignment } from './quote-align';
import { firstPostingFrom, frequency, sourceOf, type LibraryIndex } from './library-index';
import { BRACKET_SPAN, ELLIPSIS_SPAN, type QuotePiece } from './quote-pieces';

/**
 * How alike a passage must be to be the quotation's source, misquoted, rather than a chance
 * likeness. The score is the lower of two shares: words found as written over the longer side,
 * and the same weighted by each word's rarity (see weightedRecall). Measured on 70 passages of
 * 9-20 words taken from the five seeds and looked up in them: one word changed scores
 * 0.85-0.93 (median 0.90), two words 0.70-0.87, half the words 0.16-0.86 (median 0.39);
 * sentences made up for the test score 0.12-0.21 against their best place, real passages read
 * backwards 0.07-0.31. 0.5 keeps every quotation with a word or two changed and no made-up one.
 * On four R vignettes (PDF, 42 passages) one word changed scores a median 0.88, made-up
 * sentences 0.11-0.31; below 0.5 fell only stretches of R output, numbers that weigh nothing.
 */
export const DIFFERS_SCORE = 0.5;
/**
 * Short quotations meet chance likenesses everywhere ("the film is a triumph" finds "the film
 * is a piercing": 0.65), so one of fewer than SHORT_QUOTE words must score SHORT_DIFFERS_SCORE:
 * in practice all but one word found, and that one no rarer than the rest.
 */
export const SHORT_QUOTE = 8;
export const SHORT_DIFFERS_SCORE = 0.75;

/** The score from which a quotation of `words` words 'differs' from a passage rather than is 'not-found'. */
export function differsScore(words: number): number {
  return words < SHORT_QUOTE ? SHORT_DIFFERS_SCORE : DIFFERS_SCORE;
}
/** Places aligned per quotation. */
const PLACES = 4;
/** Words voting for places: the rarest of the quotation. */
const VOTERS = 24;
/** A word more frequent than this (an "the", an "of") is not worth a vote. */
const MAX_POSTINGS = 50_000;
/** Postings counted per quotation, at most (the two rarest words always vote). */
const POSTING_BUDGET = 20_000;
/** Places are counted in buckets of this many words along the diagonal. */
const BUCKET = 8;

/** Where a quotation stands in the library. */
export interface QuoteMatch {
  verbatim: boolean;
  /** Index of the source in the library. */
  source: number;
  /** The passage: library word positions [first, last], and offsets into the source's text. */
  start: number;
  end: number;
  /** How alike (1 for verbatim). */
  score: number;
  /** The alignment, for a passage that differs; its indices are quotation words and library words from `windowStart`. */
  alignment?: Alignment;
  windowStart?: number;
}

function idsOf(index: LibraryIndex, piece: QuotePiece): number[] {
  return piece.words.map((w) => index.vocabulary.get(w.folded) ?? -1);
}

function holdsAt(index: LibraryIndex, ids: readonly number[], at: number, limit: number): boolean {
  if (at < 0 || at + ids.length > limit) return false;
  for (let k = 0; k < ids.length; k++) if (index.ids[at + k] !== ids[k]) return false;
  return true;
}

/** The first place in [from, to] (start positions) where `ids` stand, within one source ending at `limit`. */
function findFrom(index: LibraryIndex, ids: readonly number[], from: number, to: number, limit: number): number {
  let rare = 0;
  for (let k = 1; k < ids.length; k++) if (frequency(index, ids[k]!) < frequency(index, ids[rare]!)) rare = k;
  const id = ids[rare]!;
  if (id < 0) return -1;
  const stop = index.postingStart[id + 1]!;
  for (let p = firstPostingFrom(index, id, from + rare); p < stop; p++) {
    const at = index.positions[p]! - rare;
    if (at > to) break;
    if (holdsAt(index, ids, at, limit)) return at;
  }
  return -1;
}

function span(gap: QuotePiece['gap']): number {
  return gap === 'ellipsis' ? ELLIPSIS_SPAN : gap === 'bracket' ? BRACKET_SPAN : 0;
}

/** Places a quotation stands verbatim looked at, at most, for one the draft's citation prefers. */
const MAX_VERBATIM_PLACES = 32;

/**
 * Every piece as written, in order, within its gap: the first such place in the library, or,
 * when the passage stands in several sources (a primary source and a paper quoting it), the
 * first in a source `prefer` picks (the one the draft's citation names).
 */
export function findVerbatim(index: LibraryIndex, pieces: readonly QuotePiece[], prefer?: (source: number) => boolean): QuoteMatch | null {
  const ids = pieces.map((p) => idsOf(index, p));
  if (ids.length === 0 || ids.some((list) => list.length === 0 || list.includes(-1))) return null;
  const first = ids[0]!;
  let at = findFrom(index, first, 0, index.ids.length, index.ids.length);
  let firstFound: QuoteMatch | null = null;
  for (let looked = 0; at >= 0 && looked < MAX_VERBATIM_PLACES; looked++) {
    const source = sourceOf(index, at);
    const limit = index.firstWord[source + 1]!;
    let end = at + first.length;
    let ok = end <= limit;
    for (let k = 1; ok && k < ids.length; k++) {
      const next = findFrom(index, ids[k]!, end, end + span(pieces[k]!.gap), limit);
      ok = next >= 0;
      if (ok) end = next + ids[k]!.length;
    }
    if (ok) {
      const found: QuoteMatch = { verbatim: true, source, start: index.starts[at]!, end: index.ends[end - 1]!, score: 1 };
      if (!prefer || prefer(source)) return found;
      firstFound ??= found;
    }
    at = findFrom(index, first, at + 1, index.ids.length, index.ids.length);
  }
  return firstFound;
}

/** Places the quotation's rarer words point to: library word positions where it would start. */
function places(index: LibraryIndex, words: readonly number[]): number[] {
  const ranked = words
    .map((id, k) => [id, k] as const)
    .filter(([id]) => id >= 0 && frequency(index, id) <= MAX_POSTINGS)
    .sort((a, b) => frequency(index, a[0]) - frequency(index, b[0]));
  // The rarest words vote, within a budget of postings: a quotation of common words costs no more than one of rare words.
  const voters: Array<readonly [number, number]> = [];
  let postings = 0;
  for (const voter of ranked) {
    if (voters.length >= VOTERS || (voters.length >= 2 && postings + frequency(index, voter[0]) > POSTING_BUDGET)) break;
    voters.push(voter);
    postings += frequency(index, voter[0]);
  }
  const votes = new Map<number, number>();
  for (const [id, k] of voters) {
    const stop = index.postingStart[id + 1]!;
    for (let p = index.postingStart[id]!; p < stop; p++) {
      const bucket = Math.floor((index.positions[p]! - k) / BUCKET);
      votes.set(bucket, (votes.get(bucket) ?? 0) + 1);
    }
  }
  // A bucket's neighbours count too: a quotation with words added or left out drifts across them.
  const scored: Array<[number, number]> = [];
  for (const [bucket, n] of votes) if (n >= 2 || voters.length <= 2) scored.push([bucket, n + ((votes.get(bucket - 1) ?? 0) + (votes.get(bucket + 1) ?? 0)) / 2]);
  scored.sort((a, b) => b[1] - a[1]);
  return scored.slice(0, PLACES).map(([bucket]) => bucket * BUCKET);
}

/**
 * How much of what the quotation says the passage holds: its words found as written, each
 * weighted by how rare it is in the library (log(1 + words / (1 + occurrences)); a word the
 * library lacks weighs most). "the film is a triumph" against "the film is a piercing" finds
 * four words of five, but only the common ones: a chance likeness, not a misquotation.
 */
function weightedRecall(index: LibraryIndex, words: readonly number[], alignment: Alignment): number {
  const total = index.ids.length;
  const weight = (id: number) => Math.log(1 + total / (1 + frequency(index, id)));
  let all = 0;
  for (const id of words) all += weight(id);
  let found = 0;
  for (const step of alignment.steps) if (step.op === 'same') found += weight(words[step.quote]!);
  return all > 0 ? found / all : 0;
}

/** The best approximate passage for the quotation, whatever its score; null when no word of it is in the library. */
export function findApproximate(index: LibraryIndex, pieces: readonly QuotePiece[], prefer?: (source: number) => boolean): QuoteMatch | null {
  const words: number[] = [];
  const freeBefore: boolean[] = [];
  let slack = 0;
  for (const piece of pieces) {
    const ids = idsOf(index, piece);
    ids.forEach((id, k) => {
      words.push(id);
      freeBefore.push(k === 0 && piece.gap !== 'adjacent' && words.length > 1);
    });
    slack += span(piece.gap);
  }
  let best: QuoteMatch | null = null;
  for (const place of places(index, words)) {
    const source = sourceOf(index, Math.max(0, place));
    const from = Math.max(index.firstWord[source]!, place - BUCKET - 8);
    const to = Math.min(index.firstWord[source + 1]!, place + words.length + Math.min(slack, 2 * ELLIPSIS_SPAN) + BUCKET + 8);
    const alignment = alignWords(words, index.ids.subarray(from, to), freeBefore);
    if (!alignment || alignment.end <= alignment.start) continue;
    const score = Math.min(alignmentScore(alignment, words.length), weightedRecall(index, words, alignment));
    // An equal score in the source the draft's citation names wins.
    if (best && (score < best.score || (score === best.score && !(prefer?.(source) && !prefer(best.source))))) continue;
    best = {
      verbatim: false,
      source,
      start: index.starts[from + alignment.start]!,
      end: index.ends[from + alignment.end - 1]!,
      score,
      alignment,
      windowStart: from,
    };
  }
  return best;
}

/**
 * Words of a quotation compared approximately, at most: the alignment's table grows with the
 * quotation's length times the passage's, so a very long block quote is compared by its first
 * MAX_ALIGNED_WORDS words (its verbatim check reads every word).
 */
export const MAX_ALIGNED_WORDS = 400;

/** The pieces of a quotation cut after its first `limit` words. */
export function firstWords(pieces: readonly QuotePiece[], limit = MAX_ALIGNED_WORDS): QuotePiece[] {
  const kept: QuotePiece[] = [];
  let left = limit;
  for (const piece of pieces) {
    if (left <= 0) break;
    kept.push(piece.words.length <= left ? piece : { gap: piece.gap, words: piece.words.slice(0, left) });
    left -= piece.words.length;
  }
  return kept;
}

/** The quotation's place in the library: verbatim, else the best approximate passage (of its first words, for a very long one). */
export function matchQuote(index: LibraryIndex, pieces: readonly QuotePiece[], prefer?: (source: number) => boolean): QuoteMatch | null {
  return findVerbatim(index, pieces, prefer) ?? findApproximate(index, firstWords(pieces), prefer);
}
