import type { PDFDocumentProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { foldOnly } from './text-fold';

/**
 * Each page's text as its text layer will show it, folded, read once per page from pdf.js. The
 * text layer's DOM holds exactly these item strings in order, so a folded range found here is the
 * same range of folded characters in the DOM, whether or not the page is drawn yet.
 */
export class PageTextCache {
  private readonly pages = new Map<number, Promise<string>>();

  constructor(private readonly pdf: PDFDocumentProxy) {}

  /** The folded text of `page` (from 1); empty for a page without text. */
  folded(page: number): Promise<string> {
    let entry = this.pages.get(page);
    if (!entry) {
      entry = this.pdf
        .getPage(page)
        .then((proxy) => proxy.getTextContent())
        .then((content) => foldOnly(content.items.map((item) => ('str' in item ? item.str : '')).join('')))
        .catch(() => '');
      this.pages.set(page, entry);
    }
    return entry;
  }
}
