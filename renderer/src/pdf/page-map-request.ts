/**
 * Asking page-map.worker.ts, over the worker channel, for the page map of a PDF that has none
 * (imported before maps were kept). One worker per request, ended when it answers: this happens
 * once per such document.
 */
import type { Result } from '../../../app/documents/model';
import { openChannel, type Method, type WorkerFactory } from '../workers/channel';

/** What the page-map worker serves. */
export type PageMapProtocol = {
  /** Builds and stores the map of `docId` from its kept original. */
  'build-page-map': Method<{ docId: string }, true>;
};

const startWorker: WorkerFactory = () => new Worker(new URL('./page-map.worker.ts', import.meta.url), { type: 'module', name: 'lectern-page-map' });

const asked = new Map<string, Promise<Result<true>>>();

/** Builds and stores `docId`'s page map off the UI thread; asked once per document while the app runs. */
export function requestPageMap(docId: string, start: WorkerFactory = startWorker): Promise<Result<true>> {
  let pending = asked.get(docId);
  if (!pending) {
    const worker = start();
    const channel = openChannel<PageMapProtocol>(worker);
    worker.addEventListener('error', (event) => channel.close(event.message || 'The page map could not be built.'));
    pending = channel.call('build-page-map', { docId }).finally(() => {
      channel.close();
      worker.terminate();
    });
    asked.set(docId, pending);
  }
  return pending;
}
