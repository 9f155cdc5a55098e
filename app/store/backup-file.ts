/**
 * Reading a backup file before anything is written: it must be a dexie-export-import JSON export
 * of a Lectern library from this or an older version of Lectern.
 */
import type { Result } from '../documents/model';
import type { LecternDb } from './db';

/** Tables every Lectern backup holds, with their primary keys as the export records them. */
const REQUIRED_TABLES: Record<string, string> = {
  documents: 'id',
  contents: 'docId',
  originals: 'docId',
  references: 'id',
  citations: 'id',
  annotations: 'id',
  notebooks: 'id',
};

const NOT_A_BACKUP = 'This file is not a Lectern backup, so nothing was changed. Choose a file made with “Back up library”.';

interface ExportTable {
  name: string;
  schema: string;
  rowCount: number;
}

interface ExportFile {
  formatName: string;
  formatVersion: number;
  data: { databaseName: string; databaseVersion: number; tables: ExportTable[]; data: { tableName: string; rows: unknown[] }[] };
}

/** A checked backup, ready for importInto (as an already-read stream). */
export interface ParsedBackup {
  /** Tables in the file. */
  tables: string[];
  /** Rows in the file. */
  rowCount: number;
  /** Schema version of the library the file was made from. */
  version: number;
  /** The parsed file in the shape importInto reads from a stream. */
  stream: never;
}

function isExportFile(value: unknown): value is ExportFile {
  const file = value as Partial<ExportFile> | null;
  return (
    typeof file === 'object' &&
    file !== null &&
    file.formatName === 'dexie' &&
    typeof file.formatVersion === 'number' &&
    typeof file.data?.databaseVersion === 'number' &&
    typeof file.data.databaseName === 'string' &&
    Array.isArray(file.data.tables) &&
    Array.isArray(file.data.data) &&
    file.data.tables.every((t) => typeof t?.name === 'string' && typeof t.schema === 'string') &&
    file.data.data.every((t) => typeof t?.tableName === 'string' && Array.isArray(t.rows))
  );
}

/** Reads and checks a backup file; every failure is a message the student can act on. */
export async function parseBackup(file: Blob, db: LecternDb): Promise<Result<ParsedBackup>> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(await file.text());
  } catch {
    return { ok: false, error: NOT_A_BACKUP };
  }
  if (!isExportFile(parsed)) return { ok: false, error: NOT_A_BACKUP };
  const tables = new Map(parsed.data.tables.map((t) => [t.name, t.schema.split(',')[0]]));
  for (const [name, primaryKey] of Object.entries(REQUIRED_TABLES)) {
    if (tables.get(name) !== primaryKey) return { ok: false, error: NOT_A_BACKUP };
  }
  if (!db.isOpen()) await db.open();
  if (parsed.data.databaseVersion > db.verno) {
    return { ok: false, error: 'This backup was made by a newer version of Lectern. Update Lectern, then restore it; nothing was changed.' };
  }
  const known = new Set(db.tables.map((t) => t.name));
  if ([...tables.keys()].some((name) => !known.has(name))) return { ok: false, error: NOT_A_BACKUP };
  const result = parsed;
  // importInto reads from a stream; this one has already read everything.
  const stream = { result, eof: () => true, done: () => true, pullAsync: () => Promise.resolve(result), pullSync: () => result };
  return {
    ok: true,
    value: {
      tables: [...tables.keys()],
      rowCount: parsed.data.tables.reduce((sum, t) => sum + (t.rowCount ?? 0), 0),
      version: parsed.data.databaseVersion,
      stream: stream as never,
    },
  };
}
