import { describe, expect, it } from 'vitest';
import type { CslItem } from '../documents/model';
import { foldForKey } from '../text/fold';
import { assignCitekeys, baseCitekey, isCitekey, referenceId, uniqueReferenceIds } from './citekeys';

const item = (fields: Partial<CslItem>): CslItem => ({ id: 'x-1', type: 'book', ...fields });
const year = (y: number) => ({ 'date-parts': [[y]] });

describe('citekeys', () => {
  it('folds names to ASCII letters, romanizing Cyrillic', () => {
    expect(foldForKey('Yuval-Davis')).toBe('yuvaldavis');
    expect(foldForKey('Кувшинова')).toBe('kuvshinova');
    expect(foldForKey('Щедрин-Юрьев')).toBe('shchedriniurev');
    expect(foldForKey('Müller')).toBe('muller');
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

  it('gives parsed references an id of family name and year, Cyrillic dropped, repeats numbered', () => {
    expect(referenceId(item({ author: [{ family: 'Yuval-Davis', given: 'Nira' }], issued: year(1997) }))).toBe('yuvaldavis1997');
    expect(referenceId(item({ author: [{ family: 'Müller' }], issued: year(2001), 'year-suffix': 'b' }))).toBe('muller2001b');
    expect(referenceId(item({ editor: [{ literal: 'R Core Team' }] }))).toBe('rcoreteamnd');
    expect(referenceId(item({ title: 'On the closeness of readers', issued: year(2018) }))).toBe('closeness2018');
    expect(referenceId(item({ author: [{ family: 'Кувшинова' }], title: 'Кино', issued: year(2017) }))).toBe('ref2017');
    const smith = item({ author: [{ family: 'Smith' }], issued: year(2001) });
    expect(uniqueReferenceIds([smith, smith, item({ author: [{ family: 'Jones' }] }), smith])).toEqual(['smith2001', 'smith2001-2', 'jonesnd', 'smith2001-3']);
  });
});
