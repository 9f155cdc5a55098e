import type { PDFDocumentProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { foldOnly } from './text-fold';

/** One text item of a page: its string and how far its line's top is below the page's top, in PDF points. */
export interface PageTextItem {
  str: string;
  top: number;
}

/** A page's text folded, with where each item's folded characters start and how far down the item sits. */
export interface FoldedPageText {
  folded: string;
  /** Per item with folded text, in order: the index in `folded` of its first character. */
  starts: number[];
  /** Per such item: the top of its line, in PDF points from the page's top. */
  tops: number[];
}

/**
 * Folds a page's items one by one. Folding works character by character, so the concatenation
 * is the folded text of the whole page, and each item's share of it is known.
 */
export function foldItems(items: readonly PageTextItem[]): FoldedPageText {
  const result: FoldedPageText = { folded: '', starts: [], tops: [] };
  for (const item of items) {
    const folded = foldOnly(item.str);
    if (folded === '') continue;
    result.starts.push(result.folded.length);
    result.tops.push(item.top);
    result.folded += folded;
  }
  return result;
}

/** The top (PDF points from the page's top) of the item holding folded character `index`; 0 on a page without text. */
export function topAt(page: FoldedPageText, index: number): number {
  let low = 0;
  let high = page.starts.length - 1;
  if (high < 0) return 0;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (page.starts[mid]! <= index) low = mid;
    else high = mid - 1;
  }
  return page.tops[low]!;
}

const EMPTY: FoldedPageText = { folded: '', starts: [], tops: [] };

/**
 * Each page's text as its text layer will show it, folded, read once per page from pdf.js. The
 * text layer's DOM holds exactly these item strings in order, so a folded range found here is the
 * same range of folded characters in the DOM, whether or not the page is drawn yet.
 */
export class PageTextCache {
  private readonly pages = new Map<number, Promise<FoldedPageText>>();

  constructor(private readonly pdf: PDFDocumentProxy) {}

  /** The folded text of `page` (from 1); empty for a page without text. */
  async folded(page: number): Promise<string> {
    return (await this.text(page)).folded;
  }

  /** The folded text of `page` with where its items sit, so a place in the text can be scrolled to before the page is drawn. */
  text(page: number): Promise<FoldedPageText> {
    let entry = this.pages.get(page);
    if (!entry) {
      entry = this.pdf
        .getPage(page)
        .then(async (proxy) => {
          const viewport = proxy.getViewport({ scale: 1 });
          const content = await proxy.getTextContent();
          return foldItems(
            content.items.map((item) => {
              if (!('str' in item)) return { str: '', top: 0 };
              const [, baseline] = viewport.convertToViewportPoint(item.transform[4] as number, item.transform[5] as number) as [number, number];
              // The item's height is its font size in user space: the line's top is that far above the baseline.
              return { str: item.str, top: Math.max(0, baseline - (item.height || Math.abs(item.transform[3] as number))) };
            }),
          );
        })
        .catch(() => EMPTY);
      this.pages.set(page, entry);
    }
    return entry;
  }
}
