import { describe, expect, it } from 'vitest';
import { citationAuthors, quoteCitation } from './quote-citation';

describe('quoteCitation', () => {
  it('cites one author with year and paragraph', () => {
    expect(quoteCitation({ author: [{ family: 'Ezerova', given: 'Daria' }], issued: { 'date-parts': [[2018]] } }, { label: 'paragraph', value: 14 })).toBe(
      '(Ezerova 2018, ¶ 14)',
    );
  });

  it('uses pages where there are pages, and n.d. without a year', () => {
    expect(quoteCitation({ author: [{ family: 'Yuval-Davis' }], issued: { 'date-parts': [[1997]] } }, { label: 'page', value: 405 })).toBe('(Yuval-Davis 1997, p. 405)');
    expect(quoteCitation({ author: [{ family: 'Moore', given: 'Roger' }] })).toBe('(Moore n.d.)');
  });

  it('names two authors, shortens three or more, and falls back to editors, institutions and titles', () => {
    expect(citationAuthors({ author: [{ family: 'Sharp' }, { family: 'McDowell' }] })).toBe('Sharp and McDowell');
    expect(citationAuthors({ author: [{ family: 'A' }, { family: 'B' }, { family: 'C' }] })).toBe('A et al.');
    expect(citationAuthors({ editor: [{ family: 'Sharp' }] })).toBe('Sharp');
    expect(citationAuthors({ author: [{ literal: 'All Favorite Movies (AFM)' }] })).toBe('All Favorite Movies (AFM)');
    expect(citationAuthors({ title: 'Kantemir Balagov: the twenty-something from the North Caucasus' })).toBe('Kantemir Balagov: the twenty-something…');
    expect(citationAuthors({ author: [{ family: 'Hoek', 'non-dropping-particle': 'van der' }] })).toBe('van der Hoek');
  });
});
