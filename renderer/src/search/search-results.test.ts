import { describe, expect, it } from 'vitest';
import type { SearchHit } from '../../../app/search/search-library';
import { groupHits, snippetParts } from './search-results';

const hit = (kind: SearchHit['kind'], title: string): SearchHit => ({ kind, title, snippet: { text: '', highlights: [] }, score: 1 });

describe('groupHits', () => {
  it('groups by kind in a fixed order and leaves out empty groups', () => {
    const groups = groupHits([hit('highlight', 'h1'), hit('document', 'd1'), hit('highlight', 'h2')]);
    expect(groups.map((group) => group.label)).toEqual(['Documents', 'Highlights']);
    expect(groups[1]!.hits.map((h) => h.title)).toEqual(['h1', 'h2']);
  });
});

describe('snippetParts', () => {
  it('marks the highlighted ranges', () => {
    expect(snippetParts({ text: 'the mise-en-scène of it', highlights: [[4, 17]] })).toEqual([
      { text: 'the ', marked: false },
      { text: 'mise-en-scène', marked: true },
      { text: ' of it', marked: false },
    ]);
  });

  it('tolerates unsorted, overlapping and out-of-range ranges', () => {
    const parts = snippetParts({ text: 'abcdef', highlights: [[4, 9], [0, 2], [1, 3]] });
    expect(parts).toEqual([
      { text: 'ab', marked: true },
      { text: 'c', marked: true },
      { text: 'd', marked: false },
      { text: 'ef', marked: true },
    ]);
  });
});
