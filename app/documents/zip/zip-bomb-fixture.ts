/**
 * A zip bomb for tests, built without ever holding its output: a raw DEFLATE stream of identical
 * fixed-Huffman blocks, each a run of zeros, concatenated. Each block is a whole number of bytes
 * long, so the blocks can be repeated by copying bytes.
 */
import { zipSync } from 'fflate';

/** Length/distance pairs per block: 6 mod 8 makes 18 + 13·k bits a whole number of bytes. */
const PAIRS = 8 * 4000 + 6;
/** Zeros one block inflates to: one literal, then PAIRS copies of 258. */
export const BOMB_BLOCK_BYTES = 1 + 258 * PAIRS;

class BitWriter {
  private bytes: number[] = [];
  private bit = 0;

  /** Writes `count` bits of `value`, least significant first (DEFLATE's order for header fields). */
  bits(value: number, count: number): void {
    for (let i = 0; i < count; i++) {
      if (this.bit === 0) this.bytes.push(0);
      if ((value >> i) & 1) this.bytes[this.bytes.length - 1] = (this.bytes.at(-1) ?? 0) | (1 << this.bit);
      this.bit = (this.bit + 1) % 8;
    }
  }

  /** Writes a Huffman code, most significant bit first. */
  code(value: number, length: number): void {
    for (let i = length - 1; i >= 0; i--) this.bits((value >> i) & 1, 1);
  }

  done(): Uint8Array {
    return Uint8Array.from(this.bytes);
  }
}

function zeroBlock(): Uint8Array {
  const out = new BitWriter();
  out.bits(0, 1); // not the final block
  out.bits(1, 2); // fixed Huffman codes
  out.code(0x30, 8); // literal 0
  for (let i = 0; i < PAIRS; i++) {
    out.code(0xc5, 8); // length code 285: 258 bytes
    out.code(0, 5); // distance code 0: distance 1
  }
  out.code(0, 7); // end of block
  return out.done();
}

/** Raw DEFLATE data that inflates to `blocks` × BOMB_BLOCK_BYTES zeros. */
export function deflatedZeros(blocks: number): Uint8Array {
  const block = zeroBlock();
  const last = new BitWriter();
  last.bits(1, 1);
  last.bits(1, 2);
  last.code(0, 7);
  const end = last.done();
  const out = new Uint8Array(block.length * blocks + end.length);
  for (let i = 0; i < blocks; i++) out.set(block, i * block.length);
  out.set(end, block.length * blocks);
  return out;
}

/**
 * A zip whose entry `name` inflates to `blocks` × ~8 MB of zeros but declares `declared` bytes
 * (a lie, as bombs tell), next to the small `others` entries.
 */
export function buildZipBomb(name: string, blocks: number, declared: number, others: Record<string, Uint8Array> = {}): Uint8Array {
  const placeholder = new Uint8Array(0);
  const zip = zipSync({ ...others, [name]: [placeholder, { level: 0 }] });
  return spliceEntry(zip, name, deflatedZeros(blocks), declared);
}

/** Replaces the (empty, stored) data of entry `name` with raw DEFLATE data and patches its headers. */
function spliceEntry(zip: Uint8Array, name: string, data: Uint8Array, declared: number): Uint8Array {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  const encoded = new TextEncoder().encode(name);
  let local = -1;
  for (let at = 0; at + 30 < zip.length; at++) {
    if (view.getUint32(at, true) === 0x04034b50 && matches(zip, at + 30, encoded)) {
      local = at;
      break;
    }
  }
  const dataStart = local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true);
  const out = new Uint8Array(zip.length + data.length);
  out.set(zip.subarray(0, dataStart));
  out.set(data, dataStart);
  out.set(zip.subarray(dataStart), dataStart + data.length);
  const patched = new DataView(out.buffer);
  patched.setUint16(local + 8, 8, true);
  patched.setUint32(local + 18, data.length, true);
  patched.setUint32(local + 22, declared, true);
  for (let at = dataStart + data.length; at + 46 < out.length; at++) {
    if (patched.getUint32(at, true) !== 0x02014b50) continue;
    const offset = patched.getUint32(at + 42, true);
    if (offset > local) patched.setUint32(at + 42, offset + data.length, true);
    if (offset === local) {
      patched.setUint16(at + 10, 8, true);
      patched.setUint32(at + 20, data.length, true);
      patched.setUint32(at + 24, declared, true);
    }
  }
  for (let at = out.length - 22; at >= 0; at--) {
    if (patched.getUint32(at, true) === 0x06054b50) {
      patched.setUint32(at + 16, patched.getUint32(at + 16, true) + data.length, true);
      break;
    }
  }
  return out;
}

function matches(bytes: Uint8Array, at: number, expected: Uint8Array): boolean {
  return expected.every((b, i) => bytes[at + i] === b);
}
