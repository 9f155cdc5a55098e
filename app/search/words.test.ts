import { describe, expect, it } from 'vitest';
import { wordsWithOffsets } from './words';

describe('wordsWithOffsets', () => {
  it('splits words as the index does and keeps their offsets', () => {
    expect(wordsWithOffsets('Mise-en-scène, «Ёлка».').map((w) => [w.term, w.start, w.end])).toEqual([
      ['mise', 0, 4],
      ['en', 5, 7],
      ['scene', 8, 13],
      ['елка', 16, 20],
    ]);
  });
});
