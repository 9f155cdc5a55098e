import { describe, expect, it } from 'vitest';
import { exactMatches, fuzzyMatches, fuzzyMatchesAnywhere, maxErrorsFor } from './quote-search';

describe('quote search', () => {
  it('allows errors up to half the quote, at most 256', () => {
    expect(maxErrorsFor('abc')).toBe(1);
    expect(maxErrorsFor('x'.repeat(100))).toBe(50);
    expect(maxErrorsFor('x'.repeat(2000))).toBe(256);
  });

  it('finds exact occurrences only wholly inside the window', () => {
    const text = 'abc abc abc';
    expect(exactMatches(text, 'abc').map((m) => m.start)).toEqual([0, 4, 8]);
    expect(exactMatches(text, 'abc', 3, 10).map((m) => m.start)).toEqual([4]);
    expect(exactMatches(text, '')).toEqual([]);
  });

  it('reports approximate matches in text offsets', () => {
    const text = 'zzzz the margin notes zzzz';
    expect(fuzzyMatches(text, 'the margn notes', 2, 3, 24)).toEqual([{ start: 5, end: 21, errors: 1 }]);
  });

  it('finds a long quote through one intact seed when the rest is rewritten', () => {
    const quote = 'Readers in the twelfth century wrote glosses between the lines and around the text block.';
    const changed = quote.replace('twelfth century wrote', 'eleven hundreds penned').replace('around the', 'round about the');
    const text = 'Unrelated opening. '.repeat(200) + changed + ' Unrelated ending.';
    const found = fuzzyMatchesAnywhere(text, quote, maxErrorsFor(quote));
    const best = found.sort((a, b) => a.errors - b.errors)[0];
    expect(text.slice(best!.start, best!.end)).toBe(changed);
  });
});
