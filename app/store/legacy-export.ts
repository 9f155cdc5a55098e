/**
 * Test helper: writes a backup in the format Lectern used before its archive format, with the
 * library that wrote those backups (dexie-export-import), so tests prove old backups still
 * restore. Imported by tests and benchmarks only; the app never loads dexie-export-import.
 *
 * The library is written for browsers: it reads `self` when it loads and reads Blobs with
 * FileReader. Node has neither, so before loading it this supplies `self` as the global object
 * and a FileReader reduced to what the library calls.
 */
import type { LecternDb } from './db';

type ReaderEvent = { target: MinimalFileReader };

/** FileReader.readAsArrayBuffer on top of Blob.arrayBuffer(), the only read the library makes. */
class MinimalFileReader {
  result: ArrayBuffer | null = null;
  error: unknown = null;
  onload: ((event: ReaderEvent) => void) | null = null;
  onerror: ((event: ReaderEvent) => void) | null = null;
  onabort: ((event: ReaderEvent) => void) | null = null;

  readAsArrayBuffer(blob: Blob): void {
    blob.arrayBuffer().then(
      (buffer) => {
        this.result = buffer;
        this.onload?.({ target: this });
      },
      (error: unknown) => {
        this.error = error;
        this.onerror?.({ target: this });
      },
    );
  }
}

/** The library as the old backup code wrote it: dexie-export-import JSON, search index (and the later rendered-entries cache) left out. */
export async function exportLegacyBackup(db: LecternDb): Promise<Blob> {
  const global = globalThis as Record<string, unknown>;
  global.self ??= globalThis;
  global.FileReader ??= MinimalFileReader;
  const { exportDB } = await import('dexie-export-import');
  return exportDB(db, { skipTables: ['searchIndex', 'renderedEntries', 'syncLog', 'syncMeta'] });
}
