/**
 * PDF's stream filters, decoded only to measure them: each decoder stops as soon as its output
 * passes `cap` bytes, so a bomb (a few kilobytes that inflate to gigabytes) costs no more memory
 * than the cap and no more time than producing it. The output is kept (up to the cap) because a
 * filter chain feeds one decoder's output to the next, and object streams are read afterwards.
 */
import { Inflate } from 'fflate';

/** A decoder's output, or why it stopped: 'too-large' past the cap, 'unknown' for a filter it does not decode. */
export type Decoded = { ok: true; bytes: Uint8Array } | { ok: false; problem: 'too-large' | 'unknown'; produced: number };

/** Filters whose output is never needed to read text (pictures): measured only by their input. */
export const IMAGE_FILTERS = new Set(['DCTDecode', 'DCT', 'JPXDecode', 'JPX', 'JBIG2Decode', 'CCITTFaxDecode', 'CCF']);

/** Decodes `input` through the filter `name` (full or abbreviated, as pdf.js accepts), up to `cap` bytes. */
export function decodeFilter(name: string, input: Uint8Array, cap: number, earlyChange = 1): Decoded {
  switch (name) {
    case 'FlateDecode':
    case 'Fl':
      return inflate(input, cap);
    case 'LZWDecode':
    case 'LZW':
      return lzw(input, cap, earlyChange);
    case 'RunLengthDecode':
    case 'RL':
      return runLength(input, cap);
    case 'ASCIIHexDecode':
    case 'AHx':
      return asciiHex(input);
    case 'ASCII85Decode':
    case 'A85':
      return ascii85(input, cap);
    default:
      return { ok: false, problem: 'unknown', produced: input.length };
  }
}

/** Collects output chunks up to a cap. */
class Output {
  readonly chunks: Uint8Array[] = [];
  length = 0;
  overflow = false;
  constructor(private readonly cap: number) {}

  push(chunk: Uint8Array): void {
    this.length += chunk.length;
    if (this.length > this.cap) this.overflow = true;
    else this.chunks.push(chunk);
  }

  result(): Decoded {
    if (this.overflow) return { ok: false, problem: 'too-large', produced: this.length };
    const bytes = new Uint8Array(this.length);
    let offset = 0;
    for (const chunk of this.chunks) {
      bytes.set(chunk, offset);
      offset += chunk.length;
    }
    return { ok: true, bytes };
  }
}

/** Compressed bytes fed per step: at most ~1 MB of output each (DEFLATE tops out near 1032:1). */
const STEP = 1024;

/** zlib as pdf.js reads it: the two-byte header checked, the checksum never. */
function inflate(input: Uint8Array, cap: number): Decoded {
  const cmf = input[0] ?? -1;
  const flg = input[1] ?? -1;
  // pdf.js refuses these streams outright, so they decode to nothing.
  if (cmf < 0 || flg < 0 || (cmf & 0x0f) !== 8 || ((cmf << 8) + flg) % 31 !== 0 || flg & 0x20) return { ok: true, bytes: new Uint8Array(0) };
  const out = new Output(cap);
  const inflater = new Inflate((chunk) => out.push(chunk));
  try {
    for (let offset = 2; offset < input.length && !out.overflow; offset += STEP) {
      const end = Math.min(offset + STEP, input.length);
      inflater.push(input.subarray(offset, end), end === input.length);
    }
  } catch {
    // A damaged stream ends where pdf.js would stop reading it.
  }
  return out.result();
}

function lzw(input: Uint8Array, cap: number, earlyChange: number): Decoded {
  const out = new Output(cap);
  const table: Uint8Array[] = [];
  const reset = () => {
    table.length = 0;
    for (let i = 0; i < 256; i++) table.push(Uint8Array.of(i));
    table.push(new Uint8Array(0), new Uint8Array(0));
  };
  reset();
  let bits = 0;
  let buffer = 0;
  let width = 9;
  let previous: Uint8Array | undefined;
  for (const byte of input) {
    buffer = (buffer << 8) | byte;
    bits += 8;
    while (bits >= width) {
      const code = (buffer >>> (bits - width)) & ((1 << width) - 1);
      bits -= width;
      buffer &= (1 << bits) - 1;
      if (code === 256) {
        reset();
        width = 9;
        previous = undefined;
        continue;
      }
      if (code === 257) return out.result();
      let entry = table[code];
      if (!entry && previous && code === table.length) entry = concat(previous, previous[0] ?? 0);
      if (!entry) return out.result();
      out.push(entry);
      if (out.overflow) return out.result();
      if (previous && table.length < 4096) table.push(concat(previous, entry[0] ?? 0));
      previous = entry;
      if (table.length + earlyChange >= 1 << width && width < 12) width += 1;
    }
  }
  return out.result();
}

function concat(prefix: Uint8Array, byte: number): Uint8Array {
  const next = new Uint8Array(prefix.length + 1);
  next.set(prefix);
  next[prefix.length] = byte;
  return next;
}

function runLength(input: Uint8Array, cap: number): Decoded {
  const out = new Output(cap);
  let i = 0;
  while (i < input.length && !out.overflow) {
    const length = input[i] ?? 128;
    if (length === 128) break;
    if (length < 128) {
      out.push(input.subarray(i + 1, i + 2 + length));
      i += length + 2;
    } else {
      out.push(new Uint8Array(257 - length).fill(input[i + 1] ?? 0));
      i += 2;
    }
  }
  return out.result();
}

function asciiHex(input: Uint8Array): Decoded {
  const out: number[] = [];
  let high = -1;
  for (const byte of input) {
    if (byte === 0x3e) break;
    const digit = byte >= 0x30 && byte <= 0x39 ? byte - 0x30 : (byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x66 ? (byte | 0x20) - 0x57 : -1;
    if (digit < 0) continue;
    if (high < 0) high = digit;
    else {
      out.push((high << 4) | digit);
      high = -1;
    }
  }
  if (high >= 0) out.push(high << 4);
  return { ok: true, bytes: Uint8Array.from(out) };
}

function ascii85(input: Uint8Array, cap: number): Decoded {
  const out = new Output(cap);
  const group: number[] = [];
  const flush = (count: number) => {
    while (group.length < 5) group.push(84);
    let value = 0;
    for (const digit of group) value = value * 85 + digit;
    out.push(Uint8Array.of(value >>> 24, (value >>> 16) & 0xff, (value >>> 8) & 0xff, value & 0xff).subarray(0, count));
    group.length = 0;
  };
  for (let i = 0; i < input.length && !out.overflow; i++) {
    const byte = input[i] ?? 0;
    if (byte === 0x7e) break;
    if (byte === 0x7a && group.length === 0) out.push(new Uint8Array(4));
    else if (byte >= 0x21 && byte <= 0x75) {
      group.push(byte - 0x21);
      if (group.length === 5) flush(4);
    }
  }
  if (group.length > 1 && !out.overflow) flush(group.length - 1);
  return out.result();
}
