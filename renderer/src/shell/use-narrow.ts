import { useEffect, useState, type RefObject } from 'react';

/**
 * True while the element is narrower than `below` pixels, watched with a ResizeObserver: a
 * toolbar uses it to move its less-used commands into an overflow menu instead of wrapping.
 */
export function useNarrow(ref: RefObject<HTMLElement | null>, below: number): boolean {
  const [narrow, setNarrow] = useState(false);
  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    const observer = new ResizeObserver(([entry]) => {
      if (entry) setNarrow(entry.contentRect.width < below);
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, [ref, below]);
  return narrow;
}
