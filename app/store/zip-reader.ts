/**
 * A small, bounded reader of zip archives held in a Blob, for backups: it reads the central
 * directory, checks every entry against the file and the caller's limits before anything is
 * unpacked, and unpacks one entry at a time without trusting what the entry says of itself (a
 * deflate stream that runs past its declared size is stopped there). Stored entries are handed
 * back as slices of the Blob, so large originals are never copied to check them.
 *
 * Only what Lectern writes is read: no encryption, no zip64, methods store and deflate.
 */
import { Inflate } from 'fflate';

/** One file in the archive, as its central directory entry describes it. */
export interface ZipEntry {
  name: string;
  /** 0 stored, 8 deflate. */
  method: 0 | 8;
  crc32: number;
  compressedSize: number;
  size: number;
  /** Where the entry's local header starts. */
  headerOffset: number;
}

/** Why an archive was refused; `message` completes "This backup …". */
export class ZipError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ZipError';
  }
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const EOCD_SIZE = 22;
const MAX_COMMENT = 0xffff;
/** Input fed to the inflater at a time: deflate expands at most 1,032 times, so one push yields ≤ 17 MB. */
const INFLATE_STEP = 16 * 1024;

async function bytesAt(file: Blob, start: number, end: number): Promise<DataView> {
  if (start < 0 || end > file.size || end < start) throw new ZipError('is cut short: an entry points outside the file');
  return new DataView(await file.slice(start, end).arrayBuffer());
}

/** Reads the central directory: every entry, checked to lie inside the file and not to overlap. */
export async function readZipDirectory(file: Blob, maxEntries: number): Promise<ZipEntry[]> {
  if (file.size < EOCD_SIZE) throw new ZipError('is cut short: the file is too small to be a zip archive');
  const tailStart = Math.max(0, file.size - EOCD_SIZE - MAX_COMMENT);
  const tail = await bytesAt(file, tailStart, file.size);
  let at = -1;
  for (let i = tail.byteLength - EOCD_SIZE; i >= 0; i--) {
    if (tail.getUint32(i, true) === EOCD) {
      at = i;
      break;
    }
  }
  if (at < 0) throw new ZipError('is cut short or damaged: the end of its zip directory is missing');
  const disk = tail.getUint16(at + 4, true);
  const count = tail.getUint16(at + 10, true);
  const directorySize = tail.getUint32(at + 12, true);
  const directoryOffset = tail.getUint32(at + 16, true);
  if (disk !== 0 || tail.getUint16(at + 8, true) !== count) throw new ZipError('is split over several files, which Lectern never writes');
  if (count === 0xffff || directoryOffset === 0xffffffff) throw new ZipError('uses zip64, which Lectern never writes');
  if (count > maxEntries) throw new ZipError(`holds ${count} files, more than the ${maxEntries} Lectern restores`);
  const directoryEnd = tailStart + at;
  if (directoryOffset + directorySize > directoryEnd) throw new ZipError('is damaged: its zip directory points past its end');
  const directory = await bytesAt(file, directoryOffset, directoryOffset + directorySize);
  const entries: ZipEntry[] = [];
  const names = new Set<string>();
  let p = 0;
  for (let n = 0; n < count; n++) {
    if (p + 46 > directory.byteLength || directory.getUint32(p, true) !== CENTRAL) throw new ZipError('is damaged: its zip directory is broken');
    const flags = directory.getUint16(p + 8, true);
    const method = directory.getUint16(p + 10, true);
    const nameLength = directory.getUint16(p + 28, true);
    const extraLength = directory.getUint16(p + 30, true);
    const commentLength = directory.getUint16(p + 32, true);
    if (p + 46 + nameLength > directory.byteLength) throw new ZipError('is damaged: its zip directory is broken');
    const name = asciiName(new Uint8Array(directory.buffer, p + 46, nameLength));
    if (flags & 0x41) throw new ZipError(`is encrypted (“${name}”), which Lectern never does`);
    if (method !== 0 && method !== 8) throw new ZipError(`packs “${name}” with a method Lectern does not read`);
    if (names.has(name)) throw new ZipError(`holds “${name}” twice`);
    names.add(name);
    const entry: ZipEntry = {
      name,
      method,
      crc32: directory.getUint32(p + 16, true),
      compressedSize: directory.getUint32(p + 20, true),
      size: directory.getUint32(p + 24, true),
      headerOffset: directory.getUint32(p + 42, true),
    };
    if (entry.size === 0xffffffff || entry.compressedSize === 0xffffffff || entry.headerOffset === 0xffffffff) throw new ZipError('uses zip64, which Lectern never writes');
    if (method === 0 && entry.size !== entry.compressedSize) throw new ZipError(`is damaged: “${name}” has two different sizes`);
    // Deflate adds at most 5 bytes per 64 KB to data it cannot shrink: a stream much longer than
    // what it claims to unpack to claims too little (the plainest zip bomb).
    if (method === 8 && entry.compressedSize > entry.size + entry.size / 1000 + 1024) {
      throw new ZipError(`is damaged or hostile: “${name}” is packed into more bytes than it claims to unpack to`);
    }
    entries.push(entry);
    p += 46 + nameLength + extraLength + commentLength;
  }
  // Entries that share bytes are how the smallest zip bombs multiply one stream into many.
  const byOffset = [...entries].sort((a, b) => a.headerOffset - b.headerOffset);
  for (let i = 0; i < byOffset.length; i++) {
    const entry = byOffset[i]!;
    const next = byOffset[i + 1]?.headerOffset ?? directoryOffset;
    if (entry.headerOffset + 30 + entry.compressedSize > next) throw new ZipError(`is damaged: “${entry.name}” overlaps another file in the archive`);
  }
  return entries;
}

