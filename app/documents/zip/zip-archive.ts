/**
 * Reading entries of a zip archive (EPUB, DOCX) without trusting it. The central directory is
 * parsed by hand so declared sizes can be checked before anything is inflated, and each entry is
 * inflated in small steps so a zip bomb (a few kilobytes that expand to gigabytes) is refused
 * while streaming, long before its output could fill memory.
 */
import { Inflate } from 'fflate';

/** Where Lectern stops unpacking. */
export interface ZipLimits {
  /** Uncompressed bytes for the whole archive (declared) and for all entries read (actual). */
  maxTotalBytes: number;
  /** Uncompressed bytes for one entry. */
  maxEntryBytes: number;
  maxEntries: number;
  /** Uncompressed / compressed size above which a large entry is taken for a bomb. */
  maxRatio: number;
}

/** 200 MB in all, 50 MB per entry: far above any real book or paper, far below a bomb's output. */
export const DEFAULT_ZIP_LIMITS: ZipLimits = {
  maxTotalBytes: 200 * 1024 * 1024,
  maxEntryBytes: 50 * 1024 * 1024,
  maxEntries: 20_000,
  maxRatio: 500,
};

/** Why an archive could not be read. */
export type ZipProblem = 'not-zip' | 'too-large' | 'damaged' | 'encrypted';

/** An archive result: the value, or the problem and a short technical detail. */
export type ZipResult<T> = { ok: true; value: T } | { ok: false; problem: ZipProblem; detail: string };

interface ZipEntry {
  name: string;
  method: number;
  flags: number;
  compressedSize: number;
  size: number;
  localHeader: number;
}

/** Ratios only matter for entries big enough to hurt; small XML often compresses 100:1. */
const RATIO_FLOOR = 10 * 1024 * 1024;
/** Compressed bytes fed to the inflater per step: at most ~1 MB of output each (DEFLATE tops out near 1032:1). */
const STEP = 1024;

/** An opened archive whose entries are read on demand within the limits. */
export class ZipArchive {
  private readonly entries: Map<string, ZipEntry>;
  private inflated = 0;

  private constructor(
    private readonly bytes: Uint8Array,
    entries: ZipEntry[],
    private readonly limits: ZipLimits,
  ) {
    this.entries = new Map(entries.map((e) => [e.name, e]));
  }

  /** Parses the central directory and checks the declared sizes against the limits. */
  static open(bytes: Uint8Array, limits: ZipLimits = DEFAULT_ZIP_LIMITS): ZipResult<ZipArchive> {
    const listed = readCentralDirectory(bytes, limits);
    if (!listed.ok) return listed;
    let declared = 0;
    for (const entry of listed.value) {
      declared += entry.size;
      const tooBig = checkSize(entry, entry.size, limits);
      if (tooBig) return tooBig;
      if (declared > limits.maxTotalBytes) return tooLarge(`declared ${declared} bytes in all`);
    }
    return { ok: true, value: new ZipArchive(bytes, listed.value, limits) };
  }

  /** Entry names, in archive order. */
  get names(): string[] {
    return [...this.entries.keys()];
  }

  has(name: string): boolean {
    return this.entries.has(name);
  }

