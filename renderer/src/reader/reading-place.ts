/**
 * Where the reader is in the virtualized reading view, kept so that a change of the text
 * column's width (a pane opening or closing beside it, the separator dragged, the window
 * resized) can put the same paragraph back at the top of the view.
 */

/** A row of the view, as the virtualizer lays it out. */
export interface PlacedRow {
  index: number;
  start: number;
  size: number;
}

/** A row under the top edge of the view, and how far into it that edge is. */
export interface ReadingPlace {
  /** The virtualizer's row index (row 0 is the header, row i + 1 is block i). */
  index: number;
  /** Pixels from the row's top edge to the view's top edge. */
  offset: number;
  /** The row's height when `offset` was taken; 0 when unknown (the offset is then kept as is). */
  size: number;
}

/** The place of a view scrolled `scrollTop` down whose top edge lies in `row`. */
export function placeIn(row: PlacedRow, scrollTop: number): ReadingPlace {
  return { index: row.index, offset: Math.max(0, Math.min(row.size, scrollTop - row.start)), size: row.size };
}

/**
 * How far into its row the view's top edge goes once the row is `size` tall: the same share of
 * it, so the line being read stays about where it was as the paragraph reflows.
 */
export function offsetInto(place: ReadingPlace, size: number): number {
  if (place.size <= 0 || size <= 0) return place.offset;
  return Math.round((Math.min(place.offset, place.size) / place.size) * size);
}

/**
 * Whether the text column went from `before` to `after` pixels wide: a change of at least a
 * pixel, and not to nothing (a hidden pane), which reflows nothing worth following.
 */
export function widthChanged(before: number, after: number): boolean {
  return after > 0 && Math.abs(after - before) >= 1;
}
