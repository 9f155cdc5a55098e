/**
 * Page maps for tests: a document as the import sees it (each page's text items, some dropped, such
 * as running heads and page numbers; the kept ones one line each, in reading order), its canonical
 * text (the paragraphs with blank lines between), and the map the import's own walk builds.
 */
import { buildPageMaps } from '../../../app/documents/pdf/item-offsets';
import type { PdfLine } from '../../../app/documents/pdf/lines';
import { PageOffsets, type ItemSpan } from './page-offsets';

/** A text item of a test page: its string, its line's top, and whether the import kept it. */
export interface TestItem {
  str: string;
  top: number;
  kept: boolean;
}

/** The canonical text, the map, and each page's item strings. */
export function mapOf(paragraphs: readonly string[], pages: readonly (readonly TestItem[])[]) {
  const text = paragraphs.join('\n\n');
  const lines: PdfLine[] = pages.flatMap((items, index) =>
    items.flatMap((item, at) => (item.kept ? [{ page: index + 1, x: 0, right: 0, y: 0, size: 10, text: item.str, items: [at] }] : [])),
  );
  const encoded = buildPageMaps(text, lines, pages.map((items) => ({ strs: items.map((item) => item.str), tops: items.map((item) => item.top) })));
  const strs = pages.map((items) => items.map((item) => item.str));
  /** The item text that spans on `page` show. */
  const shown = (page: number, spans: readonly ItemSpan[]) => spans.map((span) => strs[page - 1]![span.item]!.slice(span.start, span.end));
  return { text, offsets: new PageOffsets(encoded), strs, shown };
}
