/**
 * Scoring a candidate place for a quote: how well the text there agrees with the stored quote,
 * prefix and suffix, and how close it is to where the highlight used to be. Same weighting as
 * Hypothesis's client, so scores read the same way.
 */
import approxSearch from 'approx-string-match';

/** What the stored selectors say the text looked like. */
export interface QuoteContext {
  exact: string;
  prefix?: string;
  suffix?: string;
  /** Where the quote is expected to start in the searched text (old offset, corrected for drift). */
  hint?: number;
}

/** A place in the text where the quote may sit, with its edit distance to the quote. */
export interface Candidate {
  start: number;
  end: number;
  errors: number;
}

// The quote dominates: a place whose text is the quote beats one whose context merely agrees.
// Prefix and suffix together (40) can outweigh a modest quote difference, which is what picks
// the right one of two occurrences. Position only breaks ties between otherwise equal places.
const QUOTE_WEIGHT = 50;
const PREFIX_WEIGHT = 20;
const SUFFIX_WEIGHT = 20;
const POSITION_WEIGHT = 2;
const TOTAL_WEIGHT = QUOTE_WEIGHT + PREFIX_WEIGHT + SUFFIX_WEIGHT + POSITION_WEIGHT;

/**
 * Similarity of `pattern` to the best-matching part of `text`, from 0 to 1 (1 - edit distance /
 * pattern length). Empty text shares nothing with a pattern.
 */
export function similarity(text: string, pattern: string): number {
  if (pattern.length === 0) return 1;
  if (text.length === 0) return 0;
  if (text === pattern) return 1;
  // With maxErrors = pattern length the search always finds something (delete the whole pattern).
  const best = approxSearch(text, pattern, pattern.length)[0];
  return best ? 1 - best.errors / pattern.length : 0;
}

/**
 * Score of a candidate from 0 to 1: weighted similarity of quote, prefix and suffix, plus
 * closeness to the hint. A missing prefix or suffix (not stored) counts as agreeing, as does a
 * missing hint: absence of evidence must not push a candidate below one that has none either.
 */
export function scoreCandidate(text: string, candidate: Candidate, context: QuoteContext): number {
  const quoteScore = context.exact.length === 0 ? 0 : 1 - candidate.errors / context.exact.length;
  const { prefix, suffix, hint } = context;
  const prefixScore = prefix ? similarity(text.slice(Math.max(0, candidate.start - prefix.length), candidate.start), prefix) : 1;
  const suffixScore = suffix ? similarity(text.slice(candidate.end, candidate.end + suffix.length), suffix) : 1;
  const positionScore = hint === undefined || text.length === 0 ? 1 : 1 - Math.min(1, Math.abs(candidate.start - hint) / text.length);
  const raw = QUOTE_WEIGHT * quoteScore + PREFIX_WEIGHT * prefixScore + SUFFIX_WEIGHT * suffixScore + POSITION_WEIGHT * positionScore;
  return raw / TOTAL_WEIGHT;
}

/**
 * How many characters of context agree exactly at `start`..`end`: the common tail of the text
 * before with the prefix plus the common head of the text after with the suffix. A cheap first
 * ranking when a short quote occurs thousands of times and full scoring of each would be slow.
 */
export function contextAgreement(text: string, start: number, end: number, context: QuoteContext): number {
  let agree = 0;
  const { prefix = '', suffix = '' } = context;
  for (let i = 1; i <= prefix.length && start - i >= 0; i++) {
    if (text.charCodeAt(start - i) !== prefix.charCodeAt(prefix.length - i)) break;
    agree += 1;
  }
  for (let i = 0; i < suffix.length && end + i < text.length; i++) {
    if (text.charCodeAt(end + i) !== suffix.charCodeAt(i)) break;
    agree += 1;
  }
  return agree;
}
