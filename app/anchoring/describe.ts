/** Turning a range of the canonical text into the selectors a highlight stores. */
import type { TextPositionSelector, TextQuoteSelector } from './selectors';

/** Characters of context kept either side of a quote, as Hypothesis does: enough to tell repeated
 * phrases apart, short enough that an edit nearby leaves most of it intact. */
export const DEFAULT_CONTEXT = 32;

/** The selectors describing one range of a text. */
export interface RangeDescription {
  quote: TextQuoteSelector;
  position: TextPositionSelector;
}

const isHighSurrogate = (code: number): boolean => code >= 0xd800 && code <= 0xdbff;
const isLowSurrogate = (code: number): boolean => code >= 0xdc00 && code <= 0xdfff;

/**
 * Describes [start, end) of `text` by its offsets and by its quote with up to `context`
 * characters either side. The context never starts or ends inside a surrogate pair, so it stays
 * valid text when stored or exported.
 * @throws RangeError when the range is not within the text or `context` is negative.
 */
export function describeRange(text: string, start: number, end: number, context = DEFAULT_CONTEXT): RangeDescription {
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end < start || end > text.length) {
    throw new RangeError(`Range [${start}, ${end}) is not within a text of ${text.length} characters`);
  }
  if (!Number.isInteger(context) || context < 0) throw new RangeError(`Context must be a whole number ≥ 0, got ${context}`);
  let prefixStart = Math.max(0, start - context);
  if (prefixStart > 0 && prefixStart < start && isLowSurrogate(text.charCodeAt(prefixStart))) prefixStart += 1;
  let suffixEnd = Math.min(text.length, end + context);
  if (suffixEnd < text.length && suffixEnd > end && isHighSurrogate(text.charCodeAt(suffixEnd - 1))) suffixEnd -= 1;
  return {
    quote: { type: 'TextQuoteSelector', exact: text.slice(start, end), prefix: text.slice(prefixStart, start), suffix: text.slice(end, suffixEnd) },
    position: { type: 'TextPositionSelector', start, end },
  };
}
