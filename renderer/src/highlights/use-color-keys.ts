import { useEffect } from 'react';
import { colorForKey, type HighlightColor } from './colors';

/**
 * While a selection waits for a colour (`waiting`), keys 1–5 (or H for yellow) highlight it,
 * wherever focus is: selecting text does not always move focus into the pane. Keys typed into a
 * field, or with a modifier (the keymap's colour keys have none), are left alone.
 */
export function useColorKeys(waiting: boolean, highlight: (color: HighlightColor) => unknown): void {
  useEffect(() => {
    if (!waiting) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.defaultPrevented) return;
      if ((event.target as Element | null)?.closest?.('input, textarea, select, [contenteditable="true"]')) return;
      const color = colorForKey(event);
      if (!color) return;
      event.preventDefault();
      void highlight(color);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [waiting, highlight]);
}
