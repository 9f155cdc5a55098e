import { describe, expect, it } from 'vitest';
import type { Block } from '../../../app/documents/model';
import { candidatePages, locateSelection, pageAt, pageRegion, placeQuote } from './page-map';
import { foldOnly } from './text-fold';

const text = 'First page paragraph about closeness. Second paragraph runs over the page break into page two. Third one on page three.';
const blocks: Block[] = [
  { kind: 'paragraph', start: 0, end: 37, page: 1 },
  { kind: 'paragraph', start: 38, end: 95, page: 1 },
  { kind: 'paragraph', start: 96, end: 120, page: 3 },
];

describe('pages of canonical offsets', () => {
  it('gives the page a block starts on, and one more for blocks that may run on', () => {
    expect(pageAt(blocks, 0)).toBe(1);
    expect(pageAt(blocks, 60)).toBe(1);
    expect(pageAt(blocks, 100)).toBe(3);
    expect(candidatePages(blocks, 40, 60, 3)).toEqual([1, 2]);
    expect(candidatePages(blocks, 100, 110, 3)).toEqual([3]);
    expect(candidatePages([{ kind: 'paragraph', start: 0, end: 5 }], 0, 5, 3)).toEqual([]);
  });

  it('bounds the text a page may hold', () => {
    expect(pageRegion(blocks, text.length, 3, 3)).toEqual({ start: 96, end: 120 });
    expect(pageRegion(blocks, text.length, 1, 1)).toEqual({ start: 0, end: 95 });
  });
});

describe('placeQuote', () => {
  const pages = [
    { page: 1, folded: foldOnly('Journal of Film 12 First page paragraph about closeness. Second paragraph runs over the 1') },
    { page: 2, folded: foldOnly('Journal of Film page break into page two. 2') },
  ];

  it('finds a quote on one page', () => {
    const spans = placeQuote(foldOnly('about closeness'), '', '', pages);
    expect(spans).toEqual([{ page: 1, start: foldOnly('Journal of Film 12 First page paragraph ').length, end: foldOnly('Journal of Film 12 First page paragraph about closeness').length }]);
  });

  it('splits a quote a page break cut, skipping page numbers and running heads', () => {
    const spans = placeQuote(foldOnly('runs over the page break'), '', '', pages);
    expect(spans.map((span) => span.page)).toEqual([1, 2]);
    expect(pages[0]!.folded.slice(spans[0]!.start, spans[0]!.end)).toBe('runsoverthe');
    expect(pages[1]!.folded.slice(spans[1]!.start, spans[1]!.end)).toBe('pagebreak');
  });

  it('places nothing for text that is not there', () => {
    expect(placeQuote(foldOnly('absent words'), '', '', pages)).toEqual([]);
  });
});

describe('locateSelection', () => {
  const region = { start: 0, end: text.length };
  it('maps selected page text to canonical offsets whatever its line breaks', () => {
    const found = locateSelection(text, region, 'Second para-\ngraph runs', '');
    expect(found && text.slice(found.start, found.end)).toBe('Second paragraph runs');
  });

  it('tells repeated words apart by what precedes them', () => {
    const found = locateSelection(text, region, 'page', 'into ');
    expect(found).toEqual({ start: text.indexOf('page two'), end: text.indexOf('page two') + 4 });
  });

  it('joins a selection across a page break that includes a page number and running head', () => {
    const found = locateSelection(text, region, 'runs over the 1 Journal of Film page break', '');
    expect(found && text.slice(found.start, found.end)).toBe('runs over the page break');
  });

  it('gives null for text the document lacks', () => {
    expect(locateSelection(text, region, 'nothing like this here', '')).toBeNull();
  });
});
