import { describe, expect, it } from 'vitest';
import type { CslItem } from '../documents/model';
import { findListDrivenCitations } from './list-driven';

function work(author: CslItem['author'], year: number): { csl: CslItem } {
  return { csl: { id: `w${year}`, type: 'book', author, issued: { 'date-parts': [[year]] } } };
}

const works = [
  work([{ literal: 'R Core Team' }], 2015),
  work([{ family: 'Henderson Jr', given: 'CR' }], 1982),
  work([{ family: 'Pinheiro', given: 'JC' }, { family: 'Bates', given: 'DM' }], 1996),
  work([{ family: 'Aart', 'non-dropping-particle': 'Van der', given: 'PJM' }], 1975),
  work([{ family: 'Bönsch', given: 'A' }], 2005),
];

function texts(text: string, taken: Array<{ start: number; end: number }> = []): string[] {
  return findListDrivenCitations(text, works, taken, []).map((c) => c.text);
}

describe('findListDrivenCitations', () => {
  it('reads the authors the grammar cannot: corporate, Jr., particles, broken names', () => {
    expect(texts('for R (R Core Team 2015) provides')).toEqual(['(R Core Team 2015)']);
    expect(texts('given as Equation 6 of Henderson Jr. (1982) and')).toEqual(['Henderson Jr. (1982)']);
    expect(texts('as in Van der Aart and Smeenk (1975), spiders')).toEqual(['Van der Aart and Smeenk (1975)']);
    expect(texts('see (Pin-\nheiro and Bates 1996) and B¨ onsch et al. (2005)')).toEqual(['(Pin-\nheiro and Bates 1996)', 'B¨ onsch et al. (2005)']);
  });

  it('gives each the entry name and year to link by', () => {
    const [c] = findListDrivenCitations('(Pin- heiro and Bates 1996)', works, [], []);
    expect(c?.items).toEqual([{ names: ['Pinheiro'], year: 1996 }]);
    expect(c?.kind).toBe('parenthetical');
  });

  it('takes only what the list confirms, and nothing already found', () => {
    expect(texts('The R Core Team met in 2016; Henderson wrote in 1982 to Bates.')).toEqual([]);
    const text = 'as (R Core Team 2015) says';
    expect(texts(text, [{ start: 3, end: 21 }])).toEqual([]);
  });
});
