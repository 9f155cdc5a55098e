/**
 * Reads a backup archive (backup-format.ts) into plain rows, checking the archive's shape, its
 * limits and every JSON part on the way; nothing here writes. What the rows say is checked next,
 * by backup-check.ts.
 */
import { BACKUP_TABLES, type BackupTable } from './record-schemas';
import {
  BACKUP_FORMAT,
  BACKUP_FORMAT_VERSION,
  BACKUP_LIMITS,
  BackupRefusal,
  MANIFEST_NAME,
  NEWER_BACKUP,
  NOT_A_BACKUP,
  ORIGINAL_NAME,
  PART_NAME,
  damaged,
  manifestSchema,
  megabytes,
  refused,
  tooLarge,
  type FileRef,
} from './backup-format';
import { readEntry, readZipDirectory, storedSlice, ZipError, type ZipEntry } from './zip-reader';
import { parseSafeJson, UnsafeJsonError } from './safe-json';
import type { BackupProgress } from './backup-progress';

/** A backup read into plain data: rows not yet checked against the record types. */
export interface RawBackup {
  /** The store schema version the rows were written under. */
  schemaVersion: number;
  /** Rows per table as the file declares them. */
  declared: Record<BackupTable, number>;
  rows: Record<BackupTable, unknown[]>;
  /**
   * For archives, whose originals are references to files: the bytes for a checked reference,
   * proven equal to what was backed up (SHA-256). Absent for legacy backups (bytes inline).
   */
  files?: ArchiveFiles;
}

/** Reads a part or the manifest as JSON, turning every failure into the student's message. */
async function readJson(file: Blob, entry: ZipEntry): Promise<unknown> {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(await readEntry(file, entry));
  } catch (error) {
    if (error instanceof ZipError) throw new BackupRefusal(`This backup ${error.message}. Nothing was changed.`);
    throw damaged(`“${entry.name}” is not UTF-8 text`);
  }
  try {
    return parseSafeJson(text);
  } catch (error) {
    if (!(error instanceof UnsafeJsonError)) throw error;
    if (error.kind === 'syntax') throw damaged(`“${entry.name}” is not complete JSON (${error.message})`);
    throw refused(`“${entry.name}” holds ${error.message}`);
  }
}

/** Reads and checks an archive; `latestSchema` is the store schema this Lectern knows. */
export async function readBackupArchive(file: Blob, latestSchema: number, onProgress?: (progress: BackupProgress) => void): Promise<RawBackup> {
  let entries: ZipEntry[];
  try {
    entries = await readZipDirectory(file, BACKUP_LIMITS.entries);
  } catch (error) {
    if (error instanceof ZipError) throw new BackupRefusal(`This backup ${error.message}. Nothing was changed.`);
    throw error;
  }
  // An archive without a manifest is some other zip (an EPUB, a folder someone packed).
  const manifestEntry = entries.find((entry) => entry.name === MANIFEST_NAME);
  if (!manifestEntry) throw new BackupRefusal(NOT_A_BACKUP);
  const parts = new Map<BackupTable, { number: number; entry: ZipEntry }[]>(BACKUP_TABLES.map((table) => [table, []]));
  const originals = new Map<string, ZipEntry>();
  let tableBytes = 0;
  for (const entry of entries) {
    const part = PART_NAME.exec(entry.name);
    if (entry === manifestEntry) continue;
    if (part && parts.has(part[1] as BackupTable)) {
      if (entry.size > BACKUP_LIMITS.partBytes) throw tooLarge(`“${entry.name}” unpacks to ${megabytes(entry.size)}, more than the ${megabytes(BACKUP_LIMITS.partBytes)} a part may hold`);
      tableBytes += entry.size;
      parts.get(part[1] as BackupTable)!.push({ number: Number(part[2]), entry });
    } else if (ORIGINAL_NAME.test(entry.name)) {
      if (entry.size > BACKUP_LIMITS.originalBytes) throw tooLarge(`“${entry.name}” is ${megabytes(entry.size)}, more than the ${megabytes(BACKUP_LIMITS.originalBytes)} an original may be`);
      originals.set(entry.name, entry);
    } else throw refused(`it holds a file that is no part of a Lectern backup (“${entry.name}”)`);
  }
  if (tableBytes > BACKUP_LIMITS.tableBytes) throw tooLarge(`its tables unpack to ${megabytes(tableBytes)}, more than the ${megabytes(BACKUP_LIMITS.tableBytes)} Lectern restores`);
  if (manifestEntry.size > BACKUP_LIMITS.manifestBytes) throw refused(`its manifest declares ${megabytes(manifestEntry.size)}, far more than a manifest ever holds`);

  const manifest = await readJson(file, manifestEntry);
  const format = (manifest as { format?: unknown } | null)?.format;
  if (format !== BACKUP_FORMAT) throw new BackupRefusal(NOT_A_BACKUP);
  const version = (manifest as { formatVersion?: unknown; schemaVersion?: unknown }) ?? {};
  if ((typeof version.formatVersion === 'number' && version.formatVersion > BACKUP_FORMAT_VERSION) || (typeof version.schemaVersion === 'number' && version.schemaVersion > latestSchema)) {
    throw new BackupRefusal(NEWER_BACKUP);
  }
  const checked = manifestSchema.safeParse(manifest);
  if (!checked.success) throw damaged(`its manifest is not one Lectern wrote (${checked.error.issues[0]?.message ?? 'unknown shape'})`);

  const total = [...parts.values()].reduce((sum, list) => sum + list.length, 0) + originals.size;
  let done = 0;
  onProgress?.({ phase: 'checking', done, total });
  const rows = {} as Record<BackupTable, unknown[]>;
  for (const table of BACKUP_TABLES) {
    const list = parts.get(table)!.sort((a, b) => a.number - b.number);
    list.forEach((part, i) => {
      if (part.number !== i + 1) throw damaged(`part ${i + 1} of the ${table} table is missing`);
    });
    rows[table] = [];
    for (const { entry } of list) {
      const value = await readJson(file, entry);
      if (!Array.isArray(value)) throw damaged(`“${entry.name}” is not a list of rows`);
      for (const row of value) rows[table].push(row);
      onProgress?.({ phase: 'checking', done: ++done, total });
    }
  }
  return {
    schemaVersion: checked.data.schemaVersion,
    declared: checked.data.tables,
    rows,
    files: new ArchiveFiles(file, originals, () => onProgress?.({ phase: 'checking', done: ++done, total })),
  };
}

