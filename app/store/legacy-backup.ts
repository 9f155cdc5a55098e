/**
 * Backups made by Lectern before the archive format: one JSON file as dexie-export-import wrote
 * it. That library revives a row by following the key paths of the row's `$types` map wherever
 * they lead, prototypes included; this reader does not use it. It parses the file into plain data
 * (parseSafeJson), then applies only the few type notes Lectern's rows ever carried, each at a
 * path made of the row's own fields:
 *
 *   arrayNonindexKeys  an array (kept as it is)         undef        a field that was undefined
 *   blob2              { type, data: base64 } -> Blob   uint8array2  { buffer, byteOffset, length }
 *   arraybuffer        base64 -> ArrayBuffer (the `buffer` of a uint8array2)
 */
import { z } from 'zod';
import { BACKUP_TABLES, type BackupTable } from './record-schemas';
import { BACKUP_LIMITS, BackupRefusal, NEWER_BACKUP, NOT_A_BACKUP, damaged, megabytes, refused, tooLarge } from './backup-format';
import { FORBIDDEN_KEYS, parseSafeJson, UnsafeJsonError } from './safe-json';
import type { RawBackup } from './backup-archive';

/** Tables every legacy backup holds (schema 1 had these), with the primary keys it records. */
const REQUIRED_TABLES: Partial<Record<BackupTable, string>> = {
  documents: 'id',
  contents: 'docId',
  originals: 'docId',
  references: 'id',
  citations: 'id',
  annotations: 'id',
  notebooks: 'id',
};

const legacyFileSchema = z.object({
  formatName: z.literal('dexie'),
  formatVersion: z.literal(1),
  data: z.object({
    databaseName: z.string(),
    databaseVersion: z.int().positive(),
    tables: z.array(z.object({ name: z.string(), schema: z.string(), rowCount: z.int().nonnegative() })),
    data: z.array(z.object({ tableName: z.string(), inbound: z.literal(true), rows: z.array(z.unknown()) })),
  }),
});

/** True when the bytes look like JSON (the old format) rather than an archive. */
export function looksLikeJson(head: Uint8Array): boolean {
  let i = head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf ? 3 : 0;
  while (i < head.length && (head[i] === 0x20 || head[i] === 0x0a || head[i] === 0x0d || head[i] === 0x09)) i++;
  return head[i] === 0x7b; // {
}

/** Reads and checks a legacy backup; `latestSchema` is the store schema this Lectern knows. */
export async function readLegacyBackup(file: Blob, latestSchema: number): Promise<RawBackup> {
  if (file.size > BACKUP_LIMITS.legacyBytes) throw tooLarge(`${megabytes(file.size)} of JSON, more than the ${megabytes(BACKUP_LIMITS.legacyBytes)} Lectern reads in the old backup format`);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(await file.arrayBuffer());
  } catch {
    throw new BackupRefusal(NOT_A_BACKUP);
  }
  let parsed: unknown;
  try {
    parsed = parseSafeJson(text);
  } catch (error) {
    if (!(error instanceof UnsafeJsonError)) throw error;
    if (error.kind !== 'syntax') throw refused(`it holds ${error.message}`);
    // A cut-off backup still begins like one; anything else was never a backup.
    if (/^\s*\{\s*"formatName"\s*:\s*"dexie"/.test(text.slice(0, 200))) throw damaged(`it is cut short or is not complete JSON (${error.message})`);
    throw new BackupRefusal(NOT_A_BACKUP);
  }
  if ((parsed as { formatName?: unknown } | null)?.formatName !== 'dexie') throw new BackupRefusal(NOT_A_BACKUP);
  const version = (parsed as { data?: { databaseVersion?: unknown } }).data?.databaseVersion;
  if (typeof version === 'number' && version > latestSchema) throw new BackupRefusal(NEWER_BACKUP);
  const checked = legacyFileSchema.safeParse(parsed);
  if (!checked.success) throw damaged(`its structure is not what Lectern wrote (${checked.error.issues[0]?.message ?? 'unknown shape'} at ${checked.error.issues[0]?.path.join('.') ?? '?'})`);
  const { tables, data } = checked.data.data;

  const declaredTables = new Map(tables.map((t) => [t.name, t]));
  for (const [name, key] of Object.entries(REQUIRED_TABLES)) {
    if (declaredTables.get(name)?.schema.split(',')[0] !== key) throw new BackupRefusal(NOT_A_BACKUP);
  }
  const known = new Set<string>([...BACKUP_TABLES, 'searchIndex']);
  for (const name of [...declaredTables.keys(), ...data.map((t) => t.tableName)]) {
    if (!known.has(name)) throw refused(`it holds a table Lectern never had (“${name}”)`);
  }
  const declared = {} as Record<BackupTable, number>;
  const rows = {} as Record<BackupTable, unknown[]>;
  for (const table of BACKUP_TABLES) {
    declared[table] = declaredTables.get(table)?.rowCount ?? 0;
    rows[table] = [];
  }
  for (const { tableName, rows: tableRows } of data) {
    if (tableName === 'searchIndex') continue;
    const table = tableName as BackupTable;
    tableRows.forEach((row, index) => rows[table].push(reviveRow(row, `row ${index + 1} of the ${table} table`)));
  }
  return { schemaVersion: checked.data.data.databaseVersion, declared, rows };
}

