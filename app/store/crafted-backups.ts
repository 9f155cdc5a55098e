/**
 * Crafted and hostile backup files, each built by code from a valid backup of the same library:
 * prototype pollution through `$types` and `__proto__`, counts without rows, rows of the wrong
 * types, references to rows that are not there, damaged and cut-off files, huge values, deep
 * nesting, newer versions, files that are not backups, and zip bombs. Each names the message a
 * restore must answer with. Shared by crafted-backups.test.ts and bench/backup.bench.ts; imported
 * by tests and benchmarks only.
 */
import { deflateRawSync } from 'node:zlib';
import { strFromU8, strToU8, unzipSync, zipSync, type Zippable } from 'fflate';
import { crc32 } from './zip-reader';
import { NOT_A_BACKUP } from './backup-format';

/** Valid backups of one library, in both formats, that the crafted files start from. */
export interface ValidBackups {
  archive: Blob;
  legacy: Blob;
}

/** One crafted file and what a restore must say about it. */
export interface CraftedBackup {
  name: string;
  kind: 'prototype' | 'counts' | 'types' | 'references' | 'damaged' | 'size' | 'version' | 'not a backup' | 'zip bomb' | 'archive';
  make: (valid: ValidBackups, scale?: number) => Promise<Blob> | Blob;
  /** The restore's message must match this. */
  message: RegExp;
}

type Files = Record<string, Uint8Array>;
type Row = Record<string, unknown>;
type LegacyFile = { data: { databaseVersion: number; tables: { name: string; rowCount: number }[]; data: { tableName: string; rows: Row[] }[] } };

async function unzip(blob: Blob): Promise<Files> {
  return unzipSync(new Uint8Array(await blob.arrayBuffer()));
}

function rezip(files: Files): Blob {
  const input: Zippable = {};
  for (const [name, bytes] of Object.entries(files)) input[name] = [bytes, { level: name.startsWith('originals/') ? 0 : 6 }];
  return new Blob([zipSync(input)]);
}

function readPart(files: Files, table: string): Row[] {
  return JSON.parse(strFromU8(files[`tables/${table}/0001.json`]!)) as Row[];
}

function writePart(files: Files, table: string, rows: Row[]): void {
  files[`tables/${table}/0001.json`] = strToU8(JSON.stringify(rows));
}

function editManifest(files: Files, edit: (manifest: Row & { tables: Record<string, number> }) => void): void {
  const manifest = JSON.parse(strFromU8(files['manifest.json']!)) as Row & { tables: Record<string, number> };
  edit(manifest);
  files['manifest.json'] = strToU8(JSON.stringify(manifest));
}

/** A valid archive with one table's rows changed (and the manifest's count kept in step). */
async function editRows(valid: ValidBackups, table: string, edit: (rows: Row[]) => Row[] | void): Promise<Blob> {
  const files = await unzip(valid.archive);
  const rows = readPart(files, table);
  const edited = edit(rows) ?? rows;
  writePart(files, table, edited);
  editManifest(files, (manifest) => (manifest.tables[table] = edited.length));
  return rezip(files);
}

/** A valid archive with one part replaced by raw text (for what JSON.stringify cannot produce). */
async function replacePartText(valid: ValidBackups, table: string, edit: (json: string) => string): Promise<Blob> {
  const files = await unzip(valid.archive);
  files[`tables/${table}/0001.json`] = strToU8(edit(strFromU8(files[`tables/${table}/0001.json`]!)));
  return rezip(files);
}

async function editLegacy(valid: ValidBackups, edit: (file: LegacyFile) => void): Promise<Blob> {
  const file = JSON.parse(await valid.legacy.text()) as LegacyFile;
  edit(file);
  return new Blob([JSON.stringify(file)]);
}

function legacyRows(file: LegacyFile, table: string): Row[] {
  return file.data.data.find((t) => t.tableName === table)!.rows;
}

