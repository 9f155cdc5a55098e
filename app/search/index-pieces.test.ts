// The index is saved in pieces: a manifest row and one row per shard. A change rewrites only the
// pieces it touched; an index saved whole by the previous version, or missing a piece, is rebuilt.
import { afterEach, describe, expect, it } from 'vitest';
import type { LecternDb } from '../store/db';
import { saveImportedDocument } from '../store/documents-repo';
import { putAnnotation } from '../store/annotations-repo';
import { putNotebook } from '../store/notebooks-repo';
import type { StoredAnnotation } from '../store/records';
import { openTestDb, sampleDocument } from '../store/test-support';
import { LIBRARY_INDEX_KEY, SearchIndexStore, shardKey } from './index-store';
import { SHARD_COUNT, shardOf } from './sharded-index';

let db: LecternDb;
afterEach(() => db?.close());

const noteText = (state: unknown): string => (state as { text?: string } | undefined)?.text ?? '';

function highlight(id: string, docId: string, note: string, updatedAt: number): StoredAnnotation {
  return { id, docId, selectors: [{ type: 'TextQuoteSelector', exact: 'a quoted line', prefix: '', suffix: '' }], color: 'yellow', noteJson: { text: note }, noteText: '', createdAt: 1, updatedAt };
}

/** Documents enough to fill several shards. */
async function seed(count = 12): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < count; i++) {
    const doc = sampleDocument(`p${i}`, { text: `Pieces ${i}\nA chapter on topic${i} and the library's shared words.` });
    await saveImportedDocument(db, doc);
    ids.push(doc.id);
  }
  return ids;
}

async function rows(): Promise<Map<string, string>> {
  const all = await db.searchIndex.toArray();
  return new Map(all.map((row) => [row.key, JSON.stringify(row.value)]));
}

describe('the search index in pieces', () => {
  it('saves one row per shard beside the manifest, and a change rewrites only its shard', async () => {
    db = await openTestDb();
    const ids = await seed();
    const store = new SearchIndexStore(noteText);
    expect(await store.loadOrBuild(db)).toBe('rebuilt');
    const before = await rows();
    expect([...before.keys()].sort()).toEqual([LIBRARY_INDEX_KEY, ...Array.from({ length: SHARD_COUNT }, (_, n) => shardKey(n))].sort());

    const docId = ids[3]!;
    await putAnnotation(db, highlight('h1', docId, 'a remark on provenance', 5));
    await store.updateAnnotation(db, 'h1');
    expect(await store.persist(db)).toEqual([shardKey(shardOf(docId))]);
    const after = await rows();
    for (const [key, value] of before) {
      if (key === shardKey(shardOf(docId)) || key === LIBRARY_INDEX_KEY) expect(after.get(key), key).not.toBe(value);
      else expect(after.get(key), key).toBe(value);
    }
    // Nothing changed since: a save writes the manifest alone.
    expect(await store.persist(db)).toEqual([]);

    await putNotebook(db, { id: 'nb', title: 'Reading plan', content: { text: 'provenance again' }, updatedAt: 6 });
    await store.updateNotebook(db, 'nb');
    store.removeDocument(ids[5]!);
    expect(await store.persist(db)).toEqual([...new Set([shardOf('nb'), shardOf(ids[5]!)])].sort((a, b) => a - b).map(shardKey));

    const reloaded = new SearchIndexStore(noteText);
    expect(await reloaded.loadOrBuild(db)).toBe('loaded');
    expect((await reloaded.search('provenance')).map((hit) => hit.kind).sort()).toEqual(['highlight', 'notebook']);
    expect((await reloaded.search('topic5')).some((hit) => hit.docId === ids[5])).toBe(false);
    expect((await reloaded.search('topic7'))[0]?.docId).toBe(ids[7]);
  });

  it('rebuilds an index the previous version saved whole in one row, and replaces that row', async () => {
    db = await openTestDb();
    const ids = await seed(3);
    const fingerprint = JSON.stringify([3, null, 0, null, 0, null]);
    await db.searchIndex.put({ key: LIBRARY_INDEX_KEY, value: { version: 1, fingerprint, index: { mini: '{}', highlightsByDoc: [] } } });
    const store = new SearchIndexStore(noteText);
    expect(await store.loadOrBuild(db)).toBe('rebuilt');
    expect((await store.search('topic1'))[0]?.docId).toBe(ids[1]);
    expect((await db.searchIndex.get(LIBRARY_INDEX_KEY))?.value).toMatchObject({ layout: 'shards', shards: SHARD_COUNT });
  });

  it('rebuilds when a piece is missing or damaged', async () => {
    db = await openTestDb();
    const ids = await seed(4);
    await new SearchIndexStore(noteText).loadOrBuild(db);
    await db.searchIndex.delete(shardKey(2));
    const store = new SearchIndexStore(noteText);
    expect(await store.loadOrBuild(db)).toBe('rebuilt');
    expect((await store.search('topic2'))[0]?.docId).toBe(ids[2]);
    await db.searchIndex.put({ key: shardKey(0), value: { version: 1, index: { mini: 'not json', highlightsByDoc: [] } } });
    expect(await new SearchIndexStore(noteText).loadOrBuild(db)).toBe('rebuilt');
    expect(await new SearchIndexStore(noteText).loadOrBuild(db)).toBe('loaded');
  });
});
