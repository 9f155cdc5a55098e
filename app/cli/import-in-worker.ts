/**
 * Importing a file on the command line where a memory limit can stop it, as the app imports in a
 * Web Worker: a worker thread with its own JavaScript heap limit. The importers bound what they
 * decode (zip and PDF streams, nesting, pages); the heap limit is the last line, so no file can
 * take the machine's memory, and running out becomes a message, not a crash of `lectern`.
 */
import { Worker } from 'node:worker_threads';
import { quoteFileName } from '../documents/decode';
import type { ParsedDocument, Result } from '../documents/model';

/** The worker's JavaScript heap, in MB: room for a book of millions of words and its blocks, far below a machine's memory. */
export const IMPORT_HEAP_MB = 2048;

/** Parses `bytes` as the file `fileName` in a worker thread limited to `heapMb` MB of heap. */
export function importInWorker(fileName: string, bytes: Uint8Array, heapMb = IMPORT_HEAP_MB): Promise<Result<ParsedDocument>> {
  const name = quoteFileName(fileName);
  const copy = bytes.slice();
  const worker = startWorker({ workerData: { fileName, bytes: copy }, transferList: [copy.buffer], resourceLimits: { maxOldGenerationSizeMb: heapMb } });
  return new Promise((resolve) => {
    let settled = false;
    const settle = (result: Result<ParsedDocument>) => {
      if (settled) return;
      settled = true;
      resolve(result);
      void worker.terminate();
    };
    worker.once('message', (result: Result<ParsedDocument>) => settle(result));
    worker.once('error', (error: Error & { code?: string }) => {
      settle({
        ok: false,
        error:
          error.code === 'ERR_WORKER_OUT_OF_MEMORY'
            ? `${name} needs more memory than Lectern gives one import (${heapMb >= 1024 ? `${heapMb / 1024} GB` : `${heapMb} MB`}), so it was not read. If the file is genuine, split it into smaller files and import those.`
            : `Lectern could not read ${name}: ${error.message}`,
      });
    });
    worker.once('exit', (code) => settle({ ok: false, error: `Lectern could not read ${name}: the import stopped unexpectedly (exit code ${code}).` }));
  });
}

/**
 * The worker runs import-worker.js beside the built command (out/cli), or import-worker.ts from
 * the sources, through tsx as the command itself does.
 */
function startWorker(options: ConstructorParameters<typeof Worker>[1]): Worker {
  if (!import.meta.url.endsWith('.ts')) return new Worker(new URL('./import-worker.js', import.meta.url), options);
  const entry = new URL('./import-worker.ts', import.meta.url).href;
  const tsx = import.meta.resolve('tsx/esm/api');
  const bootstrap = `import(${JSON.stringify(tsx)}).then((api) => { api.register(); return import(${JSON.stringify(entry)}); });`;
  return new Worker(bootstrap, { ...options, eval: true });
}
