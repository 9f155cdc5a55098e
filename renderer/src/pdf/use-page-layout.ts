import { useCallback, useEffect, useLayoutEffect, useRef, useState, type RefObject } from 'react';
import type { PageSize } from './use-pdf-document';
import { fitWidthScale, stepZoom } from './zoom';

/** The page view's zoom, current page and which pages are near enough to draw. */
export interface PageLayout {
  scale: number;
  fitWidth: boolean;
  zoomIn: () => void;
  zoomOut: () => void;
  fit: () => void;
  /** The page in view, from 1. */
  current: number;
  goToPage: (page: number) => void;
  /** Scrolls so that `top` (PDF points down page `page`, from 1) sits just below the view's top; null: the page's top. */
  goToSpot: (page: number, top: number | null) => void;
  /** Pages (from 1) within about a screen of the viewport. */
  near: ReadonlySet<number>;
  onScroll: () => void;
}

/** CSS pixels kept above a spot scrolled to. */
const SPOT_MARGIN = 24;

/** Where the reader is: a page (from 0) and how far down it the top of the view sits, 0-1. */
interface Spot {
  index: number;
  fraction: number;
}

/**
 * Zoom, scrolling and lazy drawing for the page view. Zooming keeps the same spot of the same page
 * at the top; fit-width follows the pane as it is resized. Pages are drawn only when an
 * IntersectionObserver finds them within a screen's height of the viewport.
 */
export function usePageLayout(scrollRef: RefObject<HTMLDivElement | null>, sizes: readonly PageSize[]): PageLayout {
  const [manual, setManual] = useState<number | null>(null);
  const [available, setAvailable] = useState(0);
  const [current, setCurrent] = useState(1);
  const [near, setNear] = useState<ReadonlySet<number>>(() => new Set([1]));
  const spot = useRef<Spot>({ index: 0, fraction: 0 });
  const widest = sizes.reduce((max, size) => Math.max(max, size.width), 0);
  const scale = manual ?? fitWidthScale(available, widest);

  const pageElements = useCallback(() => Array.from(scrollRef.current?.querySelectorAll<HTMLElement>('.pdf-page') ?? []), [scrollRef]);

  useEffect(() => {
    const scroller = scrollRef.current;
    if (!scroller) return;
    const observer = new ResizeObserver(() => setAvailable(scroller.clientWidth));
    observer.observe(scroller);
    setAvailable(scroller.clientWidth);
    return () => observer.disconnect();
  }, [scrollRef]);

  useEffect(() => {
    const scroller = scrollRef.current;
    if (!scroller) return;
    const observer = new IntersectionObserver(
      (entries) =>
        setNear((previous) => {
          const next = new Set(previous);
          for (const entry of entries) {
            const page = Number((entry.target as HTMLElement).dataset.pageNumber);
            if (entry.isIntersecting) next.add(page);
            else next.delete(page);
          }
          return next.size === previous.size && [...next].every((page) => previous.has(page)) ? previous : next;
        }),
      { root: scroller, rootMargin: '100% 0px' },
    );
    for (const element of pageElements()) observer.observe(element);
    return () => observer.disconnect();
  }, [scrollRef, sizes, pageElements]);

  const onScroll = useCallback(() => {
    const scroller = scrollRef.current;
    if (!scroller) return;
    const elements = pageElements();
    const top = scroller.scrollTop;
    // The page under a line 40% down the view is the one being read.
    const reading = top + scroller.clientHeight * 0.4;
    let low = 0;
    let high = elements.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (elements[mid]!.offsetTop <= reading) low = mid;
      else high = mid - 1;
    }
    setCurrent(low + 1);
    let index = 0;
    while (index + 1 < elements.length && elements[index + 1]!.offsetTop <= top) index++;
    const element = elements[index];
    if (element) spot.current = { index, fraction: Math.max(0, (top - element.offsetTop) / element.offsetHeight) };
  }, [scrollRef, pageElements]);

  // After a zoom the pages have new heights: put the remembered spot back at the top.
  useLayoutEffect(() => {
    const scroller = scrollRef.current;
    const element = pageElements()[spot.current.index];
    if (!scroller || !element) return;
    scroller.scrollTop = element.offsetTop + spot.current.fraction * element.offsetHeight;
  }, [scale, scrollRef, pageElements]);

  const goToPage = useCallback(
    (page: number) => {
      const scroller = scrollRef.current;
      const elements = pageElements();
      const index = Math.min(elements.length, Math.max(1, page)) - 1;
      const element = elements[index];
      if (!scroller || !element) return;
      spot.current = { index, fraction: 0 };
      scroller.scrollTop = element.offsetTop - 8;
      setCurrent(index + 1);
    },
    [scrollRef, pageElements],
  );

  const goToSpot = useCallback(
    (page: number, top: number | null) => {
      const scroller = scrollRef.current;
      const elements = pageElements();
      const index = Math.min(elements.length, Math.max(1, page)) - 1;
      const element = elements[index];
      if (top === null || !scroller || !element) return goToPage(page);
      // A little room above the spot, so its line is not flush with the edge.
      const y = Math.max(0, top * scale - SPOT_MARGIN);
      spot.current = { index, fraction: Math.min(1, y / element.offsetHeight) };
      scroller.scrollTop = element.offsetTop + y;
      setCurrent(index + 1);
    },
    [scrollRef, pageElements, goToPage, scale],
  );

  return {
    scale,
    fitWidth: manual === null,
    zoomIn: () => setManual(stepZoom(scale, 1)),
    zoomOut: () => setManual(stepZoom(scale, -1)),
    fit: () => setManual(null),
    current,
    goToPage,
    goToSpot,
    near,
    onScroll,
  };
}
