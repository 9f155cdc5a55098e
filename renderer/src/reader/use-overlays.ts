import { useMemo } from 'react';
import type { Block } from '../../../app/documents/model';
import type { FindMatch } from '../../../app/search/find-in-text';
import type { StoredCitation } from '../../../app/store/records';
import { isUnresolved } from '../citations/citation-mark';
import { highlightsByBlock, type PlacedHighlight } from '../highlights/placement';
import type { RenderMark } from './inline';

function firstBlockAtOrBefore(starts: readonly number[], offset: number): number {
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (starts[mid]! <= offset) low = mid;
    else high = mid - 1;
  }
  return low;
}

/**
 * Highlights and find hits, grouped by the blocks they touch. Blocks without any keep a stable
 * `undefined`, so memoized blocks skip re-rendering when a far-away highlight changes.
 */
export function useOverlays(
  blocks: readonly Block[],
  placed: readonly PlacedHighlight[],
  selectedId: string | null,
  matches: readonly FindMatch[],
  current: number,
  citations: readonly StoredCitation[] = [],
) {
  const starts = useMemo(() => blocks.map((b) => b.start), [blocks]);
  const ends = useMemo(() => blocks.map((b) => b.end), [blocks]);
  const highlightMap = useMemo(() => highlightsByBlock(placed, starts, ends), [placed, starts, ends]);

  return useMemo(() => {
    const byBlock = new Map<number, RenderMark[]>();
    const add = (index: number, mark: RenderMark) => {
      const list = byBlock.get(index);
      if (list) list.push(mark);
      else byBlock.set(index, [mark]);
    };
    for (const [index, items] of highlightMap) {
      for (const item of items) {
        if (item.range) add(index, { type: 'highlight', id: item.annotation.id, color: item.annotation.color, note: item.annotation.noteText, start: item.range.start, end: item.range.end, selected: item.annotation.id === selectedId });
      }
    }
    if (starts.length) {
      for (const citation of citations) {
        const index = firstBlockAtOrBefore(starts, citation.start);
        if (ends[index]! < citation.end) continue;
        add(index, { type: 'citation', id: citation.id, start: citation.start, end: citation.end, kind: citation.kind, unresolved: isUnresolved(citation) });
      }
      matches.forEach((match, i) => {
        for (let index = firstBlockAtOrBefore(starts, match.start); index < starts.length && starts[index]! < match.end; index++) {
          if (ends[index]! > match.start) add(index, { type: 'find', start: match.start, end: match.end, current: i === current });
        }
      });
    }
    return byBlock;
  }, [highlightMap, matches, current, selectedId, starts, ends, citations]);
}
