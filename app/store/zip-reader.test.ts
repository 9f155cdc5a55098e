import { describe, expect, it } from 'vitest';
import { deflateRawSync } from 'node:zlib';
import { strToU8, zipSync } from 'fflate';
import { crc32, readEntry, readZipDirectory, storedSlice, ZipError } from './zip-reader';

const zip = (files: Record<string, [Uint8Array, { level: 0 | 6 }]>) => new Blob([zipSync(files)]);

describe('zip reader', () => {
  it('computes CRC-32 as zip files record it', () => {
    expect(crc32(strToU8('123456789'))).toBe(0xcbf43926);
    expect(crc32(new Uint8Array(0))).toBe(0);
  });

  it('reads deflated and stored entries, stored ones as slices of the file', async () => {
    const text = strToU8('hello '.repeat(1000));
    const bytes = new Uint8Array([0, 1, 2, 255]);
    const file = zip({ 'a.json': [text, { level: 6 }], 'b.bin': [bytes, { level: 0 }] });
    const entries = await readZipDirectory(file, 10);
    expect(entries.map((e) => [e.name, e.method, e.size])).toEqual([
      ['a.json', 8, text.length],
      ['b.bin', 0, 4],
    ]);
    expect(await readEntry(file, entries[0]!)).toEqual(text);
    const slice = await storedSlice(file, entries[1]!, 'application/pdf');
    expect(slice.type).toBe('application/pdf');
    expect(new Uint8Array(await slice.arrayBuffer())).toEqual(bytes);
  });

  it('stops a deflate stream at its declared size', async () => {
    const file = zip({ 'a.json': [strToU8('x'), { level: 6 }] });
    const [entry] = await readZipDirectory(file, 10);
    // Swap the data for 64 MB of zeros behind the same small declaration.
    const bomb = new Uint8Array(deflateRawSync(new Uint8Array(64 * 1024 * 1024)));
    const head = new Uint8Array(await file.slice(0, 30 + 'a.json'.length).arrayBuffer());
    const forged = new Blob([head, bomb, new Uint8Array(await file.slice(30 + 'a.json'.length + entry!.compressedSize).arrayBuffer())]);
    await expect(readEntry(forged, { ...entry!, compressedSize: bomb.length })).rejects.toThrow(/unpacks to more than the 1 bytes it declares/);
  });

  it('refuses files that are not whole zip archives', async () => {
    await expect(readZipDirectory(new Blob(['PK']), 10)).rejects.toBeInstanceOf(ZipError);
    const file = zip({ 'a.json': [strToU8('{}'), { level: 6 }] });
    await expect(readZipDirectory(file.slice(0, file.size - 5), 10)).rejects.toThrow(/end of its zip directory is missing/);
    await expect(readZipDirectory(zip({ a: [strToU8('1'), { level: 0 }], b: [strToU8('2'), { level: 0 }] }), 1)).rejects.toThrow(/holds 2 files, more than the 1/);
  });
});
