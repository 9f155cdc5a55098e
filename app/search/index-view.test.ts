import { describe, expect, it } from 'vitest';
import MiniSearch from 'minisearch';
import { FIELD_BOOSTS, MINISEARCH_OPTIONS, type SearchEntry } from './library-index';
import { indexView, Role, termTree } from './index-view';

describe('indexView', () => {
  const mini = new MiniSearch<SearchEntry>(MINISEARCH_OPTIONS);
  mini.add({ id: 'd:a', kind: 'meta', docId: 'a', title: 'Leviathan' });
  mini.add({ id: 'c:a:0', kind: 'chunk', docId: 'a', text: 'the sea and the leviathan' });
  mini.add({ id: 'h:1', kind: 'highlight', docId: 'a', annotationId: '1', text: 'leviathan' });

  it("reads minisearch's term tree and entries (the pinned version's fields)", () => {
    const view = indexView(mini, FIELD_BOOSTS);
    const postings = termTree(mini).get('leviathan')!;
    expect([...postings.values()].reduce((n, docs) => n + docs.size, 0)).toBe(3);
    expect([...termTree(mini).atPrefix('lev')].map(([term]) => term)).toEqual(['leviathan']);
    expect([...termTree(mini).fuzzyGet('leviathen', 1).keys()]).toEqual(['leviathan']);
    expect(view.entryCount).toBe(3);
    expect([...view.role]).toEqual([Role.meta, Role.chunk, Role.highlight]);
    // A document's title line and chunks are one result; a highlight is its own.
    expect([...view.group]).toEqual([0, 0, 1]);
    expect(view.fields.find((f) => f.boost === 3)?.norm[0]).toBeGreaterThan(0);
  });

  it('is rebuilt after the index changes, and forgets removed entries', () => {
    const before = indexView(mini, FIELD_BOOSTS);
    expect(indexView(mini, FIELD_BOOSTS)).toBe(before);
    mini.add({ id: 'c:a:1', kind: 'chunk', docId: 'a', text: 'more sea' });
    const added = indexView(mini, FIELD_BOOSTS);
    expect(added).not.toBe(before);
    expect(added.group[3]).toBe(0);
    mini.discard('h:1');
    expect(indexView(mini, FIELD_BOOSTS).group[2]).toBe(-1);
    expect(indexView(mini, FIELD_BOOSTS).role[2]).toBe(Role.gone);
  });

  it('says so when the index is not a minisearch it can read', () => {
    expect(() => indexView({} as MiniSearch<SearchEntry>, FIELD_BOOSTS)).toThrow(/unknown format/);
  });
});
