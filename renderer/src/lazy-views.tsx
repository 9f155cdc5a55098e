/**
 * The views and dialogs the library does not need, each loaded (with the libraries only it uses)
 * when it is first shown: the start of the app loads the library and nothing more. Each has a
 * placeholder of its own shape to show while it loads, so nothing around it moves.
 */
import { lazy } from 'react';

const loadReading = () => import('./workspace/ReadingView');

/** The reading view: sources, panes, reader, PDF and EPUB pages, notebooks. */
export const ReadingView = lazy(() => loadReading().then((module) => ({ default: module.ReadingView })));

/** Starts loading the reading view ahead of a click that is likely to open it (a row pointed at). */
export function preloadReading(): void {
  void loadReading().catch(() => undefined);
}

/** The Index view: cited works and people across the library. */
export const IndexView = lazy(() => import('./indexes/IndexView').then((module) => ({ default: module.IndexView })));

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