  /** The uncompressed bytes of one entry, or undefined when the archive has no such entry. */
  read(name: string): ZipResult<Uint8Array> | undefined {
    const entry = this.entries.get(name);
    if (!entry) return undefined;
    if (entry.flags & 1) return { ok: false, problem: 'encrypted', detail: name };
    const view = new DataView(this.bytes.buffer, this.bytes.byteOffset, this.bytes.byteLength);
    const at = entry.localHeader;
    if (at + 30 > this.bytes.length || view.getUint32(at, true) !== 0x04034b50) return damaged(`bad local header for ${name}`);
    const start = at + 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true);
    const data = this.bytes.subarray(start, start + entry.compressedSize);
    if (start + entry.compressedSize > this.bytes.length) return damaged(`${name} is cut short`);
    if (entry.method === 0) return this.account(entry, data.length, () => data.slice());
    if (entry.method !== 8) return damaged(`${name} uses compression method ${entry.method}`);
    return this.inflate(entry, data);
  }

  private inflate(entry: ZipEntry, data: Uint8Array): ZipResult<Uint8Array> {
    const chunks: Uint8Array[] = [];
    let produced = 0;
    let refused: ZipResult<Uint8Array> | undefined;
    const inflater = new Inflate((chunk) => {
      produced += chunk.length;
      refused ??= checkSize(entry, produced, this.limits) ?? this.checkTotal(produced);
      if (!refused) chunks.push(chunk);
    });
    try {
      for (let offset = 0; offset < data.length && !refused; offset += STEP) {
        const end = Math.min(offset + STEP, data.length);
        inflater.push(data.subarray(offset, end), end === data.length);
      }
    } catch (error) {
      return damaged(`${entry.name}: ${error instanceof Error ? error.message : String(error)}`);
    }
    if (refused) return refused;
    return this.account(entry, produced, () => concat(chunks, produced));
  }

  private checkTotal(produced: number): ZipResult<Uint8Array> | undefined {
    return this.inflated + produced > this.limits.maxTotalBytes ? tooLarge('more than the total limit read') : undefined;
  }

  private account(entry: ZipEntry, size: number, build: () => Uint8Array): ZipResult<Uint8Array> {
    const refused = checkSize(entry, size, this.limits) ?? this.checkTotal(size);
    if (refused) return refused;
    this.inflated += size;
    return { ok: true, value: build() };
  }
}

function readCentralDirectory(bytes: Uint8Array, limits: ZipLimits): ZipResult<ZipEntry[]> {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const eocd = findEndOfDirectory(bytes, view);
  if (eocd < 0) return { ok: false, problem: 'not-zip', detail: 'no end of central directory' };
  const count = view.getUint16(eocd + 10, true);
  let at = view.getUint32(eocd + 16, true);
  if (count > limits.maxEntries) return tooLarge(`${count} entries`);
  const entries: ZipEntry[] = [];
  const names = new TextDecoder('utf-8');
  for (let i = 0; i < count; i++) {
    if (at + 46 > bytes.length || view.getUint32(at, true) !== 0x02014b50) return damaged('central directory is cut short');
    const nameLength = view.getUint16(at + 28, true);
    const skip = nameLength + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
    if (at + 46 + skip > bytes.length) return damaged('central directory is cut short');
    entries.push({
      name: names.decode(bytes.subarray(at + 46, at + 46 + nameLength)),
      flags: view.getUint16(at + 8, true),
      method: view.getUint16(at + 10, true),
      compressedSize: view.getUint32(at + 20, true),
      size: view.getUint32(at + 24, true),
      localHeader: view.getUint32(at + 42, true),
    });
    at += 46 + skip;
  }
  return { ok: true, value: entries };
}

/** The end record sits in the last 22 bytes plus up to 64 KB of archive comment. */
function findEndOfDirectory(bytes: Uint8Array, view: DataView): number {
  const lowest = Math.max(0, bytes.length - 22 - 0xffff);
  for (let at = bytes.length - 22; at >= lowest; at--) {
    if (view.getUint32(at, true) === 0x06054b50) return at;
  }
  return -1;
}

function checkSize(entry: ZipEntry, size: number, limits: ZipLimits): ZipResult<never> | undefined {
  if (size > limits.maxEntryBytes) return tooLarge(`${entry.name} unpacks to more than ${limits.maxEntryBytes} bytes`);
  if (size > RATIO_FLOOR && size > Math.max(entry.compressedSize, 1) * limits.maxRatio) {
    return tooLarge(`${entry.name} is compressed more than ${limits.maxRatio}:1`);
  }
  return undefined;
}

function concat(chunks: Uint8Array[], length: number): Uint8Array {
  const out = new Uint8Array(length);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.length;
  }
  return out;
}

function tooLarge(detail: string): ZipResult<never> {
  return { ok: false, problem: 'too-large', detail };
}

function damaged(detail: string): ZipResult<never> {
  return { ok: false, problem: 'damaged', detail };
}
