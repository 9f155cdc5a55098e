/**
 * Placing a stored highlight in a text: by its offsets when the text there is still the quote,
 * else by the quote (exact, then approximate), each place scored on quote, prefix, suffix and
 * closeness to where the highlight used to be.
 */
import { contextAgreement, scoreCandidate, type Candidate, type QuoteContext } from './match-score';
import { exactMatches, fuzzyMatches, fuzzyMatchesAnywhere, maxErrorsFor } from './quote-search';
import { positionSelectorOf, quoteSelectorOf, type AnchorMethod, type AnchorResult, type AnnotationSelector } from './selectors';

/** Options for {@link anchor}. */
export interface AnchorOptions {
  /**
   * Where the quote is expected to start in `text`. Defaults to the TextPositionSelector's start;
   * reanchorAll passes that start corrected by how far the highlights before it moved.
   */
  hint?: number;
}

/**
 * A place scoring this well is taken without looking further. 0.9 is an exact quote whose
 * prefix and suffix are still about four-fifths intact, or a quote with a few percent of its
 * characters changed and its context intact: a better place elsewhere would need near-perfect
 * agreement on every part, which the text around an edit never offers twice.
 */
export const ACCEPT_SCORE = 0.9;

/**
 * Below this nothing is placed and the highlight is orphaned. Quotes searched in unrelated text
 * scored at most 0.55 over Lectern's seed texts: half the quote matched by chance under the 50%
 * error cap, and context sharing about a third of its characters by chance (0.28 median, 0.44
 * at most for 32 characters). An exact quote whose context was entirely rewritten still scores
 * about 0.7, and a quote with a quarter of its characters changed in intact context about 0.85,
 * so 0.65 keeps those and rejects chance.
 */
export const MIN_SCORE = 0.65;

/**
 * Characters searched either side of the hint, nearest first, before the whole text. 256 covers
 * the drift reanchorAll leaves after correcting for the highlights before (a few characters
 * when edits are scattered) at an eighth of the cost of the next window; 4,096 covers the drift
 * of a lone anchor() deep into a lightly edited text (hundreds of characters).
 */
const NEAR_WINDOWS = [256, 4096];
/** A last window before the whole text: a reflowed or rewritten chapter moves text by thousands. */
const WIDE_WINDOW = 65_536;
/** Candidates fully scored from one search; the rest only repeat a short quote by chance. */
const MAX_SCORED = 32;

/**
 * Finds where the highlight described by `selectors` sits in `text`, or null when no place scores
 * at least MIN_SCORE. A TextQuoteSelector with a non-empty quote is required: offsets alone
 * cannot be checked against the text. Cost: a few microseconds when the offsets still hold,
 * a window search near the old place for edited text, a whole-text search only when both fail.
 */
export function anchor(text: string, selectors: readonly AnnotationSelector[], options: AnchorOptions = {}): AnchorResult | null {
  const quote = quoteSelectorOf(selectors);
  if (!quote || quote.exact.length === 0 || text.length === 0) return null;
  const position = positionSelectorOf(selectors);
  const hint = options.hint ?? position?.start;
  const context: QuoteContext = { exact: quote.exact, prefix: quote.prefix, suffix: quote.suffix, hint };
  const maxErrors = maxErrorsFor(quote.exact);
  const found: { best: AnchorResult | null } = { best: null };

  // Scores the most promising candidates, keeps the best so far; true when it is good enough.
  const consider = (candidates: Candidate[], method?: AnchorMethod): boolean => {
    for (const candidate of rank(text, candidates, context).slice(0, MAX_SCORED)) {
      const score = scoreCandidate(text, candidate, context);
      if (!found.best || score > found.best.score) {
        const how = method ?? (candidate.errors === 0 ? 'exact' : 'fuzzy');
        found.best = { start: candidate.start, end: candidate.end, score, method: how };
      }
    }
    return found.best !== null && found.best.score >= ACCEPT_SCORE;
  };

  if (position && text.slice(position.start, position.end) === quote.exact) {
    // Taken at once only when prefix and suffix agree to the character: no place can beat it.
    // Otherwise text may have moved by a few characters in repetitive text (the old offsets
    // still hold the quote, the context agrees all but a shift), so the place competes with
    // the exact occurrences nearby.
    const whole = (quote.prefix?.length ?? 0) + (quote.suffix?.length ?? 0);
    const candidate = { start: position.start, end: position.end, errors: 0 };
    if (contextAgreement(text, position.start, position.end, context) === whole) {
      if (consider([candidate], 'position')) return found.best;
    } else consider([candidate], 'position');
  }
  const len = quote.exact.length;
  if (hint !== undefined) {
    const [nearest] = NEAR_WINDOWS;
    if (consider(exactMatches(text, quote.exact, hint - nearest!, hint + len + nearest!))) return found.best;
    for (const reach of NEAR_WINDOWS) {
      // Approximate search finds exact occurrences too, so each window needs only this one pass.
      if (consider(fuzzyMatches(text, quote.exact, maxErrors, hint - reach, hint + len + reach))) return found.best;
    }
  }
  // A whole-text exact search costs about as much as indexOf itself: only after the windows.
  if (consider(exactMatches(text, quote.exact))) return found.best;
  if (hint !== undefined && consider(fuzzyMatches(text, quote.exact, maxErrors, hint - WIDE_WINDOW, hint + len + WIDE_WINDOW))) {
    return found.best;
  }
  consider(fuzzyMatchesAnywhere(text, quote.exact, maxErrors, hint));
  return found.best !== null && found.best.score >= MIN_SCORE ? found.best : null;
}

/**
 * Candidates most likely to score well first: fewest errors, then most context agreeing
 * character for character, then nearest the hint. Cheap, so thousands of occurrences of a short
 * quote can be ranked before the best few are scored in full.
 */
function rank(text: string, candidates: Candidate[], context: QuoteContext): Candidate[] {
  if (candidates.length <= 1) return candidates;
  const hint = context.hint ?? 0;
  return candidates
    .map((c) => ({ c, agree: contextAgreement(text, c.start, c.end, context), distance: Math.abs(c.start - hint) }))
    .sort((a, b) => a.c.errors - b.c.errors || b.agree - a.agree || a.distance - b.distance)
    .map(({ c }) => c);
}
