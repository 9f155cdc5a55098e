import { useEffect, useState } from 'react';
import type { Block } from '../../../app/documents/model';
import type { PageRect, PageSelector } from '../../../app/anchoring/selectors';
import type { PlacedHighlight } from '../highlights/placement';
import { candidatePages } from './page-map';
import type { SpanFinder } from './span-finder';
import type { FoldedRange } from './text-fold';

/** One highlight's part on one page. */
export interface PageMark {
  id: string;
  color: string;
  /** Folded characters of the page's text it covers, and those characters (to check the DOM against). */
  span?: FoldedRange & { text: string };
  /** Stored rectangles in PDF points, drawn when the text could not be found on the page. */
  rects?: PageRect[];
}

/**
 * Where each highlight falls on the pages near the viewport, page by page. Placing reads page texts
 * (off the UI thread, in pdf.js's worker), so it only runs for highlights that may touch those
 * pages; the finder remembers what it found for as long as the highlight's range is unchanged.
 */
export function usePageMarks(
  finder: SpanFinder,
  pageCount: number,
  blocks: readonly Block[],
  placed: readonly PlacedHighlight[],
  nearPages: ReadonlySet<number>,
): Map<number, PageMark[]> {
  const [marks, setMarks] = useState(() => new Map<number, PageMark[]>());

  useEffect(() => {
    let cancelled = false;
    void (async () => {
      const byPage = new Map<number, PageMark[]>();
      const add = (page: number, mark: PageMark) => byPage.set(page, [...(byPage.get(page) ?? []), mark]);
      for (const { annotation, range } of placed) {
        const stored = annotation.selectors.find((selector): selector is PageSelector => selector.type === 'PageSelector');
        const pages = range ? candidatePages(blocks, range.start, range.end, pageCount) : [];
        if (stored && !pages.includes(stored.page)) pages.push(stored.page);
        if (!pages.some((page) => nearPages.has(page))) continue;
        const spans = range ? await finder.spans(range, pages) : [];
        if (cancelled) return;
        for (const span of spans) add(span.page, { id: annotation.id, color: annotation.color, span: { start: span.start, end: span.end, text: span.text } });
        if (spans.length === 0 && stored?.rects?.length) add(stored.page, { id: annotation.id, color: annotation.color, rects: stored.rects });
      }
      if (!cancelled) setMarks(byPage);
    })();
    return () => {
      cancelled = true;
    };
  }, [finder, pageCount, blocks, placed, nearPages]);

  return marks;
}