/** One entry of a zip built by hand, so its directory can say what the bytes are not. */
interface RawEntry {
  name: string;
  method: 0 | 8;
  /** The bytes as they sit in the archive (compressed for method 8). */
  data: Uint8Array;
  /** Declared unpacked size and CRC; the truth unless a case lies. */
  size: number;
  crc: number;
  flags?: number;
  /** Point the directory entry at another entry's local header (overlapping files). */
  sameAs?: number;
}

/** Writes a zip from raw entries: local headers, data, central directory, end record. */
function buildZip(entries: RawEntry[]): Blob {
  const chunks: Uint8Array[] = [];
  const offsets: number[] = [];
  let at = 0;
  const name = (entry: RawEntry) => strToU8(entry.name);
  const header = (entry: RawEntry, central: boolean, offset: number) => {
    const n = name(entry);
    const bytes = new Uint8Array((central ? 46 : 30) + n.length);
    const view = new DataView(bytes.buffer);
    let p = 0;
    view.setUint32(p, central ? 0x02014b50 : 0x04034b50, true);
    p += 4;
    if (central) {
      view.setUint16(p, 20, true);
      p += 2;
    }
    view.setUint16(p, 20, true);
    view.setUint16(p + 2, entry.flags ?? 0, true);
    view.setUint16(p + 4, entry.method, true);
    view.setUint32(p + 10, entry.crc, true);
    view.setUint32(p + 14, entry.data.length, true);
    view.setUint32(p + 18, entry.size, true);
    view.setUint16(p + 22, n.length, true);
    if (central) view.setUint32(42, offset, true);
    bytes.set(n, central ? 46 : 30);
    return bytes;
  };
  entries.forEach((entry, i) => {
    if (entry.sameAs !== undefined) {
      offsets.push(offsets[entry.sameAs]!);
      return;
    }
    offsets.push(at);
    const local = header(entry, false, 0);
    chunks.push(local, entry.data);
    at += local.length + entry.data.length;
    void i;
  });
  const directoryStart = at;
  entries.forEach((entry, i) => {
    const central = header(entry, true, offsets[i]!);
    chunks.push(central);
    at += central.length;
  });
  const end = new Uint8Array(22);
  const view = new DataView(end.buffer);
  view.setUint32(0, 0x06054b50, true);
  view.setUint16(8, entries.length, true);
  view.setUint16(10, entries.length, true);
  view.setUint32(12, at - directoryStart, true);
  view.setUint32(16, directoryStart, true);
  chunks.push(end);
  return new Blob(chunks as Uint8Array<ArrayBuffer>[]);
}

/** The valid archive's files as raw entries, JSON deflated and originals stored. */
async function rawEntries(valid: ValidBackups): Promise<RawEntry[]> {
  return Object.entries(await unzip(valid.archive)).map(([name, bytes]) => {
    const stored = name.startsWith('originals/');
    return { name, method: stored ? 0 : 8, data: stored ? bytes : new Uint8Array(deflateRawSync(bytes)), size: bytes.length, crc: crc32(bytes) };
  });
}

/** A deflate stream of `megabytes` MB of zeros, made a megabyte at a time (about 1 KB per MB). */
function zerosDeflated(megabytes: number): Uint8Array {
  const oneMb = deflateRawSync(new Uint8Array(1024 * 1024), { level: 9, finishFlush: 2 /* Z_SYNC_FLUSH */ });
  const last = deflateRawSync(new Uint8Array(0));
  const out = new Uint8Array(oneMb.length * megabytes + last.length);
  for (let i = 0; i < megabytes; i++) out.set(oneMb, i * oneMb.length);
  out.set(last, oneMb.length * megabytes);
  return out;
}

const NOT_BACKUP = new RegExp(NOT_A_BACKUP.slice(0, 40).replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));

