import { useEffect, useRef, useState, type RefObject } from 'react';

/**
 * Below this width a pane gives its room to the text: the highlights sidebar starts hidden
 * (about 28 characters of reading column would be left beside it).
 */
export const SIDEBAR_MIN_PANE_WIDTH = 480;

/** True while the element is at least SIDEBAR_MIN_PANE_WIDTH wide. */
export function usePaneIsWide(ref: RefObject<HTMLElement | null>): boolean {
  const [wide, setWide] = useState(true);
  const observed = useRef<{ element: HTMLElement; observer: ResizeObserver } | null>(null);
  // The element appears only once the document has loaded, so check after every render and
  // start observing when it first exists (or changes).
  useEffect(() => {
    const element = ref.current;
    if (!element || observed.current?.element === element) return;
    observed.current?.observer.disconnect();
    const observer = new ResizeObserver(([entry]) => {
      if (entry) setWide(entry.contentRect.width >= SIDEBAR_MIN_PANE_WIDTH);
    });
    observer.observe(element);
    observed.current = { element, observer };
  });
  useEffect(() => () => observed.current?.observer.disconnect(), []);
  return wide;
}
