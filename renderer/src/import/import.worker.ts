/// <reference lib="webworker" />
import { openLecternDb } from '../../../app/store/db';
import { importOne } from './import-file';
import type { ImportContext } from '../../../app/documents/html/sanitize';
import type { ImportEvent, ImportRequest } from './protocol';

// Parsing runs here, off the UI thread; the worker writes to the same IndexedDB as the UI.
const scope = self as unknown as DedicatedWorkerGlobalScope;
const db = openLecternDb();
const cancelled = new Set<number>();
let queue: Promise<void> = Promise.resolve();
let nextRequest = 1;
const waiting = new Map<number, { resolve: (html: string) => void; reject: (error: Error) => void }>();

function post(event: ImportEvent): void {
  scope.postMessage(event);
}

/** Web pages are sanitized by DOMPurify on the UI thread, the nearest DOM. */
function contextFor(jobId: number): ImportContext {
  return {
    sanitizeHtml: (html) =>
      new Promise<string>((resolve, reject) => {
        const requestId = nextRequest++;
        waiting.set(requestId, { resolve, reject });
        post({ type: 'sanitize', jobId, requestId, html });
      }),
  };
}

async function run(jobId: number, files: { name: string; blob: Blob }[]): Promise<void> {
  const context = contextFor(jobId);
  for (const [index, file] of files.entries()) {
    if (cancelled.has(jobId)) break;
    post({ type: 'progress', jobId, done: index, total: files.length, current: file.name });
    post({ type: 'file', jobId, outcome: await importOne(db, file.name, file.blob, context) });
  }
  post({ type: 'progress', jobId, done: files.length, total: files.length, current: '' });
  post({ type: 'finished', jobId, cancelled: cancelled.delete(jobId) });
}

scope.addEventListener('message', (message: MessageEvent<ImportRequest>) => {
  const request = message.data;
  if (request.type === 'sanitized') {
    const waiter = waiting.get(request.requestId);
    waiting.delete(request.requestId);
    if (request.error !== undefined) waiter?.reject(new Error(request.error));
    else waiter?.resolve(request.html);
  } else if (request.type === 'cancel') cancelled.add(request.jobId);
  // One job at a time, in order: two drops in a row must not race for the same document id.
  else queue = queue.then(() => run(request.jobId, request.files));
});
