/**
 * The tool the student last copied a citation for (pandoc, LaTeX or formatted text), remembered
 * across restarts so the shortcut copies the same way again. The style of formatted citations is
 * the app's one citation style (citations/citation-style.ts).
 */
import { useSyncExternalStore } from 'react';
import { CITE_TOOLS, type CiteTool } from '../../../app/writing/cite-as';

const KEY = 'lectern.citeTool';
const listeners = new Set<() => void>();
// The choice of this page, for when storage is blocked.
let memory: CiteTool | null = null;

function isTool(value: unknown): value is CiteTool {
  return typeof value === 'string' && (CITE_TOOLS as readonly string[]).includes(value);
}

/** The last tool chosen; pandoc until the student picks another. */
export function readCiteTool(): CiteTool {
  try {
    const stored = localStorage.getItem(KEY);
    return isTool(stored) ? stored : (memory ?? 'pandoc');
  } catch {
    return memory ?? 'pandoc';
  }
}

/** Remembers `tool` as the last choice. */
export function setCiteTool(tool: CiteTool): void {
  memory = tool;
  try {
    localStorage.setItem(KEY, tool);
  } catch {
    // Without storage the choice lasts until the page reloads: the listeners still hear it.
  }
  listeners.forEach((listener) => listener());
}

/** The last tool chosen, re-rendering when it changes. */
export function useCiteTool(): CiteTool {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    readCiteTool,
  );
}
