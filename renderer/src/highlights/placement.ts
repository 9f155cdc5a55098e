import { anchor } from '../../../app/anchoring/anchor';
import type { StoredAnnotation } from '../../../app/store/annotations-repo';

/** A highlight placed on the current text, or orphaned when its text is gone. */
export interface PlacedHighlight {
  annotation: StoredAnnotation;
  /** Null when the highlight could not be placed: shown in the sidebar with its quote, never dropped. */
  range: { start: number; end: number } | null;
}

/** Places every highlight on `text`, in reading order (orphans last). */
export function placeHighlights(text: string, annotations: readonly StoredAnnotation[]): PlacedHighlight[] {
  const placed = annotations.map((annotation) => {
    const result = anchor(text, annotation.selectors);
    return { annotation, range: result ? { start: result.start, end: result.end } : null };
  });
  return placed.sort((a, b) => {
    if (!a.range || !b.range) return a.range ? -1 : b.range ? 1 : a.annotation.createdAt - b.annotation.createdAt;
    return a.range.start - b.range.start || a.range.end - b.range.end;
  });
}

/**
 * Groups placed highlights by the blocks they overlap, so each block renders only its own.
 * `blockStarts` is sorted; a binary search finds the first block of each highlight.
 */
export function highlightsByBlock(placed: readonly PlacedHighlight[], blockStarts: readonly number[], blockEnds: readonly number[]): Map<number, PlacedHighlight[]> {
  const byBlock = new Map<number, PlacedHighlight[]>();
  for (const item of placed) {
    if (!item.range) continue;
    let low = 0;
    let high = blockStarts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (blockStarts[mid]! <= item.range.start) low = mid;
      else high = mid - 1;
    }
    for (let index = low; index < blockStarts.length && blockStarts[index]! < item.range.end; index++) {
      if (blockEnds[index]! <= item.range.start) continue;
      const list = byBlock.get(index) ?? [];
      list.push(item);
      byBlock.set(index, list);
    }
  }
  return byBlock;
}