function asciiName(bytes: Uint8Array): string {
  let name = '';
  for (const byte of bytes) {
    if (byte < 0x20 || byte > 0x7e) throw new ZipError('holds a file whose name Lectern never writes');
    name += String.fromCharCode(byte);
  }
  return name;
}

/** Where an entry's bytes start, read from its local header. */
async function dataStart(file: Blob, entry: ZipEntry): Promise<number> {
  const header = await bytesAt(file, entry.headerOffset, entry.headerOffset + 30);
  if (header.getUint32(0, true) !== LOCAL) throw new ZipError(`is damaged: “${entry.name}” has no header`);
  const start = entry.headerOffset + 30 + header.getUint16(26, true) + header.getUint16(28, true);
  if (start + entry.compressedSize > file.size) throw new ZipError(`is cut short: “${entry.name}” ends past the end of the file`);
  return start;
}

/** A stored entry's bytes as a slice of the archive (no copy). */
export async function storedSlice(file: Blob, entry: ZipEntry, type = ''): Promise<Blob> {
  if (entry.method !== 0) throw new ZipError(`packs “${entry.name}” compressed where Lectern stores it as it is`);
  const start = await dataStart(file, entry);
  return file.slice(start, start + entry.size, type);
}

/**
 * An entry's bytes, unpacked and checked against its CRC-32. Unpacking stops as soon as the
 * output passes the entry's declared size, so a stream that claims little and inflates to a lot
 * costs no more than the claim (which the caller has bounded).
 */
export async function readEntry(file: Blob, entry: ZipEntry): Promise<Uint8Array> {
  const start = await dataStart(file, entry);
  const raw = new Uint8Array(await file.slice(start, start + entry.compressedSize).arrayBuffer());
  let out: Uint8Array;
  if (entry.method === 0) out = raw;
  else {
    out = new Uint8Array(entry.size);
    let written = 0;
    const inflater = new Inflate((chunk) => {
      if (written + chunk.length > entry.size) throw new ZipError(`is damaged or hostile: “${entry.name}” unpacks to more than the ${entry.size} bytes it declares`);
      out.set(chunk, written);
      written += chunk.length;
    });
    try {
      for (let at = 0; ; at += INFLATE_STEP) {
        const end = Math.min(raw.length, at + INFLATE_STEP);
        inflater.push(raw.subarray(at, end), end === raw.length);
        if (end === raw.length) break;
      }
    } catch (error) {
      if (error instanceof ZipError) throw error;
      throw new ZipError(`is damaged: “${entry.name}” cannot be unpacked`);
    }
    if (written !== entry.size) throw new ZipError(`is damaged: “${entry.name}” unpacks to ${written} bytes, not the ${entry.size} it declares`);
  }
  if (crc32(out) !== entry.crc32) throw new ZipError(`is damaged: “${entry.name}” fails its checksum`);
  return out;
}

let table: Uint32Array | undefined;

/** CRC-32 (IEEE), as zip files record it. */
export function crc32(bytes: Uint8Array): number {
  if (!table) {
    table = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      table[n] = c >>> 0;
    }
  }
  let crc = 0xffffffff;
  for (let i = 0; i < bytes.length; i++) crc = table[(crc ^ bytes[i]!) & 0xff]! ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}
