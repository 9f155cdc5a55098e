import { afterEach, describe, expect, it } from 'vitest';
import { IDBFactory } from 'fake-indexeddb';
import type { LecternDb } from '../store/db';
import { deleteDocument, saveImportedDocument } from '../store/documents-repo';
import { putAnnotation } from '../store/annotations-repo';
import { putNotebook } from '../store/notebooks-repo';
import { openTestDb, sampleDocument } from '../store/test-support';
import type { StoredAnnotation } from '../store/records';
import { LIBRARY_INDEX_KEY, SearchIndexStore } from './index-store';

let db: LecternDb;
afterEach(() => db?.close());

/** A note's text runs, a line each. The app reads notes through Lexical (renderer/src/notes/note-text.ts, tested there). */
const noteText = (state: unknown): string =>
  [...JSON.stringify(state ?? null).matchAll(/"text":("(?:[^"\\]|\\.)*")/g)].map((match) => JSON.parse(match[1] ?? '""') as string).join('\n');

function highlight(id: string, docId: string, note: string, updatedAt = 1): StoredAnnotation {
  return {
    id,
    docId,
    selectors: [{ type: 'TextQuoteSelector', exact: 'earlier work', prefix: '', suffix: '' }],
    color: 'yellow',
    noteJson: { root: { children: [{ type: 'paragraph', children: [{ type: 'text', text: note }] }] } },
    noteText: '',
    createdAt: 1,
    updatedAt,
  };
}

async function seed(): Promise<string> {
  const doc = sampleDocument('s', { text: 'Reading notes s\nThe Zvyagintsev retrospective ends with Leviathan.' });
  await saveImportedDocument(db, doc);
  await putAnnotation(db, highlight('h1', doc.id, 'ask about the ending'));
  await putNotebook(db, { id: 'n1', title: 'Thesis plan', content: { root: { children: [{ type: 'paragraph', children: [{ type: 'text', text: 'chapter on mise-en-scène' }] }] } }, updatedAt: 1 });
  return doc.id;
}

const summary = (hits: { kind: string; docId?: string; annotationId?: string; notebookId?: string; offset?: number }[]) =>
  hits.map((h) => [h.kind, h.docId ?? h.notebookId, h.annotationId, h.offset]);

describe('SearchIndexStore', () => {
  it('rebuilds a missing index, persists it, and a reload answers the same', async () => {
    const indexedDB = new IDBFactory();
    db = await openTestDb({ indexedDB, name: 'search' });
    await seed();
    const first = new SearchIndexStore(noteText);
    expect(await first.loadOrBuild(db)).toBe('rebuilt');
    expect(await db.searchIndex.get(LIBRARY_INDEX_KEY)).toBeDefined();
    const queries = ['zviagintsev', 'ending', 'scene', 'leviat', 'thesis'];
    const answers = await Promise.all(queries.map((q) => first.search(q)));
    expect(answers.every((a) => a.length > 0)).toBe(true);
    db.close();

    db = await openTestDb({ indexedDB, name: 'search' });
    const second = new SearchIndexStore(noteText);
    expect(await second.loadOrBuild(db)).toBe('loaded');
    for (const [i, q] of queries.entries()) expect(summary(await second.search(q)), q).toEqual(summary(answers[i]!));
    expect((await second.search('zviagintsev'))[0]?.snippet.text).toContain('Zvyagintsev');
  });

  it('rebuilds when the persisted index is of an old version or missed changes', async () => {
    db = await openTestDb();
    const docId = await seed();
    const store = new SearchIndexStore(noteText);
    await store.loadOrBuild(db);
    const row = (await db.searchIndex.get(LIBRARY_INDEX_KEY))!;
    await db.searchIndex.put({ key: LIBRARY_INDEX_KEY, value: { ...(row.value as object), version: 0 } });
    expect(await new SearchIndexStore(noteText).loadOrBuild(db)).toBe('rebuilt');
    // A note written while the index was not listening is found after the next start.
    await putAnnotation(db, highlight('h2', docId, 'unexpected cinematography', 5));
    const later = new SearchIndexStore(noteText);
    expect(await later.loadOrBuild(db)).toBe('rebuilt');
    expect(summary(await later.search('cinematography'))).toEqual([['highlight', docId, 'h2', undefined]]);
    await db.searchIndex.put({ key: LIBRARY_INDEX_KEY, value: { garbage: true } });
    expect(await new SearchIndexStore(noteText).loadOrBuild(db)).toBe('rebuilt');
  });

  it('follows documents, highlights and notebooks as they change', async () => {
    db = await openTestDb();
    const docId = await seed();
    const store = new SearchIndexStore(noteText);
    await store.loadOrBuild(db);

    await putAnnotation(db, highlight('h1', docId, 'a new thought on framing', 2));
    await store.updateAnnotation(db, 'h1');
    expect(await store.search('ending')).toEqual([]);
    expect(summary(await store.search('framing'))).toEqual([['highlight', docId, 'h1', undefined]]);
    await db.annotations.delete('h1');
    await store.updateAnnotation(db, 'h1');
    expect(await store.search('framing')).toEqual([]);

    await putNotebook(db, { id: 'n1', title: 'Thesis plan', content: { root: { children: [{ text: 'montage' }] } }, updatedAt: 2 });
    await store.updateNotebook(db, 'n1');
    expect(summary(await store.search('montage'))).toEqual([['notebook', 'n1', undefined, undefined]]);
    await db.notebooks.delete('n1');
    await store.updateNotebook(db, 'n1');
    expect(await store.search('montage')).toEqual([]);

    const other = sampleDocument('o', { text: 'Notes on Balagov and Closeness.' });
    await saveImportedDocument(db, other);
    await store.addDocument(db, other.id);
    expect((await store.search('balag'))[0]?.docId).toBe(other.id);
    await deleteDocument(db, other.id);
    store.removeDocument(other.id);
    expect(await store.search('balag')).toEqual([]);

    await store.persist(db);
    const reloaded = new SearchIndexStore(noteText);
    expect(await reloaded.loadOrBuild(db)).toBe('loaded');
    expect(await reloaded.search('balag')).toEqual([]);
    expect(summary(await reloaded.search('leviathan'))).toEqual([['document', docId, undefined, expect.any(Number)]]);
  });

  it('asks to wait while loading', async () => {
    await expect(new SearchIndexStore(noteText).search('x')).rejects.toThrow(/still loading/);
  });
});
