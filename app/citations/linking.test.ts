import { describe, expect, it } from 'vitest';
import type { CslItem } from '../documents/model';
import { findInTextCitations } from './in-text';
import { authorMatcher, linkCitation, type LinkableReference } from './linking';

function ref(id: string, families: string[], year: number, extra: Partial<CslItem> = {}): LinkableReference {
  return { id, csl: { id, type: 'book', author: families.map((family) => ({ family, given: 'A.' })), issued: { 'date-parts': [[year]] }, ...extra } };
}

const references = [
  ref('smith2019', ['Smith'], 2019),
  ref('smith2020a', ['Smith'], 2020, { 'year-suffix': 'a' }),
  ref('smith2020b', ['Smith'], 2020, { 'year-suffix': 'b' }),
  ref('smithlee2020', ['Smith', 'Lee'], 2020),
  ref('smithetal2018', ['Smith', 'Jones', 'Park'], 2018),
  ref('kuvshinova2017', ['Kuvshinova'], 2017),
  ref('garciamarquez1967', ['García Márquez'], 1967),
];

function linked(sentence: string) {
  const context = { isKnownAuthor: authorMatcher(references) };
  return findInTextCitations(sentence, context).map((c) => linkCitation(c, references));
}

describe('linkCitation', () => {
  it('links by family name, year and suffix letter', () => {
    expect(linked('(Smith 2019)')[0]?.referenceIds).toEqual(['smith2019']);
    expect(linked('(Smith 2020b)')[0]?.referenceIds).toEqual(['smith2020b']);
    expect(linked('(Smith 2020a, 2020b)')[0]?.referenceIds).toEqual(['smith2020a', 'smith2020b']);
  });

  it('uses the number of authors and et al. to choose among same-year works', () => {
    expect(linked('(Smith and Lee 2020)')[0]?.referenceIds).toEqual(['smithlee2020']);
    expect(linked('Smith et al. (2018) agree.')[0]?.referenceIds).toEqual(['smithetal2018']);
  });

  it('folds transliterations and matches one word of a compound family name', () => {
    expect(linked('(Kuvšinova 2017)')[0]?.referenceIds).toEqual(['kuvshinova2017']);
    expect(linked('(Márquez 1967)')[0]?.referenceIds).toEqual(['garciamarquez1967']);
  });

  it('keeps unmatched items, flagged', () => {
    const [c] = linked('(Smith 2021; Kuvshinova 2017)');
    expect(c?.referenceIds).toEqual(['kuvshinova2017']);
    expect(c?.unresolved).toBe(true);
    expect(c?.items[0]).toMatchObject({ referenceIds: [], unresolved: true });
  });

  it('links numeric citations by label or position', () => {
    const numbered = [{ ...ref('a', ['A'], 2000), number: 1 }, { ...ref('b', ['B'], 2001), number: 2 }];
    const [c] = findInTextCitations('shown [1, 2]', { numberedList: true, entryCount: 2 });
    expect(c && linkCitation(c, numbered).referenceIds).toEqual(['a', 'b']);
    const [d] = findInTextCitations('shown [3]', { numberedList: true, entryCount: 3 });
    expect(d && linkCitation(d, numbered)).toMatchObject({ referenceIds: [], unresolved: true });
  });
  it('links to an entry whose authors the parser kept as one literal', () => {
    const pinheiro = { id: 'p', csl: { id: 'p', type: 'book', author: [{ literal: 'Pinheiro J, Bates D, DebRoy S, Sarkar D, R Core Team' }], issued: { 'date-parts': [[2014]] } } };
    const [c] = findInTextCitations('the nlme package (Pinheiro et al. 2014) fits', { isKnownAuthor: () => true });
    expect(c && linkCitation(c, [pinheiro as never]).referenceIds).toEqual(['p']);
  });
});