/** Every crafted file. `scale` grows the size-driven cases (bombs, huge values) in the benchmark. */
export const CRAFTED_BACKUPS: CraftedBackup[] = [
  // Prototype pollution.
  {
    name: 'legacy $types walking into Object.prototype',
    kind: 'prototype',
    make: (valid) =>
      editLegacy(valid, (file) => {
        const row = legacyRows(file, 'documents')[0]!;
        row.$types = { ...(row.$types as object), 'constructor.prototype.hasOwnProperty': 'arrayNonindexKeys' };
      }),
    message: /type note that reaches into “constructor”/,
  },
  {
    name: 'legacy $types through __proto__',
    kind: 'prototype',
    make: (valid) =>
      editLegacy(valid, (file) => {
        legacyRows(file, 'notebooks')[0]!.$types = { '__proto__.polluted': 'undef' };
      }),
    message: /type note that reaches into “__proto__”/,
  },
  {
    name: 'legacy row with a __proto__ field',
    kind: 'prototype',
    make: async (valid) => new Blob([(await valid.legacy.text()).replace('"rows":[{', '"rows":[{"__proto__":{"polluted":true},')]),
    message: /field named “__proto__”/,
  },
  {
    name: 'archive row with a __proto__ field',
    kind: 'prototype',
    make: (valid) => replacePartText(valid, 'documents', (json) => json.replace('{', '{"__proto__":{"polluted":true},')),
    message: /field named “__proto__”/,
  },
  {
    name: 'archive note with constructor.prototype',
    kind: 'prototype',
    make: (valid) => replacePartText(valid, 'annotations', (json) => json.replace('"noteJson":', '"noteJson":{"constructor":{"prototype":{"polluted":true}}},"x":')),
    message: /field named “constructor”/,
  },
  {
    name: 'legacy type note Lectern never wrote',
    kind: 'prototype',
    make: (valid) =>
      editLegacy(valid, (file) => {
        legacyRows(file, 'notebooks')[0]!.$types = { title: 'regexp' };
      }),
    message: /type note Lectern never wrote \(“regexp”/,
  },
  // Declared counts.
  {
    name: 'legacy declaring 1,000 rows per table, holding none',
    kind: 'counts',
    make: (valid) =>
      editLegacy(valid, (file) => {
        for (const table of file.data.tables) table.rowCount = 1000;
        for (const table of file.data.data) table.rows = [];
      }),
    message: /declares 1,000 documents but holds 0 documents/,
  },
  {
    name: 'archive declaring 1,000 highlights, holding none',
    kind: 'counts',
    make: async (valid) => {
      const files = await unzip(valid.archive);
      writePart(files, 'annotations', []);
      editManifest(files, (manifest) => (manifest.tables.annotations = 1000));
      return rezip(files);
    },
    message: /declares 1,000 highlights but holds 0 highlights/,
  },
  // Rows of the wrong types.
  {
    name: 'numeric document id',
    kind: 'types',
    make: (valid) => editRows(valid, 'documents', (rows) => void (rows[0]!.id = 12345)),
    message: /document 1 of documents, field “id”: invalid input: expected string, received number/,
  },
  {
    name: 'numeric title',
    kind: 'types',
    make: (valid) => editRows(valid, 'documents', (rows) => void (rows[1]!.title = 42)),
    message: /document 2 of documents, field “title”: invalid input: expected string, received number/,
  },
  {
    name: 'object where the text belongs',
    kind: 'types',
    make: (valid) => editRows(valid, 'contents', (rows) => void (rows[0]!.text = { text: 'hidden' })),
    message: /document text 1 of document texts, field “text”: invalid input: expected string, received object/,
  },
  {
    name: 'string where the selectors belong',
    kind: 'types',
    make: (valid) => editRows(valid, 'annotations', (rows) => void (rows[2]!.selectors = 'everywhere')),
    message: /highlight 3 of highlights, field “selectors”: invalid input: expected array, received string/,
  },
  {
    name: 'field no record has',
    kind: 'types',
    make: (valid) => editRows(valid, 'notebooks', (rows) => void (rows[0]!.onload = 'alert(1)')),
    message: /notebook 1 of notebooks.*unrecognized key.*onload/,
  },
  {
    name: 'block that ends before it starts',
    kind: 'types',
    make: (valid) => editRows(valid, 'contents', (rows) => void ((rows[0]!.blocks as Row[])[0]!.end = -5)),
    message: /document text 1 of document texts, field “blocks.0.end”: too small/,
  },
  {
    name: 'page map cut short',
    kind: 'types',
    make: (valid) => editRows(valid, 'pageMaps', (rows) => void (rows[0]!.pages = [[12, 715, 1, 0, 0]])),
    message: /PDF page map 1 of PDF page maps, field “pages.0”: not a page map Lectern writes/,
  },
  // References between tables.
  {
    name: 'page map of a document not in the backup',
    kind: 'references',
    make: (valid) => editRows(valid, 'pageMaps', (rows) => void (rows[0]!.docId = 'f'.repeat(64))),
    message: /page map belongs to a document that is not in the backup/,
  },
  {
    name: 'highlight on a document not in the backup',
    kind: 'references',
    make: (valid) => editRows(valid, 'annotations', (rows) => void (rows[0]!.docId = 'f'.repeat(64))),
    message: /highlight “a-0” belongs to a document that is not in the backup/,
  },
  {
    name: 'citation of a reference not in the backup',
    kind: 'references',
    make: (valid) => editRows(valid, 'citations', (rows) => void (rows[0]!.referenceIds = ['nowhere'])),
    message: /citation “b-cit” points to a reference that is not in the backup \(“nowhere”\)/,
  },
  {
    name: 'membership of a collection not in the backup',
    kind: 'references',
    make: (valid) => editRows(valid, 'collectionItems', (rows) => void (rows[0]!.collectionId = 'gone')),
    message: /collection membership points to a collection that is not in the backup/,
  },
  {
    name: 'two documents with one id',
    kind: 'references',
    make: (valid) => editRows(valid, 'documents', (rows) => [...rows, { ...rows[0]!, title: 'Impostor' }]),
    message: /two documents with the same key/,
  },
  // Damaged files.
  {
    name: 'legacy JSON cut short',
    kind: 'damaged',
    make: (valid) => valid.legacy.slice(0, Math.floor(valid.legacy.size * 0.6)),
    message: /damaged: it is cut short or is not complete JSON/,
  },
  {
    name: 'archive cut short',
    kind: 'damaged',
    make: (valid) => valid.archive.slice(0, Math.floor(valid.archive.size * 0.6)),
    message: /backup is cut short or damaged/,
  },
  {
    name: 'original file altered',
    kind: 'damaged',
    make: async (valid) => {
      const files = await unzip(valid.archive);
      const name = Object.keys(files).find((file) => file.startsWith('originals/'))!;
      const bytes = files[name]!;
      bytes[0] = bytes[0]! ^ 0xff;
      return rezip(files);
    },
    message: /original file “originals\/[0-9a-f]{64}” does not hold the bytes that were backed up/,
  },
  {
    name: 'table part altered',
    kind: 'damaged',
    make: async (valid) => {
      const entries = await rawEntries(valid);
      const part = entries.find((entry) => entry.name === 'tables/annotations/0001.json')!;
      part.data = part.data.slice();
      const middle = Math.floor(part.data.length / 2);
      part.data[middle] = part.data[middle]! ^ 0x55;
      return buildZip(entries);
    },
    message: /damaged.*“tables\/annotations\/0001.json” (cannot be unpacked|fails its checksum|unpacks to)/,
  },
  // Huge values.
  {
    name: 'huge title',
    kind: 'size',
    make: (valid, scale = 1) => editRows(valid, 'documents', (rows) => void (rows[0]!.title = 'A'.repeat(20_000_000 * scale))),
    message: /document 1 of documents, field “title”: too big/,
  },
  {
    name: 'note nested 100,000 levels deep',
    kind: 'size',
    make: (valid, scale = 1) => replacePartText(valid, 'annotations', (json) => json.replace('"noteJson":', `"noteJson":${'['.repeat(100_000 * scale)}${']'.repeat(100_000 * scale)},"x":`)),
    message: /nested more than 512 levels deep/,
  },
  // Versions.
  {
    name: 'archive from a newer Lectern',
    kind: 'version',
    make: async (valid) => {
      const files = await unzip(valid.archive);
      editManifest(files, (manifest) => (manifest.schemaVersion = 99));
      return rezip(files);
    },
    message: /newer version of Lectern/,
  },
  {
    name: 'legacy from a newer Lectern',
    kind: 'version',
    make: (valid) => editLegacy(valid, (file) => void (file.data.databaseVersion = 99)),
    message: /newer version of Lectern/,
  },
  // Not a backup at all.
  { name: 'random bytes', kind: 'not a backup', make: () => new Blob([crypto.getRandomValues(new Uint8Array(4096)).map((b) => b | 0x80)]), message: NOT_BACKUP },
  { name: 'a PDF', kind: 'not a backup', make: () => new Blob(['%PDF-1.7\n1 0 obj << >> endobj\n%%EOF\n']), message: NOT_BACKUP },
  { name: 'an empty file', kind: 'not a backup', make: () => new Blob([]), message: NOT_BACKUP },
  { name: 'JSON that is not a backup', kind: 'not a backup', make: () => new Blob([JSON.stringify({ hello: 'world', rows: [] })]), message: NOT_BACKUP },
  {
    name: 'a zip that is not a backup (an EPUB)',
    kind: 'not a backup',
    make: () => new Blob([zipSync({ mimetype: strToU8('application/epub+zip'), 'META-INF/container.xml': strToU8('<container/>') })]),
    message: NOT_BACKUP,
  },
  // Zip bombs and hostile archives.
  {
    name: 'zip bomb: a part that unpacks far past its declared size',
    kind: 'zip bomb',
    make: async (valid, scale = 1) => {
      const entries = await rawEntries(valid);
      const part = entries.find((entry) => entry.name === 'tables/annotations/0001.json')!;
      // 64 MB of zeros (1 GB in the benchmark) in about 1,000 times fewer bytes, declared as
      // unpacking to exactly as many bytes as it is packed into.
      part.data = zerosDeflated(64 * scale);
      part.size = part.data.length;
      return buildZip(entries);
    },
    message: /“tables\/annotations\/0001.json” unpacks to more than the \d+ bytes it declares/,
  },
  {
    name: 'zip bomb: a part packed into more bytes than it claims to unpack to',
    kind: 'zip bomb',
    make: async (valid, scale = 1) => {
      const entries = await rawEntries(valid);
      entries.find((entry) => entry.name === 'tables/annotations/0001.json')!.data = zerosDeflated(64 * scale);
      return buildZip(entries);
    },
    message: /“tables\/annotations\/0001.json” is packed into more bytes than it claims to unpack to/,
  },
  {
    name: 'zip bomb: a part declaring 2 GB',
    kind: 'zip bomb',
    make: async (valid) => {
      const entries = await rawEntries(valid);
      entries.find((entry) => entry.name === 'tables/annotations/0001.json')!.size = 2 ** 31;
      return buildZip(entries);
    },
    message: /too large to restore: “tables\/annotations\/0001.json” unpacks to 2,048 MB/,
  },
  {
    name: 'zip bomb: 1,000 entries sharing one stream',
    kind: 'zip bomb',
    make: async (valid) => {
      const entries = await rawEntries(valid);
      const index = entries.findIndex((entry) => entry.name === 'tables/annotations/0001.json');
      const copies = Array.from({ length: 1000 }, (_, i): RawEntry => ({ ...entries[index]!, name: `tables/annotations/${String(i + 2).padStart(4, '0')}.json`, sameAs: index }));
      return buildZip([...entries, ...copies]);
    },
    message: /overlaps another file in the archive/,
  },
  {
    name: 'a file outside the format (path traversal)',
    kind: 'archive',
    make: async (valid) => {
      const entries = await rawEntries(valid);
      const evil = strToU8('#!/bin/sh\nrm -rf ~\n');
      return buildZip([...entries, { name: '../../.bashrc', method: 0, data: evil, size: evil.length, crc: crc32(evil) }]);
    },
    message: /holds a file that is no part of a Lectern backup \(“..\/..\/.bashrc”\)/,
  },
  {
    name: 'an encrypted entry',
    kind: 'archive',
    make: async (valid) => {
      const entries = await rawEntries(valid);
      entries.find((entry) => entry.name === 'manifest.json')!.flags = 1;
      return buildZip(entries);
    },
    message: /is encrypted \(“manifest.json”\)/,
  },
];
