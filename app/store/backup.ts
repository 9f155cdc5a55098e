/**
 * Backup and restore of the whole library to one file (dexie-export-import's JSON format): every
 * table but the search index, which is rebuilt from the rest. Restoring checks the file first and
 * then writes in one transaction, so a bad file or a full disk changes nothing.
 */
import type { Result } from '../documents/model';
import type { LecternDb } from './db';
import { loadExportImport } from './backup-runtime';
import { parseBackup, type ParsedBackup } from './backup-file';
import { describeStorageError } from './storage-errors';

/** Tables left out of backups: derived data, rebuilt after a restore. */
const DERIVED_TABLES = ['searchIndex'];

/** Progress of a backup or restore, in rows. */
export interface BackupProgress {
  done: number;
  total: number;
}

/** Options for exportLibrary. */
export interface ExportLibraryOptions {
  onProgress?: (progress: BackupProgress) => void;
  /** Aborting stops the backup; the promise rejects with the signal's reason. */
  signal?: AbortSignal;
}

/**
 * How a restore meets the library: 'replace' empties it first; 'merge' keeps what is there and
 * adds the backup's rows. On the same key, merge keeps the newer of two highlights, notebooks or
 * collections (by updatedAt) and the library's own copy of everything else.
 */
export type ImportMode = 'merge' | 'replace';

/** Options for importLibrary. */
export interface ImportLibraryOptions {
  mode: ImportMode;
  onProgress?: (progress: BackupProgress) => void;
  /** Aborting stops the restore before it commits: the library is left as it was. */
  signal?: AbortSignal;
}

/** What a restore wrote: rows per table (rows merge kept from the library are not counted). */
export interface ImportSummary {
  written: Record<string, number>;
}

/** The whole library as one JSON file, Blobs and byte arrays included. */
export async function exportLibrary(db: LecternDb, options: ExportLibraryOptions = {}): Promise<Blob> {
  const { exportDB } = await loadExportImport();
  return exportDB(db, {
    skipTables: DERIVED_TABLES,
    progressCallback: (progress) => {
      // The library calls this between chunks of rows; throwing here is how a backup stops.
      options.signal?.throwIfAborted();
      options.onProgress?.({ done: progress.completedRows, total: progress.totalRows ?? 0 });
      return true;
    },
  });
}

/** Tables where a merge keeps the row with the later updatedAt. */
const NEWER_WINS = new Set(['annotations', 'notebooks', 'collections']);

type KeyOf = (row: Record<string, unknown>) => string;

/** A primary key as text; compound keys join their parts with a character ids never hold. */
function keyText(key: unknown): string {
  return Array.isArray(key) ? key.map((part) => String(part as string | number)).join('\u0000') : String(key);
}

/** Reads a row's primary key as keyText gives it. */
function keyReader(db: LecternDb, table: string): KeyOf {
  const keyPath = db.table(table).schema.primKey.keyPath;
  if (Array.isArray(keyPath)) return (row) => keyText(keyPath.map((part) => row[part]));
  return (row) => keyText(row[keyPath ?? 'id']);
}

/** For a merge: decides per incoming row whether it is written. Reads the library's keys first. */
async function mergeFilter(db: LecternDb, tables: readonly string[]): Promise<(table: string, row: Record<string, unknown>) => boolean> {
  const existing = new Map<string, Set<string>>();
  const updatedAt = new Map<string, Map<string, number>>();
  for (const name of tables) {
    const table = db.table(name);
    if (NEWER_WINS.has(name)) {
      const times = new Map<string, number>();
      // Walks the updatedAt index only: the notes themselves are not read.
      await table.orderBy('updatedAt').eachKey((time, cursor) => times.set(keyText(cursor.primaryKey), Number(time)));
      updatedAt.set(name, times);
    } else {
      const keys = (await table.toCollection().primaryKeys()) as unknown[];
      existing.set(name, new Set(keys.map(keyText)));
    }
  }
  const readers = new Map(tables.map((name) => [name, keyReader(db, name)]));
  return (name, row) => {
    const key = readers.get(name)!(row);
    const times = updatedAt.get(name);
    if (times) {
      const current = times.get(key);
      return current === undefined || Number(row.updatedAt) > current;
    }
    return !existing.get(name)?.has(key);
  };
}

/** Rows a backup from an older schema lacks, filled in as the schema's upgrades would. */
function upgradeRow(table: string, row: Record<string, unknown>): Record<string, unknown> {
  if (table === 'documents' && !Array.isArray(row.tags)) return { ...row, tags: [] };
  return row;
}

/**
 * Restores a backup file into the library. Checks the file first (a file that is not a Lectern
 * backup, or is from a newer Lectern, changes nothing) and writes in one transaction. The search
 * index is cleared, so the next SearchIndexStore.loadOrBuild rebuilds it from the restored rows.
 */
export async function importLibrary(db: LecternDb, file: Blob, options: ImportLibraryOptions): Promise<Result<ImportSummary>> {
  const parsed = await parseBackup(file, db);
  if (!parsed.ok) return parsed;
  try {
    return { ok: true, value: await writeBackup(db, parsed.value, options) };
  } catch (error) {
    if (options.signal?.aborted) return { ok: false, error: 'The restore was cancelled; the library is as it was.' };
    return { ok: false, error: describeStorageError(error) };
  }
}

async function writeBackup(db: LecternDb, backup: ParsedBackup, options: ImportLibraryOptions): Promise<ImportSummary> {
  const { importInto } = await loadExportImport();
  const tables = backup.tables.filter((name) => !DERIVED_TABLES.includes(name));
  const written: Record<string, number> = Object.fromEntries(tables.map((name) => [name, 0]));
  return db.transaction('rw', db.tables, async () => {
    const keep = options.mode === 'merge' ? await mergeFilter(db, tables) : () => true;
    await db.searchIndex.clear();
    // The whole file is already parsed, so the library never waits on a file read mid-transaction
    // (which would let IndexedDB commit half a restore).
    await importInto(db, backup.stream, {
      noTransaction: true,
      acceptNameDiff: true,
      acceptVersionDiff: true,
      overwriteValues: true,
      clearTablesBeforeImport: options.mode === 'replace',
      skipTables: DERIVED_TABLES,
      filter: (table, value) => {
        const ok = keep(table, value as Record<string, unknown>);
        if (ok) written[table] = (written[table] ?? 0) + 1;
        return ok;
      },
      transform: (table, value) => ({ value: upgradeRow(table, value as Record<string, unknown>) }),
      progressCallback: (progress) => {
        // Throwing aborts the one transaction, so a cancelled restore writes nothing.
        options.signal?.throwIfAborted();
        options.onProgress?.({ done: progress.completedRows, total: progress.totalRows ?? 0 });
        return true;
      },
    });
    return { written };
  });
}
