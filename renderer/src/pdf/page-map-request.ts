/**
 * Asking page-map.worker.ts for the page map of a PDF that has none (imported before maps were
 * kept). One worker per request, ended when it answers: this happens once per such document.
 */
import type { Result } from '../../../app/documents/model';

/** The document whose map is to be built from its kept original. */
export interface PageMapRequest {
  docId: string;
}

/** Whether the map was built and stored. */
export type PageMapReply = Result<true>;

/** Starts the worker; tests may stand in another factory. */
export type PageMapWorkerFactory = () => Worker;

const startWorker: PageMapWorkerFactory = () => new Worker(new URL('./page-map.worker.ts', import.meta.url), { type: 'module', name: 'lectern-page-map' });

const asked = new Map<string, Promise<PageMapReply>>();

/** Builds and stores `docId`'s page map off the UI thread; asked once per document while the app runs. */
export function requestPageMap(docId: string, start: PageMapWorkerFactory = startWorker): Promise<PageMapReply> {
  let pending = asked.get(docId);
  if (!pending) {
    pending = new Promise<PageMapReply>((resolve) => {
      const worker = start();
      const finish = (reply: PageMapReply) => {
        worker.terminate();
        resolve(reply);
      };
      // pdf.js, loaded in the worker, announces itself on the same port: only a reply ends the wait.
      worker.onmessage = (event: MessageEvent<unknown>) => {
        if (isReply(event.data)) finish(event.data);
      };
      worker.onerror = (event) => finish({ ok: false, error: event.message || 'The page map could not be built.' });
      worker.postMessage({ docId } satisfies PageMapRequest);
    });
    asked.set(docId, pending);
  }
  return pending;
}

function isReply(data: unknown): data is PageMapReply {
  return typeof data === 'object' && data !== null && typeof (data as { ok?: unknown }).ok === 'boolean';
}
