import { describe, expect, it } from 'vitest';
import { strToU8, zipSync } from 'fflate';
import { DEFAULT_ZIP_LIMITS, ZipArchive } from './zip-archive';
import { BOMB_BLOCK_BYTES, buildZipBomb, deflatedZeros } from './zip-bomb-fixture';
import { inflateSync } from 'fflate';

const text = (bytes: Uint8Array | undefined): string => new TextDecoder().decode(bytes);

function open(bytes: Uint8Array, limits = DEFAULT_ZIP_LIMITS): ZipArchive {
  const opened = ZipArchive.open(bytes, limits);
  if (!opened.ok) throw new Error(opened.detail);
  return opened.value;
}

describe('ZipArchive', () => {
  it('reads stored and deflated entries, and says which entries are missing', () => {
    const zip = zipSync({ 'a.txt': [strToU8('stored words'), { level: 0 }], 'dir/b.xml': strToU8('<x>'.repeat(1000)) });
    const archive = open(zip);
    expect(archive.names).toEqual(['a.txt', 'dir/b.xml']);
    const a = archive.read('a.txt');
    const b = archive.read('dir/b.xml');
    expect(a?.ok && text(a.value)).toBe('stored words');
    expect(b?.ok && text(b.value)).toBe('<x>'.repeat(1000));
    expect(archive.read('nope')).toBeUndefined();
  });

  it('refuses bytes that are not a zip', () => {
    expect(ZipArchive.open(strToU8('<html>not a zip</html>'))).toMatchObject({ ok: false, problem: 'not-zip' });
    expect(ZipArchive.open(new Uint8Array(10))).toMatchObject({ ok: false, problem: 'not-zip' });
  });

  it('reports a truncated archive as damaged', () => {
    const zip = zipSync({ 'a.txt': strToU8('hello '.repeat(100)) });
    // Keep the end record but cut the central directory it points to.
    const cut = new Uint8Array([...zip.subarray(0, 20), ...zip.subarray(zip.length - 22)]);
    expect(ZipArchive.open(cut)).toMatchObject({ ok: false, problem: 'damaged' });
  });

  it('refuses an archive whose declared sizes pass the limits, before inflating anything', () => {
    const bomb = buildZipBomb('big.xml', 1, 300 * 1024 * 1024);
    expect(ZipArchive.open(bomb)).toMatchObject({ ok: false, problem: 'too-large' });
  });

  it('stops inflating an entry that lies about its size once it passes the per-entry limit', () => {
    const data = deflatedZeros(2);
    expect(inflateSync(data).length).toBe(2 * BOMB_BLOCK_BYTES);
    const bomb = buildZipBomb('small-looking.xml', 2, 1000, { 'ok.txt': strToU8('fine') });
    const archive = open(bomb, { ...DEFAULT_ZIP_LIMITS, maxEntryBytes: 4 * 1024 * 1024 });
    expect(archive.read('small-looking.xml')).toMatchObject({ ok: false, problem: 'too-large' });
    expect(archive.read('ok.txt')).toMatchObject({ ok: true });
  });

  it('counts every entry read against the total limit', () => {
    const zip = buildZipBomb('b.xml', 1, 10, { 'a.txt': new Uint8Array(600) });
    const archive = open(zip, { ...DEFAULT_ZIP_LIMITS, maxTotalBytes: 5 * 1024 * 1024 });
    expect(archive.read('a.txt')).toMatchObject({ ok: true });
    expect(archive.read('b.xml')).toMatchObject({ ok: false, problem: 'too-large' });
  });

  it('refuses an absurd compression ratio on a large entry', () => {
    const honest = buildZipBomb('dense.xml', 2, 2 * BOMB_BLOCK_BYTES);
    expect(ZipArchive.open(honest, { ...DEFAULT_ZIP_LIMITS, maxRatio: 50 })).toMatchObject({ ok: false, problem: 'too-large' });
    const lying = buildZipBomb('dense.xml', 2, 1000);
    const archive = open(lying, { ...DEFAULT_ZIP_LIMITS, maxRatio: 50 });
    expect(archive.read('dense.xml')).toMatchObject({ ok: false, problem: 'too-large' });
  });

  it('reports encrypted entries', () => {
    const zip = zipSync({ 'secret.txt': [strToU8('x'), { level: 0 }] });
    const view = new DataView(zip.buffer);
    for (let at = 0; at < zip.length - 4; at++) if (view.getUint32(at, true) === 0x02014b50) view.setUint16(at + 8, 1, true);
    expect(open(zip).read('secret.txt')).toMatchObject({ ok: false, problem: 'encrypted' });
  });
});
