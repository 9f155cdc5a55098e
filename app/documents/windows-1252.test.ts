import { describe, expect, it } from 'vitest';
import { decodeWindows1252, decoderFor } from './windows-1252';

describe('windows-1252', () => {
  it('decodes 0x80-0x9F as the code page does, on every Node version', () => {
    const bytes = Uint8Array.from([0x93, 0x41, 0x94, 0x20, 0x80, 0x96, 0x97, 0x85, 0x9f, 0xe9, 0x81]);
    expect(decodeWindows1252(bytes)).toBe('“A” €–—…Ÿé\u0081');
  });

  it('decodes every other byte as Latin-1, also past the slice size', () => {
    const bytes = Uint8Array.from({ length: 20_000 }, (_, i) => 0xa0 + (i % 0x60));
    const text = decodeWindows1252(bytes);
    expect(text.length).toBe(20_000);
    expect(text.charCodeAt(19_999)).toBe(0xa0 + (19_999 % 0x60));
  });

  it('serves windows-1252 and its aliases itself, other labels through TextDecoder', () => {
    for (const label of ['windows-1252', 'latin1', 'ISO-8859-1', ' cp1252 ']) {
      expect(decoderFor(label)?.decode(Uint8Array.from([0x93, 0x94]))).toBe('“”');
    }
    expect(decoderFor('windows-1251')?.encoding).toBe('windows-1251');
    expect(decoderFor('no-such-charset')).toBeUndefined();
  });
});
