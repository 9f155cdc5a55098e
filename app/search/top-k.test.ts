import { describe, expect, it } from 'vitest';
import { topK } from './top-k';

describe('topK', () => {
  it('keeps the best k, best first, as a full sort would', () => {
    let seed = 9;
    const values = Array.from({ length: 2_000 }, () => ((seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0), seed % 500));
    const sorted = [...values].sort((a, b) => b - a);
    for (const k of [1, 5, 20, 1_999, 2_000, 2_500]) expect(topK(values, k, (a, b) => a > b), String(k)).toEqual(sorted.slice(0, k));
    expect(topK(values, 0, (a, b) => a > b)).toEqual([]);
    expect(topK([], 3, (a: number, b: number) => a > b)).toEqual([]);
  });

  it('breaks ties by the comparison it is given', () => {
    const items = [...'abcdefgh'].map((name, i) => ({ name, score: i % 2 }));
    const better = (a: (typeof items)[0], b: (typeof items)[0]) => (a.score !== b.score ? a.score > b.score : a.name < b.name);
    expect(topK(items, 3, better).map((i) => i.name)).toEqual(['b', 'd', 'f']);
  });
});
