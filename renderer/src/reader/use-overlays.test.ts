import { describe, expect, it } from 'vitest';
import type { FindMatch } from '../../../app/search/find-in-text';
import type { StoredAnnotation, StoredCitation } from '../../../app/store/records';
import { highlightsByBlock, type PlacedHighlight } from '../highlights/placement';
import type { RenderMark } from './inline';
import { blockOverlays } from './use-overlays';

function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

/**
 * Every block's marks computed at once, mark by mark, the plain way: each highlight in every
 * block it overlaps, each citation in the last block starting at or before it when it ends
 * inside that block, each find hit in every block it overlaps.
 */
function eager(starts: number[], ends: number[], placed: PlacedHighlight[], selectedId: string | null, citations: StoredCitation[], matches: FindMatch[], current: number) {
  const byBlock = new Map<number, RenderMark[]>();
  const add = (index: number, mark: RenderMark) => byBlock.set(index, [...(byBlock.get(index) ?? []), mark]);
  const lastAtOrBefore = (offset: number) => Math.max(0, starts.filter((start) => start <= offset).length - 1);
  for (const [index, items] of highlightsByBlock(placed, starts, ends)) {
    for (const item of items) add(index, { type: 'highlight', id: item.annotation.id, color: item.annotation.color, note: item.annotation.noteText, start: item.range!.start, end: item.range!.end, selected: item.annotation.id === selectedId });
  }
  for (const citation of citations) {
    const index = lastAtOrBefore(citation.start);
    if (ends[index]! >= citation.end) add(index, { type: 'citation', id: citation.id, start: citation.start, end: citation.end, kind: citation.kind, unresolved: citation.referenceIds.length === 0 });
  }
  matches.forEach((match, i) => {
    starts.forEach((start, index) => {
      if (start < match.end && ends[index]! > match.start) add(index, { type: 'find', start: match.start, end: match.end, current: i === current });
    });
  });
  return byBlock;
}

describe('blockOverlays', () => {
  it('gives each block the same marks as placing every mark at once, block by block on demand', () => {
    for (let seed = 1; seed <= 30; seed++) {
      const next = random(seed);
      const starts: number[] = [];
      const ends: number[] = [];
      let at = Math.floor(next() * 5);
      for (let i = 0; i < 40; i++) {
        const length = 1 + Math.floor(next() * 60);
        starts.push(at);
        ends.push(at + length);
        at += length + Math.floor(next() * 3);
      }
      const placed: PlacedHighlight[] = Array.from({ length: 25 }, (_, i) => {
        const start = Math.floor(next() * at);
        const end = Math.min(at, start + 1 + Math.floor(next() * 150));
        const annotation = { id: `h${i}`, docId: 'd', selectors: [], color: 'yellow', noteJson: null, noteText: i % 3 ? '' : 'note', createdAt: i, updatedAt: i } as StoredAnnotation;
        return { annotation, range: next() < 0.1 ? null : { start, end } };
      }).sort((a, b) => (a.range?.start ?? 0) - (b.range?.start ?? 0));
      const citations: StoredCitation[] = Array.from({ length: 30 }, (_, i) => {
        const start = Math.floor(next() * at);
        return { id: `c${i}`, docId: 'd', start, end: start + 1 + Math.floor(next() * 20), kind: 'numeric', referenceIds: next() < 0.5 ? [] : ['r'] };
      }).sort((a, b) => a.start - b.start);
      const matches: FindMatch[] = [];
      for (let offset = Math.floor(next() * 30); offset < at; offset += 5 + Math.floor(next() * 80)) {
        const end = Math.min(at, offset + 1 + Math.floor(next() * 4));
        matches.push({ start: offset, end });
        offset = end;
      }
      const selectedId = `h${Math.floor(next() * 25)}`;
      const current = Math.floor(next() * matches.length);

      const expected = eager(starts, ends, placed, selectedId, citations, matches, current);
      const overlays = blockOverlays({ starts, ends, highlights: highlightsByBlock(placed, starts, ends), selectedId, citations, matches, current });
      // Asked in an order of their own, some twice: the answer is the same each time.
      const order = starts.map((_, index) => index).sort(() => next() - 0.5);
      for (const index of [...order, ...order.slice(0, 10)]) {
        expect(overlays.get(index), `seed ${seed}, block ${index}`).toEqual(expected.get(index));
      }
      expect(overlays.get(starts.length)).toBeUndefined();
    }
  });

  it('keeps a block without marks undefined and a block with marks the same array when asked again', () => {
    const starts = [0, 10, 20];
    const ends = [9, 19, 29];
    const annotation = { id: 'a', docId: 'd', selectors: [], color: 'green', noteJson: null, noteText: '', createdAt: 0, updatedAt: 0 } as StoredAnnotation;
    const placed = [{ annotation, range: { start: 12, end: 15 } }];
    const overlays = blockOverlays({ starts, ends, highlights: highlightsByBlock(placed, starts, ends), selectedId: 'a', citations: [], matches: [], current: 0 });
    expect(overlays.get(0)).toBeUndefined();
    expect(overlays.get(1)).toEqual([{ type: 'highlight', id: 'a', color: 'green', note: '', start: 12, end: 15, selected: true }]);
    expect(overlays.get(1)).toBe(overlays.get(1));
    expect(overlays.get(2)).toBeUndefined();
  });
});
