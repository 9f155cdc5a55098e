/// <reference lib="webworker" />
import { openLecternDb } from '../../../app/store/db';
import { importOne } from './import-file';
import type { ImportEvent, ImportRequest } from './protocol';

// Parsing runs here, off the UI thread; the worker writes to the same IndexedDB as the UI.
const scope = self as unknown as DedicatedWorkerGlobalScope;
const db = openLecternDb();
const cancelled = new Set<number>();
let queue: Promise<void> = Promise.resolve();

function post(event: ImportEvent): void {
  scope.postMessage(event);
}

async function run(jobId: number, files: { name: string; blob: Blob }[]): Promise<void> {
  for (const [index, file] of files.entries()) {
    if (cancelled.has(jobId)) break;
    post({ type: 'progress', jobId, done: index, total: files.length, current: file.name });
    post({ type: 'file', jobId, outcome: await importOne(db, file.name, file.blob) });
  }
  post({ type: 'progress', jobId, done: files.length, total: files.length, current: '' });
  post({ type: 'finished', jobId, cancelled: cancelled.delete(jobId) });
}

scope.addEventListener('message', (message: MessageEvent<ImportRequest>) => {
  const request = message.data;
  if (request.type === 'cancel') cancelled.add(request.jobId);
  // One job at a time, in order: two drops in a row must not race for the same document id.
  else queue = queue.then(() => run(request.jobId, request.files));
});
