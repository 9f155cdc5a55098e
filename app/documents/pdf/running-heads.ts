/**
 * Removing what the typesetter repeats on every page: running headers and footers (the journal's
 * name, the author, the article title) and page numbers. They sit in the top or bottom rows of a
 * page, and a running head is the same text at the same height on most pages, its digits aside
 * ("Journal of X 12(3)", "Journal of X 12(4)").
 */
import type { PdfLine } from './lines';

/** How many baseline rows at the top and at the bottom of a page may hold a running head. */
const EDGE_ROWS = 2;
/** Share of pages a line must repeat on to count as a running head (even and odd pages differ). */
const REPEAT_SHARE = 0.4;
/** Heights within this many points count as the same position. */
const POSITION_STEP = 3;

const PAGE_NUMBER = /^(?:page\s+)?[-–—]?\s*(?:\d{1,4}|[ivxlcdm]{1,7})\s*[-–—]?(?:\s*(?:of|\/)\s*\d{1,4})?$/i;

/** The lines of each page without running heads and page numbers. */
export function removeRunningHeads(pages: readonly PdfLine[][]): PdfLine[][] {
  const edges = pages.map(edgeLines);
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

/** The lines in a page's top and bottom rows, each with its position-and-text key. */
function edgeLines(lines: readonly PdfLine[]): Map<PdfLine, string> {
  const rows = [...new Set(lines.map((line) => line.y))].sort((a, b) => b - a);
  const top = new Set(rows.slice(0, EDGE_ROWS));
  const bottom = new Set(rows.slice(-EDGE_ROWS));
  const edges = new Map<PdfLine, string>();
  for (const line of lines) {
    const band = top.has(line.y) ? 'top' : bottom.has(line.y) ? 'bottom' : undefined;
    if (band) edges.set(line, `${band}:${Math.round(line.y / POSITION_STEP)}:${normalize(line.text)}`);
  }
  return edges;
}

function normalize(text: string): string {
  return text.toLowerCase().replace(/\d+/g, '#').replace(/\s+/g, ' ').trim();
}
