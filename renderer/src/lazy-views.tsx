/**
 * The views and dialogs the library does not need, each loaded (with the libraries only it uses)
 * when it is first shown: the start of the app loads the library and nothing more. Each has a
 * placeholder of its own shape to show while it loads, so nothing around it moves.
 */
import { lazy, type ComponentType } from 'react';

/**
 * A lazily loaded view that renders at once, without suspending, when its code has already
 * arrived (a preload, or an earlier view). React.lazy takes a promise and suspends on it even
 * when the module is ready, and React holds back a revealed boundary for a moment after its
 * fallback showed; a thenable that answers at once lets it render the view in the same pass.
 */
function preloadable<M, P extends object>(load: () => Promise<M>, pick: (module: M) => ComponentType<P>) {
  let loaded: M | undefined;
  let loading: Promise<M> | undefined;
  const preload = (): Promise<M> =>
    (loading ??= load().then(
      (module) => (loaded = module),
      (error: unknown) => {
        loading = undefined;
        throw error;
      },
    ));
  const ready = (module: M) => ({ default: pick(module) });
  const Component = lazy(() => {
    if (loaded === undefined) return preload().then(ready);
    const module = loaded;
    // React reads a thenable that calls back at once as already resolved.
    const now = { then: (resolve: (value: { default: ComponentType<P> }) => void) => resolve(ready(module)) };
    return now as unknown as Promise<{ default: ComponentType<P> }>;
  });
  return { Component, preload };
}

const reading = preloadable(
  () => import('./workspace/ReadingView'),
  (module) => module.ReadingView,
);

/** The reading view: sources, panes, reader, PDF and EPUB pages, notebooks. */
export const ReadingView = reading.Component;

/** Starts loading the reading view ahead of a click that is likely to open it (a row pointed at). */
export function preloadReading(): void {
  void reading.preload().catch(() => undefined);
}

/** How long after start, at the least, the reading view's code may load on its own. */
const IDLE_PRELOAD_DELAY_MS = 1000;

/**
 * Loads the reading view's code once the library has shown and the app has been idle for a
 * while, so the first document a student opens is drawn at once; returns a cancel function.
 */
export function preloadReadingWhenIdle(): () => void {
  let idle: number | undefined;
  const timer = window.setTimeout(() => {
    if (typeof requestIdleCallback === 'function') idle = requestIdleCallback(preloadReading, { timeout: 2000 });
    else preloadReading();
  }, IDLE_PRELOAD_DELAY_MS);
  return () => {
    window.clearTimeout(timer);
    if (idle !== undefined) cancelIdleCallback(idle);
  };
}

/** The Index view: cited works and people across the library. */
export const IndexView = lazy(() => import('./indexes/IndexView').then((module) => ({ default: module.IndexView })));

/** The citation map: sources, the works they cite and the people they name, as a graph. */
export const MapView = lazy(() => import('./map/MapView').then((module) => ({ default: module.MapView })));

/** The quote check: a draft's quotations and citations checked against the library. */
export const CheckView = lazy(() => import('./check/CheckView').then((module) => ({ default: module.CheckView })));

/** The export dialog, with the citation styles. */
export const ExportDialog = lazy(() => import('./export/ExportDialog').then((module) => ({ default: module.ExportDialog })));

/** The restore dialog. */
export const RestoreDialog = lazy(() => import('./backup/RestoreDialog').then((module) => ({ default: module.RestoreDialog })));

/** Holds the reading view's place while it loads: the sources column and an empty pane area. */
export function ReadingPlaceholder() {
  return (
    <main className="reading" aria-label="Reading" aria-busy="true">
      <div className="sources" aria-hidden="true" />
    </main>
  );
}

/** Holds the Index view's place while it loads. */
export function IndexPlaceholder() {
  return <main className="index-view" aria-label="Index" aria-busy="true" />;
}

/** Holds the citation map's place while it loads. */
export function MapPlaceholder() {
  return <main className="map-view" aria-label="Citation map" aria-busy="true" />;
}

/** Holds the quote check's place while it loads. */
export function CheckPlaceholder() {
  return <main className="check-view" aria-label="Quote check" aria-busy="true" />;
}
