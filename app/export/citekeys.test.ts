import { describe, expect, it } from 'vitest';
import type { CslItem } from '../documents/model';
import { asciiFold, assignCitekeys, baseCitekey, isCitekey } from './citekeys';

const item = (fields: Partial<CslItem>): CslItem => ({ id: 'x-1', type: 'book', ...fields });
const year = (y: number) => ({ 'date-parts': [[y]] });

describe('citekeys', () => {
  it('folds names to ASCII letters, romanizing Cyrillic', () => {
    expect(asciiFold('Yuval-Davis')).toBe('yuvaldavis');
    expect(asciiFold('Кувшинова')).toBe('kuvshinova');
    expect(asciiFold('Щедрин-Юрьев')).toBe('shchedriniurev');
    expect(asciiFold('Müller')).toBe('muller');
  });

  it('builds family name plus year, falling back to editor, title and "nd"', () => {
    expect(baseCitekey(item({ author: [{ family: 'Кувшинова', given: 'Мария' }], issued: year(2017) }))).toBe('kuvshinova2017');
    expect(baseCitekey(item({ editor: [{ family: 'Sharp' }], issued: year(1997) }))).toBe('sharp1997');
    expect(baseCitekey(item({ author: [{ literal: 'All Favorite Movies' }] }))).toBe('allfavoritemoviesnd');
    expect(baseCitekey(item({ title: 'The Closeness of 2017', issued: year(2018) }))).toBe('closeness2018');
    expect(baseCitekey(item({}))).toBe('anonnd');
  });

  it('keeps an id that is a citekey already', () => {
    expect(isCitekey('bykov2017')).toBe(true);
    expect(isCitekey('kuvshinova2017b')).toBe(true);
    expect(isCitekey('94063d3630a703df')).toBe(false);
    expect(baseCitekey(item({ id: 'bykov2017', author: [{ family: 'Other' }] }))).toBe('bykov2017');
  });

  it('tells clashing works apart with a, b, c in order and keeps the rest', () => {
    const a = item({ author: [{ family: 'Smith' }], issued: year(2001) });
    const b = item({ author: [{ family: 'Jones' }], issued: year(2001) });
    expect(assignCitekeys([a, b, a, a])).toEqual(['smith2001a', 'jones2001', 'smith2001b', 'smith2001c']);
  });

  it('does not hand out a suffixed key another item already holds', () => {
    const held = item({ id: 'smith2001a' });
    const a = item({ author: [{ family: 'Smith' }], issued: year(2001) });
    expect(assignCitekeys([held, a, a])).toEqual(['smith2001a', 'smith2001b', 'smith2001c']);
  });
});
