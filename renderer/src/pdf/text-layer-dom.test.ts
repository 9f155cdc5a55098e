import { describe, expect, it } from 'vitest';
import { boundsOf, mergeLines, scaleRects } from './text-layer-dom';

describe('highlight rectangles', () => {
  it('joins boxes on one line across overlaps and word gaps, and keeps lines apart', () => {
    const merged = mergeLines([
      { x: 10, y: 100, width: 50, height: 12 },
      { x: 58, y: 100.5, width: 40, height: 12 },
      { x: 103, y: 100, width: 30, height: 12 },
      { x: 10, y: 114, width: 80, height: 12 },
      { x: 300, y: 100, width: 20, height: 12 },
    ]);
    expect(merged).toEqual([
      { x: 10, y: 100, width: 123, height: 12.5 },
      { x: 300, y: 100, width: 20, height: 12 },
      { x: 10, y: 114, width: 80, height: 12 },
    ]);
  });

  it('converts between CSS pixels and PDF points', () => {
    expect(scaleRects([{ x: 2, y: 4, width: 6, height: 8 }], 0.5)).toEqual([{ x: 1, y: 2, width: 3, height: 4 }]);
  });

  it('bounds the lines of a citation broken over two lines', () => {
    expect(boundsOf([{ x: 400, y: 100, width: 90, height: 12 }, { x: 72, y: 114, width: 40, height: 12 }])).toEqual({ x: 72, y: 100, width: 418, height: 26 });
  });
});
