/// <reference lib="webworker" />
import { openLecternDb } from '../../../app/store/db';
import { exportLibrary, importLibrary } from '../../../app/store/backup';
import { describeStorageError } from '../../../app/store/storage-errors';
import type { Result } from '../../../app/documents/model';
import type { BackupEvent, BackupRequest } from './backup-protocol';

// Backups are read, zipped, unpacked, checked and written here, off the UI thread, on the worker's
// own connection to the same IndexedDB. One job per worker; the UI starts a worker for each.
const scope = self as unknown as DedicatedWorkerGlobalScope;
const controller = new AbortController();
let started = false;

function post(event: BackupEvent): void {
  scope.postMessage(event);
}

async function backup(): Promise<Result<Blob>> {
  const db = openLecternDb();
  try {
    const file = await exportLibrary(db, { signal: controller.signal, onProgress: (progress) => post({ type: 'progress', progress }) });
    return { ok: true, value: file };
  } catch (error) {
    if (controller.signal.aborted) return { ok: false, error: 'Backup cancelled; nothing was saved.' };
    return { ok: false, error: backupFailure(error) };
  } finally {
    db.close();
  }
}

/** Why a backup failed, in words the student can act on; never a stack trace. */
function backupFailure(error: unknown): string {
  const name = error instanceof Error ? error.name : '';
  // A Blob read fails when the browser's storage lost an original's file (site data cleared, a failing disk).
  if (name === 'NotReadableError' || name === 'NotFoundError') {
    return 'The backup was not made: an original file could not be read from Lectern’s storage. Try again; if it keeps happening, re-import the documents whose pages no longer open.';
  }
  // Building the file holds the originals in memory once: a library of several GB can exceed it.
  if (error instanceof RangeError || name === 'QuotaExceededError') {
    return 'The backup was not made: there was not enough memory to build the file. Close other windows and tabs, then try again.';
  }
  if (['DatabaseClosedError', 'InvalidStateError', 'OpenFailedError', 'MissingAPIError', 'VersionError', 'TimeoutError', 'UnknownError'].includes(name)) {
    return `The backup was not made: ${describeStorageError(error)}`;
  }
  return `The backup was not made (${error instanceof Error ? error.message : 'unexpected error'}). Try again.`;
}

scope.addEventListener('message', (message: MessageEvent<BackupRequest>) => {
  const request = message.data;
  if (request.type === 'cancel') {
    controller.abort();
    return;
  }
  if (started) return;
  started = true;
  const job =
    request.type === 'backup'
      ? backup()
      : (async () => {
          const db = openLecternDb();
          try {
            return await importLibrary(db, request.file, { mode: request.mode, signal: controller.signal, onProgress: (progress) => post({ type: 'progress', progress }) });
          } finally {
            db.close();
          }
        })();
  void job.then((result) => post({ type: 'done', result }));
});
