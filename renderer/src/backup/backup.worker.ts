/// <reference lib="webworker" />
import { openLecternDb } from '../../../app/store/db';
import { exportLibrary, importLibrary } from '../../../app/store/backup';
import { describeStorageError } from '../../../app/store/storage-errors';
import { openChannel } from '../workers/channel';
import type { BackupWorkerProtocol } from './backup-protocol';

// Backups are read, zipped, unpacked, checked and written here, off the UI thread, on the worker's
// own connection to the same IndexedDB. One job per worker; the UI starts a worker for each.
openChannel<Record<never, never>, BackupWorkerProtocol>(self, {
  async backup(_request, { signal, progress }) {
    const db = openLecternDb();
    try {
      return await exportLibrary(db, { signal, onProgress: progress });
    } catch (error) {
      if (signal.aborted) throw new Error('Backup cancelled; nothing was saved.', { cause: error });
      throw new Error(backupFailure(error), { cause: error });
    } finally {
      db.close();
    }
  },
  async restore({ file, mode }, { signal, progress }) {
    const db = openLecternDb();
    try {
      const restored = await importLibrary(db, file, { mode, signal, onProgress: progress });
      if (!restored.ok) throw new Error(restored.error);
      return restored.value;
    } finally {
      db.close();
    }
  },
});

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
