import { describe, expect, it } from 'vitest';
import { blockIndexAt, paragraphLocator } from './locator';
import type { Block } from './model';

const blocks: Block[] = [
  { kind: 'heading', start: 0, end: 5, level: 1 },
  { kind: 'paragraph', start: 7, end: 20 },
  { kind: 'quote', start: 22, end: 30 },
  { kind: 'heading', start: 32, end: 40, level: 2 },
  { kind: 'paragraph', start: 42, end: 60 },
];

describe('paragraph locators', () => {
  it('finds the block holding an offset', () => {
    expect(blockIndexAt(blocks, 0)).toBe(0);
    expect(blockIndexAt(blocks, 25)).toBe(2);
    expect(blockIndexAt(blocks, 59)).toBe(4);
  });

  it('numbers paragraphs and quotes, not headings', () => {
    expect(paragraphLocator(blocks, 10)).toEqual({ label: 'paragraph', value: 1 });
    expect(paragraphLocator(blocks, 25)).toEqual({ label: 'paragraph', value: 2 });
    expect(paragraphLocator(blocks, 50)).toEqual({ label: 'paragraph', value: 3 });
    expect(paragraphLocator(blocks, 2)).toBeNull();
  });
});
