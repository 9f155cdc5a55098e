/**
 * dexie-export-import is written for browsers: it reads `self` when it loads and reads Blobs with
 * FileReader. Node (the CLI and the tests) has neither, so before loading it there, this supplies
 * `self` as the global object and a FileReader reduced to what the library calls. In a browser or
 * a worker both exist and nothing is touched.
 */
import type * as ExportImport from 'dexie-export-import';

type ExportImportModule = typeof ExportImport;

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

/** Loads dexie-export-import, first giving Node the two browser globals it needs. */
export async function loadExportImport(): Promise<ExportImportModule> {
  const global = globalThis as Record<string, unknown>;
  global.self ??= globalThis;
  global.FileReader ??= MinimalFileReader;
  return import('dexie-export-import');
}
