/**
 * Reading order on a page. Most academic pages are set in two columns, often under a title and
 * abstract that span the page. A column gutter shows as a vertical strip, near the middle of the
 * text, that (almost) no column line crosses; lines that do cross it (titles, full-width figures'
 * captions) cut the page into bands, and each band is read left column first, then right.
 */
import type { PdfLine } from './lines';

/** A run of lines read top to bottom without a column or band change. */
export type LineChunk = PdfLine[];

/** The narrowest gutter, in points; word gaps inside a line never reach a column's width. */
const MIN_GUTTER = 6;
/** A line narrower than this share of the text's width may belong to a column. */
const NARROW_SHARE = 0.6;
/** Columns hold at least this share of a page's lines, the rest spanning the page. */
const MIN_NARROW_SHARE = 0.4;
/** Narrow lines that may cross a gutter, as a share of them. */
const STRAY_SHARE = 0.05;
/** ...and at least this many, for pages with few lines under a title. */
const MIN_STRAYS = 2;
/** Each column holds at least this share of the column lines. */
const MIN_SIDE_SHARE = 0.2;
/** Each column needs at least this many lines for the page to count as set in columns. */
const MIN_COLUMN_LINES = 3;
/** Columns inside columns: enough for three-column layouts, bounded for odd pages. */
const MAX_DEPTH = 2;

/** The page's lines as chunks in reading order. */
export function readingOrder(lines: readonly PdfLine[], depth = 0): LineChunk[] {
  const sorted = [...lines].sort((a, b) => b.y - a.y || a.x - b.x);
  const gutter = depth < MAX_DEPTH ? findGutter(sorted) ?? findGutter(withHalves(sorted)) : undefined;
  if (!gutter) return sorted.length > 0 ? [sorted] : [];
  const chunks: LineChunk[] = [];
  let band: PdfLine[] = [];
  const flushBand = () => {
    if (band.length === 0) return;
    const middle = (gutter.start + gutter.end) / 2;
    const left = band.filter((line) => (line.x + line.right) / 2 < middle);
    const right = band.filter((line) => (line.x + line.right) / 2 >= middle);
    chunks.push(...readingOrder(left, depth + 1), ...readingOrder(right, depth + 1));
    band = [];
  };
  for (const whole of sorted) {
    // A line that reached across a narrow gutter is read as its two column halves.
    const halves = whole.halves && whole.halves[0].right <= gutter.start + 1 && whole.halves[1].x >= gutter.end - 1 ? whole.halves : undefined;
    if (halves) {
      band.push(...halves);
      continue;
    }
    const line = whole;
    if (line.x < gutter.start && line.right > gutter.end) {
      flushBand();
      const last = chunks.at(-1);
      // Consecutive crossing lines (a two-line title) read as one chunk.
      if (last && crossing(last, gutter)) last.push(line);
      else chunks.push([line]);
    } else {
      band.push(line);
    }
  }
  flushBand();
  return chunks;
}

/** Lines with each one that has halves replaced by them, for finding a narrow gutter. */
function withHalves(lines: readonly PdfLine[]): PdfLine[] {
  return lines.some((line) => line.halves) ? lines.flatMap((line) => line.halves ?? [line]) : [];
}

interface Gutter {
  start: number;
  end: number;
}

function crossing(chunk: LineChunk, gutter: Gutter): boolean {
  return chunk.every((line) => line.x < gutter.start && line.right > gutter.end);
}

/**
 * The widest strip in the middle half of the text that (almost) no narrow line crosses, if columns flank
 * it. Lines wider than most of the text (a title, an abstract set across the page) are left out
 * of the coverage, so a long abstract above two columns does not hide their gutter.
 */
function findGutter(lines: readonly PdfLine[]): Gutter | undefined {
  if (lines.length < 2 * MIN_COLUMN_LINES) return undefined;
  let minX = Infinity;
  let maxX = -Infinity;
  for (const line of lines) {
    minX = Math.min(minX, line.x);
    maxX = Math.max(maxX, line.right);
  }
  const span = Math.ceil(maxX - minX);
  if (!(span > 4 * MIN_GUTTER)) return undefined;
  const narrow = lines.filter((line) => line.right - line.x < NARROW_SHARE * span);
  if (narrow.length < 2 * MIN_COLUMN_LINES || narrow.length < MIN_NARROW_SHARE * lines.length) return undefined;
  // Coverage per point of width, by a difference array: linear in lines plus width.
  const delta = new Int32Array(span + 2);
  for (const line of narrow) {
    delta[Math.max(0, Math.floor(line.x - minX))]! += 1;
    delta[Math.min(span + 1, Math.ceil(line.right - minX))]! -= 1;
  }
  // A stray narrow line over the gutter (a centred label) is allowed; it then cuts a band.
  const strays = Math.max(MIN_STRAYS, Math.floor(STRAY_SHARE * narrow.length));
  let best: Gutter | undefined;
  let covered = 0;
  let runStart = -1;
  const from = Math.floor(span * 0.25);
  const to = Math.ceil(span * 0.75);
  for (let i = 0; i <= to; i++) {
    covered += delta[i]!;
    const open = i >= from && i < to && covered <= strays;
    if (open && runStart < 0) runStart = i;
    if (!open && runStart >= 0) {
      if (!best || i - runStart > best.end - best.start) best = { start: minX + runStart, end: minX + i };
      runStart = -1;
    }
  }
  if (!best || best.end - best.start < MIN_GUTTER) return undefined;
  const middle = (best.start + best.end) / 2;
  const leftCount = narrow.filter((line) => line.right <= middle).length;
  const needed = Math.max(MIN_COLUMN_LINES, MIN_SIDE_SHARE * narrow.length);
  return leftCount >= needed && narrow.length - leftCount >= needed ? best : undefined;
}