type Container = Record<string, unknown> | unknown[];

function isPlain(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && Object.getPrototypeOf(value) === Object.prototype;
}

/** Applies a row's `$types` notes, deepest paths first (as they were written), and drops the map. */
function reviveRow(row: unknown, where: string): unknown {
  if (!isPlain(row) || !Object.hasOwn(row, '$types')) return row;
  const { $types: types, ...plain } = row;
  if (!isPlain(types)) throw refused(`${where} has a type map that is not a list of fields`);
  const notes = Object.entries(types).map(([path, type]) => {
    if (typeof type !== 'string') throw refused(`${where} has a type note that is not a name`);
    return { path: splitPath(path, where), type };
  });
  notes.sort((a, b) => b.path.length - a.path.length);
  for (const { path, type } of notes) applyType(plain, path, type, where);
  return plain;
}

/** dexie-export-import's key paths: dot-separated, "~1" for a dot and "~0" for a tilde in a key. */
function splitPath(path: string, where: string): string[] {
  if (path === '' || path === '$') throw refused(`${where} has a type note for the whole row`);
  return path.split('.').map((part) => {
    const key = part.replace(/~1/g, '.').replace(/~0/g, '~');
    if (FORBIDDEN_KEYS.has(key)) throw refused(`${where} has a type note that reaches into “${key}” (“${path}”)`);
    return key;
  });
}

function applyType(row: Record<string, unknown>, path: string[], type: string, where: string): void {
  let container: Container = row;
  for (const key of path.slice(0, -1)) {
    const next: unknown = Object.hasOwn(container, key) ? (container as Record<string, unknown>)[key] : undefined;
    if (!Array.isArray(next) && !isPlain(next)) throw refused(`${where} has a type note for a field it does not hold (“${path.join('.')}”)`);
    container = next;
  }
  const key = path.at(-1)!;
  if (!Object.hasOwn(container, key)) throw refused(`${where} has a type note for a field it does not hold (“${path.join('.')}”)`);
  const record = container as Record<string, unknown>;
  const value = record[key];
  switch (type) {
    case 'arrayNonindexKeys':
      if (!Array.isArray(value)) throw refused(`${where} marks “${path.join('.')}” as a list but it is not one`);
      return;
    case 'undef':
      // An undefined field is stored as an absent one.
      delete record[key];
      return;
    case 'arraybuffer':
      record[key] = base64Bytes(value, where).buffer;
      return;
    case 'blob2': {
      if (!isPlain(value) || typeof value.type !== 'string') throw refused(`${where} has a malformed file in “${path.join('.')}”`);
      record[key] = new Blob([base64Bytes(value.data, where)], { type: value.type });
      return;
    }
    case 'uint8array2': {
      const { buffer, byteOffset, length } = isPlain(value) ? value : {};
      if (!(buffer instanceof ArrayBuffer) || !Number.isSafeInteger(byteOffset) || !Number.isSafeInteger(length)) throw refused(`${where} has malformed bytes in “${path.join('.')}”`);
      const start = byteOffset as number;
      const size = length as number;
      if (start < 0 || size < 0 || start + size > buffer.byteLength) throw damaged(`${where} has bytes that run past their buffer`);
      record[key] = new Uint8Array(buffer.slice(start, start + size));
      return;
    }
    default:
      throw refused(`${where} has a type note Lectern never wrote (“${type}” at “${path.join('.')}”)`);
  }
}

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

function base64Bytes(value: unknown, where: string): Uint8Array<ArrayBuffer> {
  if (typeof value !== 'string' || value.length % 4 !== 0 || !BASE64.test(value)) throw damaged(`${where} holds file data that is not base64`);
  const binary = atob(value);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}
