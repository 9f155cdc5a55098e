/**
 * Writes the whole library as one backup archive (backup-format.ts). The rows are read in one
 * read transaction, so the backup is one moment of the library; the originals' bytes are read
 * after it, from the Blobs the rows hold (Blob.arrayBuffer, never a fetch of a blob: URL, which
 * the app's Content-Security-Policy rightly forbids).
 */
import { strToU8, Zip, ZipDeflate, ZipPassThrough } from 'fflate';
import type { LecternDb } from './db';
import type { DocumentOriginal, StoredTrashEntry } from './records';
import { BACKUP_TABLES, type BackupTable } from './record-schemas';
import {
  BACKUP_FORMAT,
  BACKUP_FORMAT_VERSION,
  MANIFEST_NAME,
  PART_TARGET_BYTES,
  originalName,
  partName,
  type BackupManifest,
  type FileRef,
} from './backup-format';
import type { BackupProgress } from './backup-progress';

/** Options for exportLibrary. */
export interface ExportLibraryOptions {
  onProgress?: (progress: BackupProgress) => void;
  /** Aborting stops the backup; the promise rejects with the signal's reason. */
  signal?: AbortSignal;
  /** The time written into the manifest; now unless a test fixes it. */
  now?: Date;
}

type Binary = Blob | Uint8Array;

/** Collects originals by content, so bytes shared by a document and the trash are stored once. */
class Originals {
  readonly files = new Map<string, Binary>();

  async refer(data: Binary): Promise<FileRef> {
    const bytes = data instanceof Blob ? new Uint8Array(await data.arrayBuffer()) : data;
    const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>));
    const sha = Array.from(digest, (b) => b.toString(16).padStart(2, '0')).join('');
    const file = originalName(sha);
    // Keep the Blob rather than its bytes: they are read again when written, one at a time.
    if (!this.files.has(file)) this.files.set(file, data);
    return { file, size: bytes.byteLength, mediaType: data instanceof Blob ? data.type : '', kind: data instanceof Blob ? 'blob' : 'bytes' };
  }
}

/** Reads every backed-up table in one transaction: one consistent moment of the library. */
async function readTables(db: LecternDb): Promise<Record<BackupTable, unknown[]>> {
  const tables = BACKUP_TABLES.map((name) => db.table(name));
  return db.transaction('r', tables, async () => {
    const rows = {} as Record<BackupTable, unknown[]>;
    for (const name of BACKUP_TABLES) rows[name] = await db.table(name).toArray();
    return rows;
  });
}

/** The whole library as one zip archive (a Blob), originals included. */
export async function exportLibrary(db: LecternDb, options: ExportLibraryOptions = {}): Promise<Blob> {
  const { signal, onProgress } = options;
  signal?.throwIfAborted();
  const rows = await readTables(db);
  const total = BACKUP_TABLES.reduce((sum, name) => sum + rows[name].length, 0);
  let done = 0;
  const report = (count: number) => {
    signal?.throwIfAborted();
    done += count;
    onProgress?.({ phase: 'writing', done, total });
  };
  report(0);

  const parts: Uint8Array[] = [];
  const failures: Error[] = [];
  const zip = new Zip((error, chunk) => {
    if (error) failures.push(error);
    else parts.push(chunk);
  });
  const addJson = (name: string, json: string) => {
    const entry = new ZipDeflate(name, { level: 6 });
    zip.add(entry);
    entry.push(strToU8(json), true);
  };

  const originals = new Originals();
  const manifest: BackupManifest = {
    format: BACKUP_FORMAT,
    formatVersion: BACKUP_FORMAT_VERSION,
    schemaVersion: db.verno,
    createdAt: (options.now ?? new Date()).toISOString(),
    tables: Object.fromEntries(BACKUP_TABLES.map((name) => [name, rows[name].length])) as Record<BackupTable, number>,
  };
  addJson(MANIFEST_NAME, JSON.stringify(manifest, null, 2));

  for (const name of BACKUP_TABLES) {
    let part = 1;
    let pending: string[] = [];
    let pendingBytes = 0;
    const flush = () => {
      addJson(partName(name, part++), `[\n${pending.join(',\n')}\n]`);
      report(pending.length);
      pending = [];
      pendingBytes = 0;
    };
    for (const row of rows[name]) {
      const json = JSON.stringify(await withFileRefs(name, row, originals));
      pending.push(json);
      pendingBytes += json.length;
      if (pendingBytes >= PART_TARGET_BYTES) flush();
    }
    if (pending.length > 0 || part === 1) flush();
  }

  for (const [name, data] of originals.files) {
    signal?.throwIfAborted();
    const entry = new ZipPassThrough(name);
    zip.add(entry);
    entry.push(data instanceof Blob ? new Uint8Array(await data.arrayBuffer()) : data, true);
  }
  zip.end();
  if (failures[0]) throw failures[0];
  return new Blob(parts as Uint8Array<ArrayBuffer>[], { type: 'application/zip' });
}

/** A row as the archive holds it: an original's bytes replaced by a reference to its file. */
async function withFileRefs(table: BackupTable, row: unknown, originals: Originals): Promise<unknown> {
  if (table === 'originals') {
    const original = row as DocumentOriginal;
    return { ...original, data: await originals.refer(original.data) };
  }
  if (table === 'trash') {
    const entry = row as StoredTrashEntry;
    const original = entry.payload.original;
    if (!original) return entry;
    return { ...entry, payload: { ...entry.payload, original: { ...original, data: await originals.refer(original.data) } } };
  }
  return row;
}
