import { useMemo } from 'react';
import type { PageRect, PageSelector } from '../../../app/anchoring/selectors';
import type { PlacedHighlight } from '../highlights/placement';
import type { ItemSpan, PageOffsets } from './page-offsets';

/** One highlight's part on one page. */
export interface PageMark {
  id: string;
  color: string;
  /** The item characters of the page it covers, through the page map. */
  spans?: ItemSpan[];
  /**
   * Stored rectangles in PDF points, drawn when the spans cannot be: no page map (yet), the range
   * not on its pages, or a drawn text layer that is not the map's.
   */
  rects?: PageRect[];
}

/**
 * Where each highlight falls on the pages near the viewport, page by page, through the page map;
 * without one (still being built, or the file could not be read again), the rectangles stored
 * with each highlight are drawn on its page.
 */
export function usePageMarks(offsets: PageOffsets | null, placed: readonly PlacedHighlight[], nearPages: ReadonlySet<number>): Map<number, PageMark[]> {
  return useMemo(() => {
    const byPage = new Map<number, PageMark[]>();
    const add = (page: number, mark: PageMark) => byPage.set(page, [...(byPage.get(page) ?? []), mark]);
    for (const { annotation, range } of placed) {
      const { id, color } = annotation;
      const stored = annotation.selectors.find((selector): selector is PageSelector => selector.type === 'PageSelector');
      let drawn = false;
      if (offsets && range) {
        for (const page of offsets.pagesOf(range.start, range.end)) {
          drawn = true;
          const rects = stored?.page === page ? stored.rects : undefined;
          if (nearPages.has(page)) add(page, { id, color, spans: offsets.spans(page, range.start, range.end), ...(rects ? { rects } : {}) });
        }
      }
      if (!drawn && stored?.rects?.length && nearPages.has(stored.page)) add(stored.page, { id, color, rects: stored.rects });
    }
    return byPage;
  }, [offsets, placed, nearPages]);
}
