/**
 * Backup and restore of the whole library to one file (backup-format.ts): every table but the
 * search index, which is rebuilt from the rest, with every original file byte for byte.
 *
 * A restore reads the file into plain data, checks all of it (shape, limits, row counts, every
 * row against its record schema, references between tables, each original's SHA-256) and only
 * then writes, in one transaction: a bad file, a cancel or a full disk changes nothing. Backups in
 * the format Lectern used before (dexie-export-import JSON) are read the same careful way.
 */
import type { Result } from '../documents/model';
import type { LecternDb } from './db';
import { readBackupArchive, type RawBackup } from './backup-archive';
import { checkBackup, type CheckedRows } from './backup-check';
import { BackupRefusal, NOT_A_BACKUP, fileRefSchema, refused, type FileRef } from './backup-format';
import type { BackupProgress } from './backup-progress';
import { writeRows, type ImportMode, type ImportSummary } from './backup-restore';
import { looksLikeJson, readLegacyBackup } from './legacy-backup';
import { storedBinary } from './record-schemas';
import { describeStorageError } from './storage-errors';

export { exportLibrary, type ExportLibraryOptions } from './backup-writer';
export type { BackupProgress } from './backup-progress';
export type { ImportMode, ImportSummary } from './backup-restore';

/** Options for importLibrary. */
export interface ImportLibraryOptions {
  mode: ImportMode;
  onProgress?: (progress: BackupProgress) => void;
  /** Aborting stops the restore before it commits: the library is left as it was. */
  signal?: AbortSignal;
}

const CANCELLED = 'The restore was cancelled; the library is as it was.';

/**
 * Restores a backup file into the library. Never throws: every failure is a message naming its
 * cause, and none of them changes the library.
 */
export async function importLibrary(db: LecternDb, file: Blob, options: ImportLibraryOptions): Promise<Result<ImportSummary>> {
  let rows: CheckedRows<Blob | Uint8Array>;
  try {
    rows = await readAndCheck(db, file, options);
  } catch (error) {
    if (options.signal?.aborted) return { ok: false, error: CANCELLED };
    if (error instanceof BackupRefusal) return { ok: false, error: error.message };
    return { ok: false, error: unreadable(error) };
  }
  try {
    return { ok: true, value: await writeRows(db, rows, options) };
  } catch (error) {
    if (options.signal?.aborted) return { ok: false, error: CANCELLED };
    return { ok: false, error: `${describeStorageError(error)} The restore was not written; the library is as it was.` };
  }
}

/** A failure to read the file itself (moved, changed or unreadable while Lectern read it). */
function unreadable(error: unknown): string {
  const name = error instanceof Error ? error.name : '';
  if (name === 'NotReadableError' || name === 'NotFoundError') {
    return 'The backup file could not be read: it was moved, changed or locked while Lectern read it. Nothing was changed; choose it again.';
  }
  return `The backup file could not be read (${error instanceof Error ? error.message : 'unexpected error'}). Nothing was changed.`;
}

/** Reads the file as whichever format it is in and checks everything; writes nothing. */
async function readAndCheck(db: LecternDb, file: Blob, options: ImportLibraryOptions): Promise<CheckedRows<Blob | Uint8Array>> {
  if (!db.isOpen()) await db.open();
  const progress = (update: BackupProgress) => {
    options.signal?.throwIfAborted();
    options.onProgress?.(update);
  };
  const head = new Uint8Array(await file.slice(0, 8).arrayBuffer());
  if (head[0] === 0x50 && head[1] === 0x4b && (head[2] === 3 || head[2] === 5)) {
    const raw = await readBackupArchive(file, db.verno, progress);
    return resolveFiles(raw, checkBackup(raw, fileRefSchema));
  }
  if (looksLikeJson(head)) return checkBackup(await readLegacyBackup(file, db.verno), storedBinary);
  throw new BackupRefusal(NOT_A_BACKUP);
}

/** Replaces each original's file reference by its bytes, each proven byte-equal by its SHA-256. */
async function resolveFiles(raw: RawBackup, rows: CheckedRows<FileRef>): Promise<CheckedRows<Blob | Uint8Array>> {
  const files = raw.files!;
  const originals = [];
  for (const row of rows.originals) originals.push({ ...row, data: await files.resolve(row.data) });
  const trash = [];
  for (const entry of rows.trash) {
    const original = entry.payload.original;
    trash.push(original ? { ...entry, payload: { ...entry.payload, original: { ...original, data: await files.resolve(original.data) } } } : entry);
  }
  const spare = files.unreferenced();
  if (spare.length > 0) throw refused(`it holds ${spare.length === 1 ? 'an original file' : `${spare.length} original files`} no document refers to (“${spare[0]}”)`);
  return { ...rows, originals, trash } as CheckedRows<Blob | Uint8Array>;
}
