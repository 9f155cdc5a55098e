/**
 * The sync server's one SQLite file (`<dataDir>/lectern-sync.sqlite`, Node 22's built-in
 * node:sqlite): each library's Yjs document and the libraries' content-addressed blobs.
 * A document is its merged state (`documents`, rewritten now and then: encoding a large state
 * takes a while) plus every update received since (`updates`, one small row per update, written
 * as it arrives), so a killed server loses nothing it had received. Rewriting the merged state
 * clears the document's updates in the same transaction. WAL mode; a backup of
 * this one file (with libraries.json) is a backup of the whole server.
 */
import { DatabaseSync } from 'node:sqlite';
import { join } from 'node:path';
import * as Y from 'yjs';

export const STORE_FILE = 'lectern-sync.sqlite';

export interface SyncStore {
  readonly path: string;
  /** A library's document as one update (merged state and the updates since), or null when it has none yet. */
  fetchDocument(name: string): Uint8Array | null;
  /** Replaces the merged state of a library's document; it must hold every update appended so far. */
  storeDocument(name: string, state: Uint8Array): void;
  /** Keeps one update of a library's document until the next storeDocument. */
  appendUpdate(name: string, update: Uint8Array): void;
  /** The bytes of a blob, or null when the library has no blob of that SHA-256. */
  getBlob(library: string, sha: string): Uint8Array | null;
  /** The size of a blob, or null when the library has no blob of that SHA-256. */
  blobSize(library: string, sha: string): number | null;
  /** Keeps a blob (already checked against its SHA-256); false when it was there already. */
  putBlob(library: string, sha: string, bytes: Uint8Array): boolean;
  close(): void;
}

interface SizeRow {
  size: number;
}

/** Opens (creating when needed) the store in `dataDir`. */
export function openSyncStore(dataDir: string): SyncStore {
  const path = join(dataDir, STORE_FILE);
  const db = new DatabaseSync(path);
  db.exec('PRAGMA journal_mode = WAL');
  // NORMAL under WAL: a commit survives a killed server (it is in the WAL file) without an fsync
  // per Yjs update (0.02 ms an update instead of 4 ms); only a power cut may lose the last ones,
  // which every machine still holds and resends. Blobs, acknowledged once, are synced fully.
  db.exec('PRAGMA synchronous = NORMAL');
  db.exec('PRAGMA busy_timeout = 5000');
  db.exec(`CREATE TABLE IF NOT EXISTS documents (
    name TEXT PRIMARY KEY,
    state BLOB NOT NULL,
    updated_at INTEGER NOT NULL
  )`);
  db.exec(`CREATE TABLE IF NOT EXISTS updates (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    name TEXT NOT NULL,
    data BLOB NOT NULL,
    created_at INTEGER NOT NULL
  )`);
  db.exec('CREATE INDEX IF NOT EXISTS updates_by_name ON updates (name, seq)');
  db.exec(`CREATE TABLE IF NOT EXISTS blobs (
    library TEXT NOT NULL,
    sha TEXT NOT NULL,
    bytes BLOB NOT NULL,
    size INTEGER NOT NULL,
    created_at INTEGER NOT NULL,
    PRIMARY KEY (library, sha)
  )`);
  const selectDocument = db.prepare('SELECT state FROM documents WHERE name = ?');
  const upsertDocument = db.prepare(
    'INSERT INTO documents (name, state, updated_at) VALUES (?, ?, ?) ' +
      'ON CONFLICT(name) DO UPDATE SET state = excluded.state, updated_at = excluded.updated_at',
  );
  const selectUpdates = db.prepare('SELECT data FROM updates WHERE name = ? ORDER BY seq');
  const insertUpdate = db.prepare('INSERT INTO updates (name, data, created_at) VALUES (?, ?, ?)');
  const deleteUpdates = db.prepare('DELETE FROM updates WHERE name = ?');
  const selectBlob = db.prepare('SELECT bytes FROM blobs WHERE library = ? AND sha = ?');
  const selectBlobSize = db.prepare('SELECT size FROM blobs WHERE library = ? AND sha = ?');
  const insertBlob = db.prepare(
    'INSERT OR IGNORE INTO blobs (library, sha, bytes, size, created_at) VALUES (?, ?, ?, ?, ?)',
  );
  let open = true;

  const bytesOf = (value: unknown): Uint8Array | null => (value instanceof Uint8Array ? value : null);

  return {
    path,
    fetchDocument(name) {
      const row = selectDocument.get(name) as { state?: unknown } | undefined;
      const parts: Uint8Array[] = [];
      const state = row ? bytesOf(row.state) : null;
      if (state) parts.push(state);
      for (const update of selectUpdates.all(name) as { data?: unknown }[]) {
        const bytes = bytesOf(update.data);
        if (bytes) parts.push(bytes);
      }
      if (parts.length <= 1) return parts[0] ?? null;
      return Y.mergeUpdates(parts);
    },
    storeDocument(name, state) {
      db.exec('BEGIN IMMEDIATE');
      try {
        upsertDocument.run(name, state, Date.now());
        deleteUpdates.run(name);
        db.exec('COMMIT');
      } catch (error) {
        db.exec('ROLLBACK');
        throw error;
      }
    },
    appendUpdate(name, update) {
      insertUpdate.run(name, update, Date.now());
    },
    getBlob(library, sha) {
      const row = selectBlob.get(library, sha) as { bytes?: unknown } | undefined;
      return row ? bytesOf(row.bytes) : null;
    },
    blobSize(library, sha) {
      const row = selectBlobSize.get(library, sha) as SizeRow | undefined;
      return row ? Number(row.size) : null;
    },
    putBlob(library, sha, bytes) {
      db.exec('PRAGMA synchronous = FULL');
      try {
        const result = insertBlob.run(library, sha, bytes, bytes.byteLength, Date.now());
        return Number(result.changes) > 0;
      } finally {
        db.exec('PRAGMA synchronous = NORMAL');
      }
    },
    close() {
      if (!open) return;
      open = false;
      db.close();
    },
  };
}
