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

  it('after text is prepended, places the quote where it moved, or where quote and context read the same', () => {
    fc.assert(
      fc.property(textAndRange, fc.string({ maxLength: 50 }), ({ text, start, end }, added) => {
        const { quote, position } = describeRange(text, start, end);
        const edited = added + text;
        const moved = start + added.length;
        const result = anchor(edited, [quote, position]);
        expect(result).not.toBeNull();
        expect(edited.slice(result!.start, result!.end)).toBe(quote.exact);
        if (result!.start !== moved) {
          // Elsewhere only when nothing can tell that place from the true one: the same quote with
          // the same prefix and suffix around it.
          const [prefix, suffix] = [quote.prefix ?? '', quote.suffix ?? ''];
          const around = (at: number) => edited.slice(at - prefix.length, at + quote.exact.length + suffix.length);
          expect(result!.start).toBeGreaterThanOrEqual(prefix.length);
          expect(around(result!.start)).toBe(around(moved));
        }
      }),
      { numRuns: 500 },
    );
  });

  it('after text is inserted elsewhere, a quote with unique context is placed at its new offsets', () => {
    const uniqueRange = fc.record({ before: fc.string({ maxLength: 80 }), after: fc.string({ maxLength: 80 }), inserted: fc.string({ minLength: 1, maxLength: 40 }), at: fc.double({ min: 0, max: 1, noNaN: true }) });
    fc.assert(
      fc.property(uniqueRange, ({ before, after, inserted, at }) => {
        // A marked quote in random text: it occurs once, so exactly one place is right.
        const quote = '\u2042quote\u2042';
        const text = before + quote + after;
        const start = before.length;
        const selectors = Object.values(describeRange(text, start, start + quote.length));
        // The insertion goes before or after the quote, never into it.
        const cut = Math.round(at * (before.length + after.length));
        const insertAt = cut <= before.length ? cut : cut + quote.length;
        const edited = text.slice(0, insertAt) + inserted + text.slice(insertAt);
        const expected = insertAt <= start ? start + inserted.length : start;
        expect(anchor(edited, selectors)).toMatchObject({ start: expected, end: expected + quote.length });
      }),
      { numRuns: 300 },
    );
  });
});
