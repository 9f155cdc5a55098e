import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { foldCaseAndMarks, foldForFeatures, foldForFileName, foldForFind, foldForKey, foldForSearch, foldForSimilarity, foldName } from './fold';
import { CYRILLIC_TO_LATIN, romanizeCyrillic, romanizeLetters } from './transliteration';

describe('foldForSearch', () => {
  it('lowercases, strips accents, splits ligatures and reads ё as е', () => {
    expect(foldForSearch('Ёлка')).toBe('елка');
    expect(foldForSearch('scène')).toBe('scene');
    expect(foldForSearch('ﬁlm')).toBe('film');
    expect(foldForSearch('Zvyagintsev')).toBe('zvyagintsev');
    expect(foldForSearch('')).toBeNull();
    expect(foldForSearch('\u0301')).toBeNull();
  });

  it('agrees with foldCaseAndMarks on every string, ASCII fast path included', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (text) => {
        expect(foldForSearch(text)).toBe(foldCaseAndMarks(text) || null);
      }),
    );
  });
});

describe('foldForFind', () => {
  it('folds case and diacritics one unit to one, ё to е', () => {
    expect(foldForFind('Mise-en-SCÈNE, Ёлка')).toBe('mise-en-scene, елка');
    // İ lowercases to two units; without its dot it is one: "i".
    expect(foldForFind('İstanbul')).toBe('istanbul');
  });

  it('keeps the length of any string, so offsets need no map back', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (text) => {
        expect(foldForFind(text)).toHaveLength(text.length);
      }),
    );
  });
});

describe('foldName', () => {
  it('romanizes Cyrillic through the one table and merges romanization variants', () => {
    expect(foldName('Мария Кувшинова')).toBe('maria kuvsinova');
    expect(foldName('Mariya Kuvšinova')).toBe('maria kuvsinova');
    expect(foldName('Łukasz Straß')).toBe('lukasz stras');
    expect(foldName('  , ')).toBe('');
  });
});

describe('foldForKey', () => {
  it('keeps ASCII letters and digits, romanizing Cyrillic or dropping it', () => {
    expect(foldForKey('Yuval-Davis 2')).toBe('yuvaldavis2');
    expect(foldForKey('Щедрин-Юрьев')).toBe('shchedriniurev');
    expect(foldForKey('Щедрин-Юрьев', 'drop')).toBe('');
    expect(foldForKey('Müller', 'drop')).toBe('muller');
    // ß has no ASCII decomposition: keys have always dropped it.
    expect(foldForKey('Straße')).toBe('strae');
  });
});

describe('the other folds', () => {
  it('drops only the Latin accent block for the labeller, every mark elsewhere', () => {
    expect(foldForFeatures('Émile')).toBe('emile');
    // U+0483 (Cyrillic titlo) lies outside U+0300–U+036F: the model has always seen it.
    expect(foldForFeatures('Б\u0483')).toBe('б\u0483');
    expect(foldCaseAndMarks('Б\u0483')).toBe('б');
  });

  it('makes file-name stems and similarity words', () => {
    expect(foldForFileName('Scène 1: Мир — ﬁlm!')).toBe('scene-1-film');
    expect(foldForSimilarity('Ｆilm ＣAFÉ')).toBe('film café');
  });
});

describe('transliteration', () => {
  it('spells every Cyrillic letter of the table in ASCII', () => {
    for (const [cyrillic, latin] of Object.entries(CYRILLIC_TO_LATIN)) {
      expect(romanizeCyrillic(cyrillic)).toBe(latin);
      expect(latin).toMatch(/^[a-z]*$/);
    }
    expect(romanizeCyrillic('кувшинова, ß')).toBe('kuvshinova, ß');
    expect(romanizeLetters('щедрин, ß æ')).toBe('shchedrin, ss ae');
  });
});
