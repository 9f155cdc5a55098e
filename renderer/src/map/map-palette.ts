import { useEffect, useState } from 'react';
import { LIGHT_PALETTE, type MapPalette } from '../../../app/map/svg';

/** The map's colours from the theme's CSS variables (map.css and styles.css). */
export function readPalette(): MapPalette {
  const style = getComputedStyle(document.documentElement);
  const read = (name: string, fallback: string) => style.getPropertyValue(name).trim() || fallback;
  return {
    background: read('--surface', LIGHT_PALETTE.background),
    text: read('--text', LIGHT_PALETTE.text),
    edge: read('--map-edge', LIGHT_PALETTE.edge),
    source: read('--map-source', LIGHT_PALETTE.source),
    work: read('--map-work', LIGHT_PALETTE.work),
    person: read('--map-person', LIGHT_PALETTE.person),
    shared: read('--map-shared', LIGHT_PALETTE.shared),
  };
}

/** The palette, read again whenever the theme changes. */
export function usePalette(): MapPalette {
  const [palette, setPalette] = useState(readPalette);
  useEffect(() => {
    const observer = new MutationObserver(() => setPalette(readPalette()));
    observer.observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme', 'class', 'style'] });
    const media = window.matchMedia('(prefers-color-scheme: dark)');
    const changed = () => setPalette(readPalette());
    media.addEventListener('change', changed);
    return () => {
      observer.disconnect();
      media.removeEventListener('change', changed);
    };
  }, []);
  return palette;
}
