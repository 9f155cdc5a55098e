import { describe, expect, it } from 'vitest';
import { decodeText } from './decode';
import { decoderFor } from './windows-1252';

/** Encodes text in a single-byte code page by inverting its decoder over 0..255. */
function encodeSingleByte(encoding: string, text: string): Uint8Array {
  const decoder = decoderFor(encoding);
  if (!decoder) throw new Error(`no decoder for ${encoding}`);
  const table = new Map<string, number>();
  for (let byte = 255; byte >= 0; byte--) table.set(decoder.decode(new Uint8Array([byte])), byte);
  return new Uint8Array([...text].map((char) => {
    const byte = table.get(char);
    if (byte === undefined) throw new Error(`${char} is not in ${encoding}`);
    return byte;
  }));
}

function utf16(text: string, littleEndian: boolean, bom: boolean): Uint8Array {
  const units = [...(bom ? '\uFEFF' : ''), ...text].flatMap((c) => {
    const out: number[] = [];
    for (let i = 0; i < c.length; i++) out.push(c.charCodeAt(i));
    return out;
  });
  const bytes = new Uint8Array(units.length * 2);
  units.forEach((unit, i) => {
    bytes[i * 2 + (littleEndian ? 0 : 1)] = unit & 0xff;
    bytes[i * 2 + (littleEndian ? 1 : 0)] = unit >> 8;
  });
  return bytes;
}

const RUSSIAN = 'Теснота — дебютный фильм Кантемира Балагова. Действие происходит в Нальчике в 1998 году.';
const RUSSIAN_KOI8 = 'Теснота - дебютный фильм Кантемира Балагова. Действие происходит в Нальчике в 1998 году.';

describe('decodeText', () => {
  it('reads UTF-8 without a byte-order mark', () => {
    const result = decodeText('a.txt', new TextEncoder().encode('mise-en-scène “Closeness”'));
    expect(result).toEqual({ ok: true, value: { text: 'mise-en-scène “Closeness”', encoding: 'utf-8' } });
  });

  it('reads UTF-8 with a byte-order mark and drops the mark', () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode('Привет')]);
    expect(decodeText('a.txt', bytes)).toEqual({ ok: true, value: { text: 'Привет', encoding: 'utf-8' } });
  });

  it('reads UTF-16 little- and big-endian with a byte-order mark', () => {
    expect(decodeText('a.txt', utf16('Теснота 2017', true, true))).toEqual({ ok: true, value: { text: 'Теснота 2017', encoding: 'utf-16le' } });
    expect(decodeText('a.txt', utf16('Теснота 2017', false, true))).toEqual({ ok: true, value: { text: 'Теснота 2017', encoding: 'utf-16be' } });
  });

  it('reads UTF-16 saved without a byte-order mark from where its NUL bytes fall', () => {
    expect(decodeText('a.txt', utf16('Closeness (2017)', true, false))).toMatchObject({ ok: true, value: { encoding: 'utf-16le' } });
    expect(decodeText('a.txt', utf16('Closeness (2017)', false, false))).toMatchObject({ ok: true, value: { encoding: 'utf-16be' } });
  });

  it('tells windows-1251 from KOI8-R by how Russian the letters look', () => {
    expect(decodeText('a.txt', encodeSingleByte('windows-1251', RUSSIAN))).toEqual({ ok: true, value: { text: RUSSIAN, encoding: 'windows-1251' } });
    expect(decodeText('a.txt', encodeSingleByte('koi8-r', RUSSIAN_KOI8))).toEqual({ ok: true, value: { text: RUSSIAN_KOI8, encoding: 'koi8-r' } });
  });

  it('gets short Russian phrases and all-capital headings right in both code pages', () => {
    for (const phrase of ['Привет, мир!', 'ЖЁСТКИЙ ЗАГОЛОВОК', 'Глава первая']) {
      expect(decodeText('a.txt', encodeSingleByte('windows-1251', phrase))).toEqual({ ok: true, value: { text: phrase, encoding: 'windows-1251' } });
      expect(decodeText('a.txt', encodeSingleByte('koi8-r', phrase))).toEqual({ ok: true, value: { text: phrase, encoding: 'koi8-r' } });
    }
  });

  it('falls back to windows-1252 for Western text that is not UTF-8', () => {
    const text = 'Café Müller, “déjà vu” — naïve';
    expect(decodeText('a.txt', encodeSingleByte('windows-1252', text))).toEqual({ ok: true, value: { text, encoding: 'windows-1252' } });
  });

  it('keeps UTF-8 when only a stray byte is damaged', () => {
    const good = new TextEncoder().encode('Kabardino-Balkaria — Нальчик, Нальчик, Нальчик');
    const bytes = new Uint8Array([...good, 0xff]);
    expect(decodeText('a.txt', bytes)).toMatchObject({ ok: true, value: { encoding: 'utf-8' } });
  });

  it('refuses bytes that read as no known encoding', () => {
    const noise = new Uint8Array(300).map((_, i) => 0xc0 + ((i * 37) % 64));
    expect(decodeText('noise.txt', noise)).toEqual({
      ok: false,
      error: '“noise.txt” is not in a text encoding Lectern recognises. Save it as UTF-8 and import it again.',
    });
  });

  it('calls an empty or whitespace-only file empty', () => {
    expect(decodeText('x.txt', new Uint8Array())).toEqual({ ok: false, error: '“x.txt” is empty.' });
    expect(decodeText('x.txt', new TextEncoder().encode(' \n\t\r\n  '))).toEqual({ ok: false, error: '“x.txt” is empty.' });
    expect(decodeText('x.txt', new Uint8Array([0xef, 0xbb, 0xbf]))).toEqual({ ok: false, error: '“x.txt” is empty.' });
  });

  it('calls NUL bytes or many control characters binary data', () => {
    const binary = { ok: false, error: '“x.txt” does not look like a text file (it contains binary data).' };
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]);
    expect(decodeText('x.txt', png)).toEqual(binary);
    const controls = new TextEncoder().encode('abc\u0001\u0002\u0003def\u0004\u0005ghi');
    expect(decodeText('x.txt', controls)).toEqual(binary);
  });
});
