import { describe, expect, it } from 'vitest';
import { foldTerm, wordsWithOffsets } from './fold-term';

describe('foldTerm', () => {
  it('lowercases, strips accents, splits ligatures and reads ё as е', () => {
    expect(foldTerm('Ёлка')).toBe('елка');
    expect(foldTerm('scène')).toBe('scene');
    expect(foldTerm('ﬁlm')).toBe('film');
    expect(foldTerm('Zvyagintsev')).toBe('zvyagintsev');
    expect(foldTerm('')).toBeNull();
  });

  it('splits words as the index does and keeps their offsets', () => {
    expect(wordsWithOffsets('Mise-en-scène, «Ёлка».').map((w) => [w.term, w.start, w.end])).toEqual([
      ['mise', 0, 4],
      ['en', 5, 7],
      ['scene', 8, 13],
      ['елка', 16, 20],
    ]);
  });
});
