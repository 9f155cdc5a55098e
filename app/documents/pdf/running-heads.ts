/**
 * Removing what the typesetter repeats on every page: running headers and footers (the journal's
 * name, the author, the article title) and page numbers. They sit in the top or bottom rows of a
 * page, set apart from the text by a gap, and a running head is the same text at the same height on most pages, its digits aside
 * ("Journal of X 12(3)", "Journal of X 12(4)").
 */
import type { PdfLine } from './lines';

/** How many baseline rows at the top and at the bottom of a page may hold a running head. */
const EDGE_ROWS = 2;
/** Share of pages a line must repeat on to count as a running head (even and odd pages differ). */
const REPEAT_SHARE = 0.4;
/** A gap between rows wider than this (in em) sets a running head apart from the text. */
const BAND_GAP = 1.6;
/** Heights within this many points count as the same position. */
const POSITION_STEP = 3;

const PAGE_NUMBER = /^(?:page\s+)?[-–—]?\s*(?:\d{1,4}|[ivxlcdm]{1,7})\s*[-–—]?(?:\s*(?:of|\/)\s*\d{1,4})?$/i;

/**
 * The lines of each page without running heads and page numbers. Heads are set no larger than
 * the body text, which keeps chapter openings ("Chapter 3" at the same height on every first
 * page) from being taken for them.
 */
export function removeRunningHeads(pages: readonly PdfLine[][], bodySize: number): PdfLine[][] {
  const edges = pages.map((lines) => edgeLines(lines, bodySize));
  const counts = new Map<string, number>();
  for (const pageEdges of edges) {
    // A key counts once per page, however often the page repeats it.
    for (const key of new Set([...pageEdges.values()])) counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const needed = Math.max(2, Math.ceil(REPEAT_SHARE * pages.length));
  return pages.map((lines, index) => {
    const pageEdges = edges[index]!;
    return lines.filter((line) => {
      const key = pageEdges.get(line);
      if (key === undefined) return true;
      return !PAGE_NUMBER.test(line.text) && (counts.get(key) ?? 0) < needed;
    });
  });
}

/** The lines in a page's top and bottom bands, each with its position-and-text key. */
function edgeLines(lines: readonly PdfLine[], bodySize: number): Map<PdfLine, string> {
  const rowSize = new Map<number, number>();
  for (const line of lines) rowSize.set(line.y, Math.max(rowSize.get(line.y) ?? 0, line.size));
  const rows = [...rowSize.keys()].sort((a, b) => b - a);
  const top = new Set(band(rows, rowSize));
  const bottom = new Set(band([...rows].reverse(), rowSize));
  const edges = new Map<PdfLine, string>();
  for (const line of lines) {
    const side = top.has(line.y) ? 'top' : bottom.has(line.y) ? 'bottom' : undefined;
    if (side && line.size <= bodySize + 0.5) edges.set(line, `${side}:${Math.round(line.y / POSITION_STEP)}:${normalize(line.text)}`);
  }
  return edges;
}

/**
 * The first rows from one edge of the page, up to a gap wider than the body's line spacing: a
 * running head stands apart from the text. Rows with no such gap after them are body text.
 */
function band(rows: readonly number[], rowSize: ReadonlyMap<number, number>): number[] {
  for (let count = 1; count <= EDGE_ROWS && count < rows.length; count++) {
    const here = rows[count - 1]!;
    const next = rows[count]!;
    const size = Math.max(rowSize.get(here) ?? 0, rowSize.get(next) ?? 0);
    if (Math.abs(here - next) > BAND_GAP * size) return rows.slice(0, count);
  }
  return [];
}

function normalize(text: string): string {
  return text.toLowerCase().replace(/\d+/g, '#').replace(/\s+/g, ' ').trim();
}
