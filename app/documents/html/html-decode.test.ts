import { describe, expect, it } from 'vitest';
import { importFile } from '../import';
import { declaredCharset, decodeHtml } from './html-decode';
import { nodeImportContext } from './sanitize-node';

const node = nodeImportContext();

const RUSSIAN = 'Мы читаем книгу о истории города, и каждая глава рассказывает о людях.';

/** windows-1251 bytes of Cyrillic and ASCII text (А–я are 0xC0–0xFF, Ё/ё 0xA8/0xB8). */
function cp1251(text: string): Uint8Array {
  return Uint8Array.from([...text].map((ch) => {
    const code = ch.codePointAt(0) ?? 0;
    if (code >= 0x410 && code <= 0x44f) return code - 0x410 + 0xc0;
    if (code === 0x401) return 0xa8;
    if (code === 0x451) return 0xb8;
    if (code < 0x80) return code;
    throw new Error(`not in the test encoder: ${ch}`);
  }));
}

describe('decodeHtml', () => {
  it('reads a windows-1251 page by its <meta charset>', () => {
    const bytes = cp1251(`<html><head><meta charset="windows-1251"><title>Тест</title></head><body><p>${RUSSIAN}</p></body></html>`);
    const decoded = decodeHtml('ru.html', bytes);
    expect(decoded.encoding).toBe('windows-1251');
    expect(decoded.text).toContain(RUSSIAN);
  });

  it('reads the charset of an http-equiv Content-Type and of an XML declaration', () => {
    expect(declaredCharset(new TextEncoder().encode('<meta http-equiv="Content-Type" content="text/html; charset=koi8-r">'))).toBe('koi8-r');
    expect(declaredCharset(new TextEncoder().encode('<?xml version="1.0" encoding="ISO-8859-1"?><html/>'))).toBe('ISO-8859-1');
  });

  it('guesses windows-1251 when the page declares nothing', async () => {
    const result = await importFile('ru.htm', cp1251(`<html><body><p>${RUSSIAN}</p></body></html>`), node);
    expect(result.ok && result.value.text).toBe(RUSSIAN);
    expect(result.ok && result.value.encoding).toBe('windows-1251');
  });

  it('honours a byte-order mark over the declaration', () => {
    const body = new TextEncoder().encode('<meta charset="windows-1251"><p>café</p>');
    const decoded = decodeHtml('bom.html', Uint8Array.from([0xef, 0xbb, 0xbf, ...body]));
    expect(decoded).toMatchObject({ encoding: 'utf-8' });
    expect(decoded.text).toContain('café');
  });

  it('never crashes on invalid UTF-8: a few bad bytes become U+FFFD, a Latin page falls back to windows-1252', async () => {
    const damaged = Uint8Array.from([...new TextEncoder().encode('<meta charset="utf-8"><p>naïve café, résumé, déjà vu '), 0xff, 0xfe, ...new TextEncoder().encode(' encore</p>')]);
    const one = await importFile('damaged.html', damaged, node);
    expect(one.ok && one.value.text).toContain('naïve café');
    expect(one.ok && one.value.text).toContain('\ufffd');
    const latin = Uint8Array.from([...new TextEncoder().encode('<p>Caf'), 0xe9, ...new TextEncoder().encode(' na'), 0xef, ...new TextEncoder().encode('ve, the r'), 0xe9, ...new TextEncoder().encode('sum'), 0xe9, ...new TextEncoder().encode(' of a long day.</p>')]);
    const two = await importFile('latin.html', latin, node);
    expect(two.ok && two.value.text).toBe('Café naïve, the résumé of a long day.');
  });
});
