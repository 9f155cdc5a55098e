/**
 * The app's UI state that more than one component reads or sets: which view is shown and the
 * export dialog's request. Pane state (layout, active pane, scroll) stays in the workspace
 * reducer, which persists it; state one component owns stays in that component.
 */
import { useSyncExternalStore } from 'react';
import type { ExportRequest } from './commands';

/** The views of the app. */
export type View = 'library' | 'reading' | 'index' | 'map' | 'check';

const VIEWS: readonly View[] = ['library', 'reading', 'index', 'map', 'check'];

/** An Index entry to show: the citation map asks the Index view to scroll to and focus it. */
export interface IndexFocus {
  tab: 'works' | 'people';
  /** WorkEntry.key or PersonEntry.key. */
  key: string;
  /** Typed into the tab's filter when the entry is not among the rows drawn (a long index is paged). */
  query: string;
}

/** The UI state. */
export interface UiState {
  view: View;
  /** The export dialog's request while it is open, else null. */
  exporting: ExportRequest | null;
  /** The Index entry to bring into view, until the Index view has done so; else null. */
  indexFocus: IndexFocus | null;
}

/** A small store of UI state. */
export interface UiStore {
  get: () => UiState;
  /** Changes some fields; listeners run once. */
  set: (patch: Partial<UiState>) => void;
  subscribe: (listener: () => void) => () => void;
}

/** Where the view is remembered across restarts. */
export const VIEW_KEY = 'lectern.view';

/** A minimal key-value storage (localStorage, or a map in tests). */
export type UiStorage = Pick<Storage, 'getItem' | 'setItem'>;

/** A UI store; the view comes from and goes to `storage`. */
export function createUiStore(storage: UiStorage | null): UiStore {
  const saved = readView(storage);
  let state: UiState = { view: VIEWS.find((view) => view === saved) ?? 'library', exporting: null, indexFocus: null };
  const listeners = new Set<() => void>();
  return {
    get: () => state,
    set(patch) {
      if (patch.view !== undefined && patch.view !== state.view) writeView(storage, patch.view);
      state = { ...state, ...patch };
      for (const listener of listeners) listener();
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

/** One part of the UI state, re-rendering when it changes; `select` must return a stable value. */
export function useUi<T>(store: UiStore, select: (state: UiState) => T): T {
  return useSyncExternalStore(store.subscribe, () => select(store.get()));
}

function readView(storage: UiStorage | null): string | null {
  try {
    return storage?.getItem(VIEW_KEY) ?? null;
  } catch {
    return null;
  }
}

function writeView(storage: UiStorage | null, view: View): void {
  try {
    storage?.setItem(VIEW_KEY, view);
  } catch {
    // Without storage the app opens on the library next time; that is harmless.
  }
}
