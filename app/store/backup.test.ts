import { afterEach, describe, expect, it } from 'vitest';
import type { LecternDb } from './db';
import { exportLibrary, importLibrary, type BackupProgress } from './backup';
import { saveImportedDocument } from './documents-repo';
import { putAnnotations } from './annotations-repo';
import { putNotebook } from './notebooks-repo';
import { addToCollection, createCollection } from './collections-repo';
import { setTags } from './tags-repo';
import { moveDocumentToTrash } from './trash-repo';
import { openTestDb, sampleDocument } from './test-support';
import type { StoredAnnotation } from './records';

const HIGHLIGHTS = 2_500;
const open: LecternDb[] = [];
afterEach(() => open.splice(0).forEach((db) => db.close()));
async function fresh(): Promise<LecternDb> {
  const db = await openTestDb();
  open.push(db);
  return db;
}

function annotation(i: number, docId: string, updatedAt = i): StoredAnnotation {
  return {
    id: `a-${i}`,
    docId,
    selectors: [
      { type: 'TextQuoteSelector', exact: `quote ${i}`, prefix: 'p', suffix: 's' },
      { type: 'TextPositionSelector', start: i, end: i + 7 },
    ],
    color: ['yellow', 'green', 'blue'][i % 3]!,
    noteJson: i % 4 === 0 ? { root: { children: [{ type: 'paragraph', children: [{ type: 'text', text: `note ${i} — ёлка` }] }] } } : null,
    noteText: i % 4 === 0 ? `note ${i} — ёлка` : '',
    createdAt: i,
    updatedAt,
  };
}

/** A library with every kind of row: documents (one with a Blob original), highlights, notebooks, tags, a collection, the trash. */
async function fillLibrary(db: LecternDb, highlights: number): Promise<string[]> {
  const docs = ['a', 'b', 'c', 'd'].map((seed) => sampleDocument(seed));
  await saveImportedDocument(db, docs[0]!, { original: new Blob([new Uint8Array([37, 80, 68, 70])], { type: 'application/pdf' }) });
  await saveImportedDocument(db, docs[1]!, {
    original: new Uint8Array([1, 2, 3]),
    references: [{ id: 'b-ref', index: 0, raw: 'Smith 2001.', csl: { id: 'smith', type: 'book', title: 'Earlier' } }],
    citations: [{ id: 'b-cit', start: 50, end: 53, kind: 'numeric', referenceIds: ['b-ref'] }],
  });
  await saveImportedDocument(db, docs[2]!);
  await saveImportedDocument(db, docs[3]!);
  const ids = docs.map((d) => d.id);
  await putAnnotations(db, Array.from({ length: highlights }, (_, i) => annotation(i, ids[i % 3]!)));
  await putAnnotations(db, [annotation(highlights, ids[3]!)]);
  await putNotebook(db, { id: 'n1', title: 'Seminar', content: { root: { children: [{ text: 'plan' }] } }, updatedAt: 5 });
  await putNotebook(db, { id: 'n2', title: 'Thesis', content: { root: { children: [] } }, updatedAt: 6 });
  await setTags(db, ids[0]!, ['film', 'thesis']);
  const course = await createCollection(db, 'Course', 7);
  await addToCollection(db, course.id, [ids[0]!, ids[1]!], 8);
  await moveDocumentToTrash(db, ids[3]!, 9);
  await db.searchIndex.put({ key: 'library', value: { stale: true } });
  return ids;
}

async function dumpAll(db: LecternDb): Promise<Record<string, unknown[]>> {
  const out: Record<string, unknown[]> = {};
  for (const table of db.tables) if (table.name !== 'searchIndex') out[table.name] = await table.toArray();
  return out;
}

async function blobBytes(db: LecternDb, docId: string): Promise<number[]> {
  const data = (await db.originals.get(docId))!.data;
  expect(data).toBeInstanceOf(Blob);
  return [...new Uint8Array(await (data as Blob).arrayBuffer())];
}

