import { describe, expect, it } from 'vitest';
import type { CslItem } from '../documents/model';
import { buildCitationMap, shortLabel, type MapInput } from './graph';

const item = (id: string, family: string, year: number, title = `About ${family}`): CslItem => ({
  id,
  type: 'article-journal',
  title,
  author: [{ family, given: 'Ann' }],
  issued: { 'date-parts': [[year]] },
});

// Three sources: A and B cite Smith 2001; B cites C, which is in the library; C names Jones.
const input: MapInput = {
  documents: [
    { id: 'A', title: 'Paper A', metadata: item('A', 'Alpha', 2020), tags: ['thesis'] },
    { id: 'B', title: 'Paper B', metadata: item('B', 'Beta', 2021), tags: [] },
    { id: 'C', title: 'Paper C', metadata: item('C', 'Gamma', 2015), tags: ['thesis'] },
  ],
  works: [
    { key: 'smith', csl: item('smith', 'Smith', 2001), citedIn: [{ docId: 'A' }, { docId: 'B' }, { docId: 'B' }], mentionedIn: [] },
    { key: 'gamma', csl: item('gamma', 'Gamma', 2015), citedIn: [{ docId: 'B' }], mentionedIn: [{ docId: 'A' }], libraryDocId: 'C' },
  ],
  people: [
    { key: 'smith ann', name: 'Ann Smith', otherSpellings: ['A. Smith'], documents: [{ docId: 'A' }, { docId: 'B' }] },
    { key: 'jones', name: 'Bob Jones', otherSpellings: [], documents: [{ docId: 'C' }] },
    { key: 'gamma ann', name: 'Ann Gamma', otherSpellings: [], documents: [{ docId: 'B' }, { docId: 'C' }] },
  ],
};

describe('buildCitationMap', () => {
  it('draws a cited work that is in the library as its source, once, weighted by the sources linking it', () => {
    const map = buildCitationMap(input);
    expect(map.nodes.map((n) => n.id).sort()).toEqual(['p:gamma ann', 'p:jones', 'p:smith ann', 's:A', 's:B', 's:C', 'w:smith']);
    const c = map.nodes.find((n) => n.id === 's:C')!;
    expect(c).toMatchObject({ kind: 'source', workKey: 'gamma', weight: 2, label: 'Gamma 2015' });
    expect(map.edges.filter((e) => e.target === 's:C').map((e) => `${e.kind} ${e.source}`).sort()).toEqual(['cites s:B', 'mentions s:A', 'wrote p:gamma ann']);
    expect(map.nodes.find((n) => n.id === 'w:smith')!.weight).toBe(2);
    expect(map.edges.filter((e) => e.target === 'w:smith').map((e) => `${e.kind} ${e.source}`).sort()).toEqual(['cites s:A', 'cites s:B', 'wrote p:smith ann']);
    // Ann Gamma wrote C: named by B, not "named" by her own paper.
    expect(map.edges.filter((e) => e.source === 's:C' || e.target === 'p:gamma ann').map((e) => `${e.kind} ${e.source} ${e.target}`).sort()).toEqual([
      'names s:B p:gamma ann',
      'names s:C p:jones',
    ]);
  });

  it('filters by collection and tag: works and people losing every source drop out', () => {
    const onlyA = buildCitationMap(input, { docIds: new Set(['A']) });
    expect(onlyA.nodes.map((n) => n.id).sort()).toEqual(['p:smith ann', 's:A', 'w:smith']);
    const thesis = buildCitationMap(input, { tag: 'thesis' });
    expect(thesis.nodes.filter((n) => n.kind === 'source').map((n) => n.id)).toEqual(['s:A', 's:C']);
    expect(thesis.edges.map((e) => `${e.kind} ${e.source} ${e.target}`).sort()).toEqual([
      'cites s:A w:smith',
      'mentions s:A s:C',
      'names s:A p:smith ann',
      'names s:C p:jones',
      'wrote p:gamma ann s:C',
      'wrote p:smith ann w:smith',
    ]);
  });

  it('keeps only works and people in at least N sources, and the authors of what stays', () => {
    const map = buildCitationMap(input, { minSources: 2 });
    expect(map.nodes.map((n) => n.id).sort()).toEqual(['p:gamma ann', 'p:smith ann', 's:A', 's:B', 's:C', 'w:smith']);
    expect(buildCitationMap(input, { minSources: 3 }).nodes.filter((n) => n.kind !== 'source')).toEqual([]);
  });

  it('labels works short: family names and year, else the shortened title', () => {
    expect(shortLabel(item('x', 'Kuvshinova', 2017))).toBe('Kuvshinova 2017');
    expect(shortLabel({ ...item('x', 'Hothorn', 2008), author: [{ family: 'Hothorn' }, { family: 'Bretz' }, { family: 'Westfall' }] })).toBe('Hothorn et al. 2008');
    expect(shortLabel({ ...item('x', 'Hothorn', 2008), author: [{ family: 'Hothorn' }, { family: 'Zeileis' }] })).toBe('Hothorn & Zeileis 2008');
    expect(shortLabel({ id: 'x', type: 'book', title: 'A very long title about simultaneous inference in general models' })).toBe('A very long title about…');
    expect(shortLabel({ id: 'x', type: 'book' }, '')).toBe('Untitled');
  });
});
