import { describe, expect, it } from 'vitest';
import type { CslItem } from '../documents/model';
import { foldForKey } from '../text/fold';
import { assignCitekeys, citekeyProblem, isCitekey, proposeCitekey, referenceId, uniqueReferenceIds } from './citekeys';

const item = (fields: Partial<CslItem>): CslItem => ({ id: 'x-1', type: 'book', ...fields });
const year = (y: number) => ({ 'date-parts': [[y]] });

describe('citekeys', () => {
  it('folds names to ASCII letters, romanizing Cyrillic', () => {
    expect(foldForKey('Yuval-Davis')).toBe('yuvaldavis');
    expect(foldForKey('Кувшинова')).toBe('kuvshinova');
    expect(foldForKey('Щедрин-Юрьев')).toBe('shchedriniurev');
    expect(foldForKey('Müller')).toBe('muller');
  });

  it('builds family name, year and the first significant title word, falling back to editor, title and "nd"', () => {
    expect(proposeCitekey(item({ author: [{ family: 'Yuval-Davis', given: 'Nira' }], title: 'Gender and Nation', issued: year(1997) }))).toBe('yuvaldavis1997gender');
    expect(proposeCitekey(item({ author: [{ family: 'Кувшинова', given: 'Мария' }], title: '“Теснота”: Мария Кувшинова беседует с режиссером', issued: year(2017) }))).toBe('kuvshinova2017tesnota');
    expect(proposeCitekey(item({ author: [{ family: 'Kuvshinova' }], title: '“Tesnota”: Mariia Kuvshinova beseduet s rezhiseerom Kantemirom Balagovym', issued: year(2017) }))).toBe('kuvshinova2017tesnota');
    expect(proposeCitekey(item({ author: [{ family: 'Smolina' }], title: 'Udush’e lubvi: discussiia s rezhisserom fil’ma “Tesnota”', issued: year(2017) }))).toBe('smolina2017udushe');
    expect(proposeCitekey(item({ editor: [{ family: 'Sharp' }], title: 'The Politics of Reading', issued: year(1997) }))).toBe('sharp1997politics');
    expect(proposeCitekey(item({ author: [{ literal: 'R Core Team' }], title: 'R: A Language and Environment for Statistical Computing', issued: year(2024) }))).toBe('rcoreteam2024r');
    expect(proposeCitekey(item({ author: [{ family: 'Müller' }], title: 'Über die Zeit', issued: year(2001) }))).toBe('muller2001zeit');
    expect(proposeCitekey(item({ author: [{ family: 'Camus' }], title: 'L’Étranger' }))).toBe('camusndetranger');
    expect(proposeCitekey(item({ author: [{ family: 'Bykov' }], title: 'O liubvi', issued: year(2017) }))).toBe('bykov2017liubvi');
    expect(proposeCitekey(item({ title: 'The Closeness of Readers', issued: year(2018) }))).toBe('closeness2018readers');
    expect(proposeCitekey(item({}))).toBe('anonnd');
    expect(proposeCitekey(item({ title: '000_62b2ac4b49efefbf' }))).toBe('anonnd');
    expect(proposeCitekey(item({ author: [{ family: 'Orwell' }], title: '1984 Revisited', issued: year(2004) }))).toBe('orwell2004revisited');
    // Not the id a parser or a file gave the item: keys follow one rule.
    expect(proposeCitekey(item({ id: 'bykov2017', author: [{ family: 'Other' }], issued: year(2017) }))).toBe('other2017');
  });

  it('reads the seeds’ works as keys every tool takes', () => {
    for (const key of ['yuvaldavis1997gender', 'kuvshinova2017tesnota', 'smith2001a']) expect(citekeyProblem(key)).toBeNull();
    expect(citekeyProblem('')).toMatch(/empty/);
    expect(citekeyProblem('smith 2001')).toMatch(/letters/);
    expect(citekeyProblem('smith2001.')).toMatch(/letters/);
    expect(citekeyProblem('müller2001')).toMatch(/letters/);
    expect(citekeyProblem('a'.repeat(101))).toMatch(/100/);
    expect(citekeyProblem('Smith:2001_x-y.z')).toBeNull();
  });

  it('knows the name-and-year shape of reference ids', () => {
    expect(isCitekey('bykov2017')).toBe(true);
    expect(isCitekey('kuvshinova2017b')).toBe(true);
    expect(isCitekey('94063d3630a703df')).toBe(false);
  });

  it('tells clashing works apart with a, b in order, as a fresh library would, and keeps the rest', () => {
    const a = item({ author: [{ family: 'Smith' }], title: 'Earlier', issued: year(2001) });
    const b = item({ author: [{ family: 'Jones' }], title: 'Earlier', issued: year(2001) });
    expect(assignCitekeys([a, b, a, a])).toEqual(['smith2001earlier', 'jones2001earlier', 'smith2001earliera', 'smith2001earlierb']);
  });

  it('does not hand out a suffixed key another item already holds', () => {
    const held = item({ author: [{ family: 'Smith' }], title: 'Earliera', issued: year(2001) });
    const a = item({ author: [{ family: 'Smith' }], title: 'Earlier', issued: year(2001) });
    expect(assignCitekeys([held, a, a])).toEqual(['smith2001earliera', 'smith2001earlier', 'smith2001earlierb']);
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
