import { useMemo } from 'react';
import type { Block } from '../../../app/documents/model';
import type { FindMatch } from '../../../app/search/find-in-text';
import type { StoredCitation } from '../../../app/store/records';
import { isUnresolved } from '../citations/citation-mark';
import { highlightsByBlock, type PlacedHighlight } from '../highlights/placement';
import type { RenderMark } from './inline';

/** The marks drawn over each block, looked up by block index. */
export interface BlockOverlays {
  get(index: number): RenderMark[] | undefined;
}

/** The first index whose value is greater than `offset` in the sorted `values`. */
function firstAfter(values: readonly number[], offset: number): number {
  let low = 0;
  let high = values.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (values[mid]! <= offset) low = mid + 1;
    else high = mid;
  }
  return low;
}

/** The first index whose value is at least `offset` in the sorted `values`. */
function firstAtOrAfter(values: readonly number[], offset: number): number {
  return firstAfter(values, offset - 1);
}

/** What is drawn over a document's blocks: their offsets, and the marks to place on them. */
export interface OverlaySources {
  /** Each block's start and end, in block order. */
  starts: readonly number[];
  ends: readonly number[];
  /** The placed highlights of each block (highlightsByBlock). */
  highlights: ReadonlyMap<number, readonly PlacedHighlight[]>;
  selectedId: string | null;
  /** In-text citations, in text order. */
  citations: readonly StoredCitation[];
  /** Find hits, in text order and not overlapping; `current` is the one shown as current. */
  matches: readonly FindMatch[];
  current: number;
}

/**
 * A block's marks, built when first asked for and kept: highlights, then citations, then find
 * hits. A citation belongs to the block it starts in (the first block, if it starts before any)
 * and is drawn only when it ends there too; a find hit is drawn in every block it overlaps.
 */
export function blockOverlays({ starts, ends, highlights, selectedId, citations, matches, current }: OverlaySources): BlockOverlays {
  const citationStarts = citations.map((citation) => citation.start);
  // Hits do not overlap one another, so their ends are in order too.
  const matchEnds = matches.map((match) => match.end);
  const built = new Map<number, RenderMark[] | undefined>();
  const build = (index: number): RenderMark[] | undefined => {
    const start = starts[index];
    const end = ends[index];
    if (start === undefined || end === undefined) return undefined;
    const marks: RenderMark[] = [];
    for (const item of highlights.get(index) ?? []) {
      if (item.range) marks.push({ type: 'highlight', id: item.annotation.id, color: item.annotation.color, note: item.annotation.noteText, start: item.range.start, end: item.range.end, selected: item.annotation.id === selectedId });
    }
    for (let i = index === 0 ? 0 : firstAtOrAfter(citationStarts, start); i < citations.length && citations[i]!.start < end; i++) {
      const citation = citations[i]!;
      const next = starts[index + 1];
      if ((next === undefined || citation.start < next) && citation.end <= end) {
        marks.push({ type: 'citation', id: citation.id, start: citation.start, end: citation.end, kind: citation.kind, unresolved: isUnresolved(citation) });
      }
    }
    for (let i = firstAfter(matchEnds, start); i < matches.length && matches[i]!.start < end; i++) {
      const match = matches[i]!;
      marks.push({ type: 'find', start: match.start, end: match.end, current: i === current });
    }
    return marks.length ? marks : undefined;
  };
  return {
    get(index: number) {
      if (!built.has(index)) built.set(index, build(index));
      return built.get(index);
    },
  };
}

/**
 * Highlights, citations and find hits, grouped by the blocks they touch. A block's marks are
 * built when the reader first asks for them (only the blocks near the viewport are rendered), so
 * opening a book with thousands of highlights or citations, or selecting one highlight, costs
 * the blocks on screen, not all of them. Blocks without any get `undefined`, so memoized blocks
 * skip re-rendering.
 */
export function useOverlays(
  blocks: readonly Block[],
  placed: readonly PlacedHighlight[],
  selectedId: string | null,
  matches: readonly FindMatch[],
  current: number,
  citations: readonly StoredCitation[] = [],
): BlockOverlays {
  const starts = useMemo(() => blocks.map((b) => b.start), [blocks]);
  const ends = useMemo(() => blocks.map((b) => b.end), [blocks]);
  const highlights = useMemo(() => highlightsByBlock(placed, starts, ends), [placed, starts, ends]);
  return useMemo(
    () => blockOverlays({ starts, ends, highlights, selectedId, citations, matches, current }),
    [starts, ends, highlights, selectedId, citations, matches, current],
  );
}
