import { describe, expect, it } from 'vitest';
import { mapOf } from './test-page-map';

const { text, offsets, shown } = mapOf(
  ['Readers skim the margins of a page before they read it.', 'The margins hold notes, and the notes hold the argument.'],
  [
    [
      { str: 'Journal of Margins', top: 40, kept: false },
      { str: 'Readers skim the mar-', top: 100, kept: true },
      { str: 'gins of a page before', top: 114, kept: true },
      { str: 'they read it. The margins', top: 128, kept: true },
      { str: '7', top: 760, kept: false },
    ],
    [
      { str: 'Journal of Margins', top: 40, kept: false },
      { str: 'hold notes, and the notes hold the argument.', top: 100, kept: true },
    ],
  ],
);

describe('offsets to item characters', () => {
  it('finds the pages of a range, a range cut by a page break on both', () => {
    const at = (quote: string) => [text.indexOf(quote), text.indexOf(quote) + quote.length] as const;
    expect(offsets.pagesOf(...at('margins of a page'))).toEqual([1]);
    expect(offsets.pagesOf(...at('The margins hold notes'))).toEqual([1, 2]);
    expect(offsets.pagesOf(...at('the argument'))).toEqual([2]);
  });

  it('gives the canonical range each page prints, from its first kept character to its last', () => {
    expect(offsets.rangeOf(1)).toEqual({ start: 0, end: text.indexOf('The margins') + 'The margins'.length });
    expect(offsets.rangeOf(2)).toEqual({ start: text.indexOf('hold notes'), end: text.indexOf('argument.') + 'argument.'.length });
    expect(offsets.rangeOf(3)).toBeNull();
  });

  it('gives the item characters that show a range, across a hyphen and a page break', () => {
    const start = text.indexOf('margins of');
    expect(shown(1, offsets.spans(1, start, start + 'margins of'.length))).toEqual(['mar', 'gins of']);
    const cut = text.indexOf('The margins hold');
    const end = cut + 'The margins hold'.length;
    expect(shown(1, offsets.spans(1, cut, end))).toEqual(['The margins']);
    expect(shown(2, offsets.spans(2, cut, end))).toEqual(['hold']);
  });

  it('places an offset on its page with the top of its line, a separator on the next printed character', () => {
    expect(offsets.placeOf(text.indexOf('they read'))).toEqual({ page: 1, top: 128 });
    expect(offsets.placeOf(text.indexOf('hold notes'))).toEqual({ page: 2, top: 100 });
    expect(offsets.placeOf(text.indexOf('\n\n'))).toEqual({ page: 1, top: 128 });
    expect(offsets.placeOf(text.length)).toBeNull();
  });
});

describe('selections to offsets', () => {
  it('maps a selection inside one item to the canonical text it shows', () => {
    const found = offsets.selectionOffsets({ page: 1, item: 2, char: 0 }, { page: 1, item: 2, char: 'gins of'.length });
    expect(found && text.slice(found.start, found.end)).toBe('gins of');
  });

  it('maps a selection over a hyphenated line end to the joined word', () => {
    const found = offsets.selectionOffsets({ page: 1, item: 1, char: 'Readers skim the '.length }, { page: 1, item: 2, char: 'gins'.length });
    expect(found && text.slice(found.start, found.end)).toBe('margins');
  });

  it('leaves out a running head and a page number inside a selection across a page break', () => {
    const found = offsets.selectionOffsets({ page: 1, item: 3, char: 'they read it. '.length }, { page: 2, item: 1, char: 'hold notes'.length });
    expect(found && text.slice(found.start, found.end)).toBe('The margins hold notes');
  });

  it('gives null for a selection of dropped text only', () => {
    expect(offsets.selectionOffsets({ page: 1, item: 0, char: 0 }, { page: 1, item: 0, char: 7 })).toBeNull();
    expect(offsets.selectionOffsets({ page: 1, item: 4, char: 0 }, { page: 2, item: 1, char: 0 })).toBeNull();
  });
});
