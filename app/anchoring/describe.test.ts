import { describe, expect, it } from 'vitest';
import { describeRange } from './describe';

describe('describeRange', () => {
  const text = 'The reading room opens at nine. Bring a pencil; pens are not allowed near the manuscripts.';

  it('records the quote, 32 characters of context and the offsets', () => {
    const start = text.indexOf('pens are');
    const { quote, position } = describeRange(text, start, start + 'pens are not allowed'.length);
    expect(quote).toEqual({
      type: 'TextQuoteSelector',
      exact: 'pens are not allowed',
      prefix: text.slice(start - 32, start),
      suffix: ' near the manuscripts.',
    });
    expect(position).toEqual({ type: 'TextPositionSelector', start, end: start + 20 });
  });

  it('clips context at the ends of the text and honours a custom length', () => {
    const { quote } = describeRange(text, 0, 3, 5);
    expect(quote.prefix).toBe('');
    expect(quote.suffix).toBe(' read');
  });

  it('describes an empty range and the whole text', () => {
    expect(describeRange(text, 4, 4).quote.exact).toBe('');
    const whole = describeRange(text, 0, text.length).quote;
    expect([whole.prefix, whole.exact, whole.suffix]).toEqual(['', text, '']);
  });

  it('never cuts a surrogate pair in the context', () => {
    const emoji = 'a😀b😀c';
    // Context of 1 before 'b' would start on the low half of the first emoji.
    const { quote } = describeRange(emoji, 3, 4, 1);
    expect(quote.prefix).toBe('');
    expect(quote.suffix).toBe('');
    expect(describeRange(emoji, 3, 4, 2).quote).toMatchObject({ prefix: '😀', suffix: '😀' });
  });

  it('rejects a range outside the text', () => {
    expect(() => describeRange(text, -1, 2)).toThrow(RangeError);
    expect(() => describeRange(text, 5, 2)).toThrow(RangeError);
    expect(() => describeRange(text, 0, text.length + 1)).toThrow(RangeError);
    expect(() => describeRange(text, 0, 1, -1)).toThrow(RangeError);
  });
});
