/**
 * Lectern's backup format: one zip archive, readable with any unzip tool.
 *
 *   manifest.json                  what the archive is: format, version, rows per table
 *   tables/<table>/<part>.json     a table's rows as a JSON array, split into parts of a few MB
 *   originals/<sha-256>            each original file (PDF, EPUB, DOCX) byte for byte, stored
 *
 * Rows are the store's records as JSON; the one binary field, an original's `data`, becomes a
 * reference to its file in the archive ({@link FileRef}). The archive names each original by the
 * SHA-256 of its bytes, so a restore can prove every original came back byte for byte.
 *
 * Backups made before this format (dexie-export-import JSON) are still read: legacy-backup.ts.
 */
import { z } from 'zod';
import { BACKUP_TABLES, type BackupTable } from './record-schemas';

/** The `format` every Lectern backup manifest states. */
export const BACKUP_FORMAT = 'lectern-backup';
/** Version of the archive layout (not of the store's schema, which the manifest also states). */
export const BACKUP_FORMAT_VERSION = 1;

export const MANIFEST_NAME = 'manifest.json';
/** `tables/annotations/0001.json`: the part number keeps the file order of a table. */
export const PART_NAME = /^tables\/([A-Za-z]+)\/(\d{4,6})\.json$/;
/** `originals/<64 hex digits>`. */
export const ORIGINAL_NAME = /^originals\/([0-9a-f]{64})$/;

export function partName(table: BackupTable, part: number): string {
  return `tables/${table}/${String(part).padStart(4, '0')}.json`;
}

export function originalName(sha256: string): string {
  return `originals/${sha256}`;
}

/**
 * Limits a restore holds a file to, checked on what the archive declares before anything is
 * unpacked (and each entry is stopped at its declaration). They sit far above any library a
 * student builds (the import limit is 256 MB a file) and far below what would exhaust memory.
 */
export const BACKUP_LIMITS = {
  /** A part is written at about 8 MB; one row alone (a book's text) may make it larger. */
  partBytes: 256 * 1024 * 1024,
  /** All parts together, unpacked. */
  tableBytes: 1024 * 1024 * 1024,
  /** One original file. */
  originalBytes: 1024 * 1024 * 1024,
  manifestBytes: 1024 * 1024,
  /** Files in the archive. */
  entries: 200_000,
  /** A backup in the old single-JSON format (read whole, as text). */
  legacyBytes: 512 * 1024 * 1024,
} as const;

/** How the writer splits a table: a new part once this much JSON is gathered. */
export const PART_TARGET_BYTES = 8 * 1024 * 1024;

/** Where an original's bytes are in the archive, in place of the bytes themselves. */
export interface FileRef {
  /** The archive entry, `originals/<sha-256>`. */
  file: string;
  /** Byte length of the original. */
  size: number;
  /** The Blob's media type (empty when it had none). */
  mediaType: string;
  /** What the store held: a Blob (the app) or a Uint8Array (the command line, tests). */
  kind: 'blob' | 'bytes';
}

export const fileRefSchema = z.strictObject({
  file: z.string().regex(ORIGINAL_NAME),
  size: z.int().nonnegative(),
  mediaType: z.string().max(255),
  kind: z.enum(['blob', 'bytes']),
}) satisfies z.ZodType<FileRef>;

/** Tables added after the archive format was made: an older manifest lists none of their rows. */
const LATER_TABLES = new Set<BackupTable>(['pageMaps', 'works', 'citekeys']);

/** manifest.json. */
export interface BackupManifest {
  format: typeof BACKUP_FORMAT;
  formatVersion: number;
  /** The store's schema version the rows were written under. */
  schemaVersion: number;
  /** When the backup was made, ISO 8601. */
  createdAt: string;
  /** Rows per table: a restore refuses an archive that holds a different number. */
  tables: Record<BackupTable, number>;
}

export const manifestSchema = z.strictObject({
  format: z.literal(BACKUP_FORMAT),
  formatVersion: z.int().positive(),
  schemaVersion: z.int().positive(),
  createdAt: z.string().max(64),
  // Backups made before schema 5 list no page maps: none, then (they are rebuilt when needed);
  // before schema 6 no imported works or citation keys (keys are made again when needed).
  tables: z.strictObject(
    Object.fromEntries(BACKUP_TABLES.map((table) => [table, LATER_TABLES.has(table) ? z.int().nonnegative().default(0) : z.int().nonnegative()])) as Record<BackupTable, z.ZodInt>,
  ),
});

/** A backup refused before anything was written: `message` is for the student, whole. */
export class BackupRefusal extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BackupRefusal';
  }
}

const NOTHING_CHANGED = 'Nothing was changed.';

export const NOT_A_BACKUP = 'This file is not a Lectern backup, so nothing was changed. Choose a file made with “Back up library”.';
export const NEWER_BACKUP = 'This backup was made by a newer version of Lectern. Update Lectern, then restore it; nothing was changed.';

/** “This backup is damaged: … Nothing was changed.” */
export function damaged(detail: string): BackupRefusal {
  return new BackupRefusal(`This backup is damaged: ${detail}. ${NOTHING_CHANGED}`);
}

/** For a backup Lectern could not have written as it is: edited, or crafted. `detail` is a clause. */
export function refused(detail: string): BackupRefusal {
  const sentence = detail.charAt(0).toUpperCase() + detail.slice(1);
  return new BackupRefusal(`This backup cannot be restored: it was changed after Lectern made it. ${sentence}. ${NOTHING_CHANGED}`);
}

/** For a backup past the limits above. */
export function tooLarge(detail: string): BackupRefusal {
  return new BackupRefusal(`This backup is too large to restore: ${detail}. ${NOTHING_CHANGED}`);
}

/** Megabytes for messages. */
export function megabytes(bytes: number): string {
  return `${Math.round(bytes / (1024 * 1024)).toLocaleString('en')} MB`;
}

/** What each table holds, in the student's words, for messages. */
export const TABLE_WORDS: Record<BackupTable, { one: string; many: string }> = {
  documents: { one: 'document', many: 'documents' },
  contents: { one: 'document text', many: 'document texts' },
  originals: { one: 'original file', many: 'original files' },
  references: { one: 'reference', many: 'references' },
  citations: { one: 'citation', many: 'citations' },
  annotations: { one: 'highlight', many: 'highlights' },
  notebooks: { one: 'notebook', many: 'notebooks' },
  collections: { one: 'collection', many: 'collections' },
  collectionItems: { one: 'collection membership', many: 'collection memberships' },
  trash: { one: 'trashed document', many: 'trashed documents' },
  pageMaps: { one: 'PDF page map', many: 'PDF page maps' },
  works: { one: 'imported work', many: 'imported works' },
  citekeys: { one: 'citation key', many: 'citation keys' },
};

/** “1 highlight”, “1,000 highlights”. */
export function countOf(table: BackupTable, count: number): string {
  const words = TABLE_WORDS[table];
  return `${count.toLocaleString('en')} ${count === 1 ? words.one : words.many}`;
}
