import { useSyncExternalStore } from 'react';
import { CITATION_STYLES, type CitationStyleId } from './styles';

const KEY = 'lectern.citationStyle';
const listeners = new Set<() => void>();

function read(): CitationStyleId {
  const stored = localStorage.getItem(KEY);
  return CITATION_STYLES.some((style) => style.id === stored) ? (stored as CitationStyleId) : 'apa';
}

/** The chosen citation style, read outside React (a command run from a menu). */
export function readCitationStyle(): CitationStyleId {
  return read();
}

/** Chooses the style used by citation cards, copied quotes and exports; remembered. */
export function setCitationStyle(style: CitationStyleId): void {
  localStorage.setItem(KEY, style);
  listeners.forEach((listener) => listener());
}

/** The chosen citation style (APA until the student picks another). */
export function useCitationStyle(): CitationStyleId {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    read,
  );
}
