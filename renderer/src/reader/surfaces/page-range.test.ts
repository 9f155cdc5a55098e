import { describe, expect, it } from 'vitest';
import type { Block } from '../../../../app/documents/model';
import { textOfPages } from './page-range';

// Page 1: blocks 0-1; page 2 opens with block 2; page 3 has no block of its own (block 3, from
// page 2, runs over it); page 4 opens with block 4.
const blocks: Block[] = [
  { kind: 'heading', start: 0, end: 10, page: 1 },
  { kind: 'paragraph', start: 11, end: 50, page: 1 },
  { kind: 'paragraph', start: 51, end: 90, page: 2 },
  { kind: 'paragraph', start: 91, end: 400, page: 2 },
  { kind: 'paragraph', start: 401, end: 450, page: 4 },
];

describe('textOfPages', () => {
  it('spans the blocks starting on the pages', () => {
    expect(textOfPages(blocks, 1, 1)).toEqual({ start: 0, end: 50 });
    expect(textOfPages(blocks, 1, 2)).toEqual({ start: 0, end: 400 });
  });

  it('starts with the block running onto a page that opens without one', () => {
    expect(textOfPages(blocks, 3, 3)).toEqual({ start: 91, end: 400 });
    expect(textOfPages(blocks, 3, 4)).toEqual({ start: 91, end: 450 });
  });

  it('is null when no block records its page', () => {
    expect(textOfPages([{ kind: 'paragraph', start: 0, end: 20 }], 1, 2)).toBeNull();
  });
});
