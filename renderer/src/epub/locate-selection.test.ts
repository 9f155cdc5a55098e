import { describe, expect, it } from 'vitest';
import { locateSelection } from './locate-selection';

const text = 'First page paragraph about closeness. Second paragraph runs over the page break into page two. Third one on page three.';

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
