import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { anchor } from './anchor';
import { describeRange } from './describe';

// A small alphabet makes repeats, near-repeats and shared context common: the hard cases.
const textArb = fc.string({ unit: fc.constantFrom('a', 'b', 'c', ' ', 'é', '\n'), minLength: 1, maxLength: 300 });
const textAndRange = textArb.chain((text) =>
  fc
    .tuple(fc.nat({ max: text.length - 1 }), fc.nat({ max: text.length - 1 }))
    .map(([a, b]) => ({ text, start: Math.min(a, b), end: Math.max(a, b) + 1 })),
);

describe('anchor (properties)', () => {
  it('describe then anchor on the same text returns the same range', () => {
    fc.assert(
      fc.property(textAndRange, ({ text, start, end }) => {
        const { quote, position } = describeRange(text, start, end);
        expect(anchor(text, [quote, position])).toEqual({ start, end, score: 1, method: 'position' });
      }),
      { numRuns: 300 },
    );
  });

  it('after text is prepended, anchors on text equal to the quote', () => {
    fc.assert(
      fc.property(textAndRange, fc.string({ maxLength: 50 }), ({ text, start, end }, added) => {
        const { quote, position } = describeRange(text, start, end);
        const result = anchor(added + text, [quote, position]);
        expect(result).not.toBeNull();
        expect((added + text).slice(result!.start, result!.end)).toBe(quote.exact);
      }),
      { numRuns: 200 },
    );
  });
});