describe('backup and restore', () => {
  // 2,500 highlights cross the backup's 2,000-row chunks, which is what size can break here; the
  // 10,000-highlight round trip is timed in bench/backup.bench.ts, never against a test timeout
  // (fake-indexeddb makes it take seconds on a busy 2-core machine).
  it('round-trips a library of 2,500 highlights into an empty database, every table equal', async () => {
    const source = await fresh();
    const ids = await fillLibrary(source, HIGHLIGHTS);
    const progress: BackupProgress[] = [];
    const file = await exportLibrary(source, { onProgress: (p) => progress.push(p) });
    expect(progress.at(-1)?.done).toBe(progress.at(-1)?.total);
    expect(progress.at(-1)!.total).toBeGreaterThan(HIGHLIGHTS);
    expect(progress.length).toBeGreaterThan(2);

    const target = await fresh();
    const result = await importLibrary(target, file, { mode: 'replace' });
    expect(result.ok).toBe(true);
    expect(result.ok && result.value.written.annotations).toBe(HIGHLIGHTS);
    expect(await dumpAll(target)).toEqual(await dumpAll(source));
    // toEqual sees no difference between any two Blobs, so compare their bytes.
    expect(await blobBytes(target, ids[0]!)).toEqual([37, 80, 68, 70]);
    expect((await target.originals.get(ids[1]!))?.data).toEqual(new Uint8Array([1, 2, 3]));
    expect(await target.searchIndex.count()).toBe(0);
    expect(await target.documents.where('tags').equals('film').count()).toBe(1);
  });

  it('replace empties the library first; merge keeps both sides and the newer note', async () => {
    const source = await fresh();
    const [a] = [sampleDocument('a')];
    await saveImportedDocument(source, a);
    await putAnnotations(source, [annotation(1, a.id, 100), annotation(2, a.id, 1), annotation(3, a.id, 3)]);
    await putNotebook(source, { id: 'shared', title: 'From backup', content: {}, updatedAt: 1 });
    const file = await exportLibrary(source);

    const target = await fresh();
    const mine = sampleDocument('mine');
    await saveImportedDocument(target, mine);
    await saveImportedDocument(target, a);
    await target.documents.update(a.id, { title: 'Renamed here' });
    await putAnnotations(target, [annotation(1, a.id, 50), { ...annotation(2, a.id, 9), color: 'mine' }, annotation(9, mine.id)]);
    await putNotebook(target, { id: 'shared', title: 'Edited here', content: {}, updatedAt: 2 });

    const merged = await importLibrary(target, file, { mode: 'merge' });
    expect(merged.ok && merged.value.written).toMatchObject({ documents: 0, annotations: 2, notebooks: 0 });
    expect((await target.documents.toArray()).map((d) => d.title).sort()).toEqual(['Reading notes mine', 'Renamed here']);
    expect((await target.annotations.get('a-1'))?.updatedAt).toBe(100); // the backup's is newer
    expect((await target.annotations.get('a-2'))?.color).toBe('mine'); // the library's is newer
    expect(await target.annotations.get('a-3')).toBeDefined(); // only in the backup
    expect(await target.annotations.get('a-9')).toBeDefined(); // only in the library
    expect((await target.notebooks.get('shared'))?.title).toBe('Edited here');

    const replaced = await importLibrary(target, file, { mode: 'replace' });
    expect(replaced.ok).toBe(true);
    expect(await dumpAll(target)).toEqual(await dumpAll(source));
  });

  it('refuses a file that is not a Lectern backup, or is from a newer Lectern, changing nothing', async () => {
    const db = await fresh();
    await fillLibrary(db, 20);
    const before = await dumpAll(db);
    const good = JSON.parse(await (await exportLibrary(db)).text()) as { data: { databaseVersion: number; tables: { name: string }[] } };
    const files = [
      new Blob(['not json at all']),
      new Blob([JSON.stringify({ hello: 'world' })]),
      new Blob([JSON.stringify({ formatName: 'dexie', formatVersion: 1, data: { databaseName: 'x', databaseVersion: 1, tables: [{ name: 'todos', schema: 'id', rowCount: 0 }], data: [] } })]),
      new Blob([JSON.stringify({ ...good, data: { ...good.data, tables: good.data.tables.filter((t) => t.name !== 'annotations') } })]),
    ];
    for (const file of files) {
      const result = await importLibrary(db, file, { mode: 'replace' });
      expect(result.ok).toBe(false);
      expect(!result.ok && result.error).toMatch(/not a Lectern backup.*nothing was changed/);
    }
    const newer = new Blob([JSON.stringify({ ...good, data: { ...good.data, databaseVersion: 99 } })]);
    const refused = await importLibrary(db, newer, { mode: 'replace' });
    expect(!refused.ok && refused.error).toMatch(/newer version of Lectern/);
    expect(await dumpAll(db)).toEqual(before);
  });

  it('a cancelled restore leaves the library as it was', async () => {
    const source = await fresh();
    await fillLibrary(source, 3_000);
    const file = await exportLibrary(source);
    const target = await fresh();
    await fillLibrary(target, 10);
    const before = await dumpAll(target);
    const controller = new AbortController();
    const result = await importLibrary(target, file, {
      mode: 'replace',
      signal: controller.signal,
      onProgress: (progress) => {
        if (progress.done > 0) controller.abort();
      },
    });
    expect(!result.ok && result.error).toMatch(/cancelled; the library is as it was/);
    expect(await dumpAll(target)).toEqual(before);
    await expect(exportLibrary(source, { signal: AbortSignal.abort() })).rejects.toThrow();
  });

  it('restores a backup made before tags existed, filling them in', async () => {
    const db = await fresh();
    await saveImportedDocument(db, sampleDocument('old'));
    const file = JSON.parse(await (await exportLibrary(db)).text()) as {
      data: { databaseVersion: number; tables: { name: string }[]; data: { tableName: string; rows: Record<string, unknown>[] }[] };
    };
    file.data.databaseVersion = 1;
    for (const row of file.data.data.find((table) => table.tableName === 'documents')!.rows) {
      // A version-1 row never had tags, nor the type note the export writes for them.
      delete row.tags;
      const types = row.$types as Record<string, unknown> | undefined;
      if (types) delete types.tags;
    }
    const target = await fresh();
    expect(await importLibrary(target, new Blob([JSON.stringify(file)]), { mode: 'replace' })).toMatchObject({ ok: true });
    expect((await target.documents.toArray()).map((d) => d.tags)).toEqual([[]]);
  });
});