/** SHA-256 of some bytes, hex. */
export async function sha256Hex(bytes: Uint8Array): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>));
  return Array.from(digest, (b) => b.toString(16).padStart(2, '0')).join('');
}

/** The originals of an archive, each checked once against the SHA-256 in its name. */
export class ArchiveFiles {
  private readonly checked = new Map<string, Promise<Blob | Uint8Array>>();

  constructor(
    private readonly file: Blob,
    private readonly entries: ReadonlyMap<string, ZipEntry>,
    private readonly onChecked: () => void,
  ) {}

  /** The bytes a row's reference points to, as the store keeps them (Blob or Uint8Array). */
  async resolve(ref: FileRef): Promise<Blob | Uint8Array> {
    const entry = this.entries.get(ref.file);
    if (!entry) throw damaged(`the original file “${ref.file}” is missing from it`);
    if (entry.size !== ref.size) throw damaged(`the original file “${ref.file}” is ${entry.size} bytes, not the ${ref.size} its row records`);
    let bytes = this.checked.get(ref.file);
    if (!bytes) {
      bytes = this.check(entry);
      this.checked.set(ref.file, bytes);
    }
    const data = await bytes;
    if (ref.kind === 'bytes') return data instanceof Blob ? new Uint8Array(await data.arrayBuffer()) : data;
    return data instanceof Blob ? data.slice(0, data.size, ref.mediaType) : new Blob([data as Uint8Array<ArrayBuffer>], { type: ref.mediaType });
  }

  /** Original files no row refers to (Lectern writes none). */
  unreferenced(): string[] {
    return [...this.entries.keys()].filter((name) => !this.checked.has(name));
  }

  private async check(entry: ZipEntry): Promise<Blob | Uint8Array> {
    let data: Blob | Uint8Array;
    let bytes: Uint8Array;
    try {
      // A stored original stays a slice of the backup file: only its hash is computed here.
      if (entry.method === 0) {
        data = await storedSlice(this.file, entry);
        bytes = new Uint8Array(await data.arrayBuffer());
      } else data = bytes = await readEntry(this.file, entry);
    } catch (error) {
      if (error instanceof ZipError) throw new BackupRefusal(`This backup ${error.message}. Nothing was changed.`);
      throw error;
    }
    const expected = ORIGINAL_NAME.exec(entry.name)![1];
    if ((await sha256Hex(bytes)) !== expected) throw damaged(`the original file “${entry.name}” does not hold the bytes that were backed up`);
    this.onChecked();
    return data;
  }
}
