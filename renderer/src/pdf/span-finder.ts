import { placeQuote, type PageSpan } from './page-map';
import type { FoldedPageText } from './page-text';
import { foldOnly } from './text-fold';

/** Where pages' folded text comes from (PageTextCache, or a stand-in in tests). */
export interface PageTexts {
  text(page: number): Promise<FoldedPageText>;
}

/** A span of one page's folded text, with those characters (to check the drawn text layer against). */
export type FoundSpan = PageSpan & { text: string };

/** Characters of context either side used to tell repeated passages apart. */
const CONTEXT = 32;

/**
 * Finds ranges of the canonical text on the pages that may hold them, and remembers each answer,
 * so marks drawn again (a scroll, a new highlight elsewhere) cost no new search. One per open
 * document and text: highlights, citations and jumps share it.
 */
export class SpanFinder {
  private readonly found = new Map<string, Promise<FoundSpan[]>>();

  constructor(
    private readonly pages: PageTexts,
    private readonly text: string,
  ) {}

  /** The spans of [start, end) on `pages` (candidates, any order): one, two across a page break, or none. */
  spans(range: { start: number; end: number }, pages: readonly number[]): Promise<FoundSpan[]> {
    const sorted = [...pages].sort((a, b) => a - b);
    const key = `${range.start}:${range.end}:${sorted.join(',')}`;
    let entry = this.found.get(key);
    if (!entry) {
      entry = (async () => {
        const texts = await Promise.all(sorted.map(async (page) => ({ page, folded: (await this.pages.text(page)).folded })));
        const quote = foldOnly(this.text.slice(range.start, range.end));
        const before = foldOnly(this.text.slice(Math.max(0, range.start - CONTEXT), range.start));
        const after = foldOnly(this.text.slice(range.end, range.end + CONTEXT));
        const folded = new Map(texts.map(({ page, folded }) => [page, folded]));
        return placeQuote(quote, before, after, texts).map((span) => ({ ...span, text: folded.get(span.page)!.slice(span.start, span.end) }));
      })();
      this.found.set(key, entry);
    }
    return entry;
  }
}
