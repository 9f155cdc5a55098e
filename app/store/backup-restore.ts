/**
 * Writes checked backup rows into the library in ONE transaction. Everything slow or fallible
 * (reading the file, unpacking, checking, hashing originals) happened before it opens, so the
 * transaction only ever waits on IndexedDB: it cannot commit half a restore, and a cancel, a full
 * disk or a closed window leaves the library exactly as it was.
 */
import type { LecternDb } from './db';
import { citekeyIdentity } from '../citations/citekeys';
import { BACKUP_TABLES, type BackupTable } from './record-schemas';
import type { CheckedRows } from './backup-check';
import type { BackupProgress } from './backup-progress';

/**
 * How a restore meets the library: 'replace' empties it first; 'merge' keeps what is there and
 * adds the backup's rows. On the same key, merge keeps the newer of two highlights, notebooks or
 * collections (by updatedAt) and the library's own copy of everything else. A citation key the
 * library already gives to a work is not written for the backup's owners: two works never share
 * a key, and the library's keys (perhaps in papers already) win; those owners get a key of their
 * own (or their work's, when the library holds the same work) the next time one is needed.
 */
export type ImportMode = 'merge' | 'replace';

/** What a restore wrote: rows per table (rows merge kept from the library are not counted). */
export interface ImportSummary {
  written: Record<string, number>;
}

/** Rows written per bulkPut: progress and cancel are seen between chunks. */
const CHUNK = 2_000;

/** Tables where a merge keeps the row with the later updatedAt. */
const NEWER_WINS = new Set<BackupTable>(['annotations', 'notebooks', 'collections']);

/** A primary key as text; compound keys join their parts with a character ids never hold. */
function keyText(key: unknown): string {
  return Array.isArray(key) ? key.map((part) => String(part as string | number)).join('\u0000') : String(key);
}

function keyReader(db: LecternDb, table: string): (row: Record<string, unknown>) => string {
  const keyPath = db.table(table).schema.primKey.keyPath;
  if (Array.isArray(keyPath)) return (row) => keyText(keyPath.map((part) => row[part]));
  return (row) => keyText(row[keyPath ?? 'id']);
}

/** For a merge: decides per incoming row whether it is written. Reads the library's keys first. */
async function mergeFilter(db: LecternDb): Promise<(table: BackupTable, row: Record<string, unknown>) => boolean> {
  const existing = new Map<string, Set<string>>();
  const updatedAt = new Map<string, Map<string, number>>();
  for (const name of BACKUP_TABLES) {
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
  const readers = new Map(BACKUP_TABLES.map((name) => [name, keyReader(db, name)]));
  const libraryKeys = new Set((await db.citekeys.toArray()).map((row) => citekeyIdentity(row.key)));
  return (name, row) => {
    if (name === 'citekeys' && libraryKeys.has(citekeyIdentity(String(row.key)))) return false;
    const key = readers.get(name)!(row);
    const times = updatedAt.get(name);
    if (times) {
      const current = times.get(key);
      return current === undefined || Number(row.updatedAt) > current;
    }
    return !existing.get(name)?.has(key);
  };
}

/** Options for writeRows. */
export interface WriteRowsOptions {
  mode: ImportMode;
  onProgress?: (progress: BackupProgress) => void;
  /** Checked between chunks; aborting rolls the whole transaction back. */
  signal?: AbortSignal;
}

/**
 * Writes the rows in one transaction over every table. The search index is cleared, so the next
 * SearchIndexStore.loadOrBuild rebuilds it from the restored rows.
 */
export async function writeRows(db: LecternDb, rows: CheckedRows<Blob | Uint8Array>, options: WriteRowsOptions): Promise<ImportSummary> {
  const total = BACKUP_TABLES.reduce((sum, name) => sum + rows[name].length, 0);
  return db.transaction('rw', db.tables, async () => {
    const keep = options.mode === 'merge' ? await mergeFilter(db) : () => true;
    if (options.mode === 'replace') for (const table of db.tables) await table.clear();
    else await db.searchIndex.clear();
    const written: Record<string, number> = {};
    let done = 0;
    options.onProgress?.({ phase: 'writing', done, total });
    for (const name of BACKUP_TABLES) {
      const kept = (rows[name] as Record<string, unknown>[]).filter((row) => keep(name, row));
      written[name] = kept.length;
      for (let at = 0; at < kept.length; at += CHUNK) {
        options.signal?.throwIfAborted();
        await db.table(name).bulkPut(kept.slice(at, at + CHUNK));
        done += Math.min(CHUNK, kept.length - at);
        options.onProgress?.({ phase: 'writing', done, total });
      }
      done += rows[name].length - kept.length;
    }
    options.signal?.throwIfAborted();
    options.onProgress?.({ phase: 'writing', done: total, total });
    return { written };
  });
}
