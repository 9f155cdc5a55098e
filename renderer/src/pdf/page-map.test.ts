import { describe, expect, it } from 'vitest';
import type { Block } from '../../../app/documents/model';
import { candidatePages, pageAt } from './page-map';

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
});
