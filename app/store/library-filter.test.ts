import { describe, expect, it } from 'vitest';
import { filterDocuments } from './library-filter';
import { toSummary } from './document-summary';
import { sampleDocument } from './test-support';

const docs = ['a', 'b', 'c'].map((seed, i) => ({ ...toSummary(sampleDocument(seed), i), tags: i === 2 ? [] : ['Film', `week ${i}`] }));
const ids = (list: { id: string }[]) => list.map((d) => d.id.replace(/^0+/, ''));

describe('filterDocuments', () => {
  it('narrows by tag (ignoring case), by collection, by both, and not at all', () => {
    expect(ids(filterDocuments(docs, {}))).toEqual(['a', 'b', 'c']);
    expect(ids(filterDocuments(docs, { tag: 'film' }))).toEqual(['a', 'b']);
    expect(ids(filterDocuments(docs, { tag: 'week 1' }))).toEqual(['b']);
    const members = [docs[2]!.id, docs[0]!.id];
    expect(ids(filterDocuments(docs, { collectionId: 'x', collectionDocIds: members }))).toEqual(['a', 'c']);
    expect(ids(filterDocuments(docs, { tag: 'FILM', collectionId: 'x', collectionDocIds: members }))).toEqual(['a']);
    expect(filterDocuments(docs, { collectionId: 'empty' })).toEqual([]);
  });
});
