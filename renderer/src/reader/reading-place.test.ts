import { describe, expect, it } from 'vitest';
import { offsetInto, placeIn, widthChanged } from './reading-place';

describe('placeIn', () => {
  it('is the row and how far into it the top edge is', () => {
    expect(placeIn({ index: 41, start: 12_000, size: 300 }, 12_040)).toEqual({ index: 41, offset: 40, size: 300 });
  });

  it('stays within the row', () => {
    expect(placeIn({ index: 3, start: 500, size: 100 }, 480).offset).toBe(0);
    expect(placeIn({ index: 3, start: 500, size: 100 }, 650).offset).toBe(100);
  });
});

describe('offsetInto', () => {
  it('keeps the same share of a row that reflowed taller or shorter', () => {
    expect(offsetInto({ index: 41, offset: 40, size: 300 }, 600)).toBe(80);
    expect(offsetInto({ index: 41, offset: 150, size: 600 }, 300)).toBe(75);
  });

  it('keeps the offset when a height is unknown', () => {
    expect(offsetInto({ index: 41, offset: 40, size: 0 }, 600)).toBe(40);
    expect(offsetInto({ index: 41, offset: 40, size: 300 }, 0)).toBe(40);
  });
});

describe('widthChanged', () => {
  it('follows real changes of width', () => {
    expect(widthChanged(608, 320)).toBe(true);
    expect(widthChanged(320, 608)).toBe(true);
  });

  it('ignores sub-pixel changes and a pane hidden to no width', () => {
    expect(widthChanged(608, 608.4)).toBe(false);
    expect(widthChanged(608, 0)).toBe(false);
  });
});
