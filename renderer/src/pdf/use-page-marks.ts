import { useEffect, useRef, useState } from 'react';
import type { Block } from '../../../app/documents/model';
import type { PageRect, PageSelector } from '../../../app/anchoring/selectors';
import type { PlacedHighlight } from '../highlights/placement';
import { candidatePages, placeQuote, type PageSpan } from './page-map';
import type { PageTextCache } from './page-text';
import { foldOnly, type FoldedRange } from './text-fold';

/** One highlight's part on one page. */
export interface PageMark {
  id: string;
  color: string;
  /** Folded characters of the page's text it covers, and those characters (to check the DOM against). */
  span?: FoldedRange & { text: string };
  /** Stored rectangles in PDF points, drawn when the text could not be found on the page. */
  rects?: PageRect[];
}

/** Characters of context either side used to tell repeated passages apart. */
const CONTEXT = 32;

/**
 * Where each highlight falls on the pages near the viewport, page by page. Placing reads page texts
 * (off the UI thread, in pdf.js's worker), so it only runs for highlights that may touch those
 * pages, and remembers what it found for as long as the highlight's range is unchanged.
 */
export function usePageMarks(
  cache: PageTextCache | null,
  pageCount: number,
  text: string,
  blocks: readonly Block[],
  placed: readonly PlacedHighlight[],
  nearPages: ReadonlySet<number>,
): Map<number, PageMark[]> {
  const found = useRef(new Map<string, Promise<PageSpan[]>>());
  const [marks, setMarks] = useState(() => new Map<number, PageMark[]>());

  useEffect(() => {
    found.current = new Map();
  }, [cache, text]);

  useEffect(() => {
    if (!cache) return;
    let cancelled = false;
    void (async () => {
      const byPage = new Map<number, PageMark[]>();
      const add = (page: number, mark: PageMark) => byPage.set(page, [...(byPage.get(page) ?? []), mark]);
      for (const { annotation, range } of placed) {
        const stored = annotation.selectors.find((selector): selector is PageSelector => selector.type === 'PageSelector');
        const pages = range ? candidatePages(blocks, range.start, range.end, pageCount) : [];
        if (stored && !pages.includes(stored.page)) pages.push(stored.page);
        if (!pages.some((page) => nearPages.has(page))) continue;
        const spans = range ? await spansOf(range, pages) : [];
        if (cancelled) return;
        for (const span of spans) add(span.page, { id: annotation.id, color: annotation.color, span: { start: span.start, end: span.end, text: span.text } });
        if (spans.length === 0 && stored?.rects?.length) add(stored.page, { id: annotation.id, color: annotation.color, rects: stored.rects });
      }
      if (!cancelled) setMarks(byPage);
    })();
    return () => {
      cancelled = true;
    };

    function spansOf(range: { start: number; end: number }, pages: number[]): Promise<(PageSpan & { text: string })[]> {
      const key = `${range.start}:${range.end}:${pages.join(',')}`;
      let entry = found.current.get(key);
      if (!entry) {
        entry = (async () => {
          const folded = await Promise.all(pages.sort((a, b) => a - b).map(async (page) => ({ page, folded: await cache!.folded(page) })));
          const quote = foldOnly(text.slice(range.start, range.end));
          const before = foldOnly(text.slice(Math.max(0, range.start - CONTEXT), range.start));
          const after = foldOnly(text.slice(range.end, range.end + CONTEXT));
          return placeQuote(quote, before, after, folded);
        })();
        found.current.set(key, entry);
      }
      return entry.then(async (spans) =>
        Promise.all(spans.map(async (span) => ({ ...span, text: (await cache!.folded(span.page)).slice(span.start, span.end) }))),
      );
    }
  }, [cache, pageCount, text, blocks, placed, nearPages]);

  return marks;
}
