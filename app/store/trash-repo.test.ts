import { afterEach, describe, expect, it } from 'vitest';
import type { LecternDb } from './db';
import { saveImportedDocument } from './documents-repo';
import { putAnnotations } from './annotations-repo';
import { addToCollection, createCollection, documentsInCollection } from './collections-repo';
import { setTags } from './tags-repo';
import { countTrash, deleteForever, emptyExpiredTrash, listTrash, moveDocumentToTrash, restoreFromTrash } from './trash-repo';
import { openTestDb, sampleDocument } from './test-support';
import type { StoredAnnotation } from './records';

let db: LecternDb;
afterEach(() => db?.close());

const DAY = 24 * 60 * 60 * 1000;

function note(id: string, docId: string, text: string): StoredAnnotation {
  return {
    id,
    docId,
    selectors: [{ type: 'TextQuoteSelector', exact: 'earlier work', prefix: 'on ', suffix: ' [1]' }],
    color: 'green',
    noteJson: { root: { children: [{ type: 'paragraph', children: [{ type: 'text', text }] }] } },
    noteText: text,
    createdAt: 5,
    updatedAt: 6,
  };
}

/** Every row of every document table, sorted, so "identical" can be checked in one expect. */
async function snapshot(): Promise<Record<string, unknown[]>> {
  const out: Record<string, unknown[]> = {};
  for (const table of [db.documents, db.contents, db.originals, db.references, db.citations, db.annotations, db.collectionItems]) {
    out[table.name] = await table.toArray();
  }
  return out;
}

async function seedLibrary(): Promise<string> {
  const doc = sampleDocument('t');
  await saveImportedDocument(db, doc, {
    original: new Uint8Array([9, 8, 7]),
    references: [{ id: 'ref-0', index: 0, raw: 'Smith 2001.', csl: { id: 'smith', type: 'book', title: 'Earlier' } }],
    citations: [{ id: 'cit-0', start: 50, end: 53, kind: 'numeric', referenceIds: ['ref-0'] }],
  });
  await putAnnotations(db, [note('h1', doc.id, 'first thought'), note('h2', doc.id, 'second thought')]);
  await setTags(db, doc.id, ['film']);
  const course = await createCollection(db, 'Course');
  await addToCollection(db, course.id, [doc.id]);
  await saveImportedDocument(db, sampleDocument('other'));
  await putAnnotations(db, [note('h3', sampleDocument('other').id, 'unrelated')]);
  return doc.id;
}

describe('trash', () => {
  it('moves a document with its highlights and notes to the trash and restores it identical', async () => {
    db = await openTestDb();
    const docId = await seedLibrary();
    const before = await snapshot();

    const trashId = await moveDocumentToTrash(db, docId, 1_000);
    expect(trashId).toEqual(expect.any(String));
    expect(await db.documents.get(docId)).toBeUndefined();
    expect(await db.annotations.where('docId').equals(docId).count()).toBe(0);
    expect(await db.contents.get(docId)).toBeUndefined();
    expect(await db.annotations.get('h3')).toBeDefined();
    const [listed] = await listTrash(db);
    expect(listed).toMatchObject({ id: trashId, docId, title: 'Reading notes t', annotationCount: 2, deletedAt: 1_000 });
    expect(await countTrash(db)).toBe(1);

    expect(await restoreFromTrash(db, trashId!)).toEqual({ ok: true, docId });
    expect(await snapshot()).toEqual(before);
    expect(await listTrash(db)).toEqual([]);
    expect(await countTrash(db)).toBe(0);
    const [collection] = await db.collections.toArray();
    expect((await documentsInCollection(db, collection!.id)).map((d) => d.id)).toContain(docId);
  });

  it('refuses to restore over a document imported again meanwhile, and changes nothing', async () => {
    db = await openTestDb();
    const docId = await seedLibrary();
    const trashId = (await moveDocumentToTrash(db, docId))!;
    await saveImportedDocument(db, sampleDocument('t'));
    const result = await restoreFromTrash(db, trashId);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error).toMatch(/already in the library/);
    expect(await db.trash.count()).toBe(1);
    expect(await db.annotations.where('docId').equals(docId).count()).toBe(0);
    const missing = await restoreFromTrash(db, 'missing');
    expect(!missing.ok && missing.error).toMatch(/no longer in the trash/);
  });

  it('empties entries older than 30 days, and not before', async () => {
    db = await openTestDb();
    const docId = await seedLibrary();
    const deletedAt = 10 * DAY;
    await moveDocumentToTrash(db, docId, deletedAt);
    expect(await emptyExpiredTrash(db, deletedAt + 29 * DAY)).toBe(0);
    expect(await emptyExpiredTrash(db, deletedAt + 30 * DAY)).toBe(0);
    expect(await db.trash.count()).toBe(1);
    expect(await emptyExpiredTrash(db, deletedAt + 30 * DAY + 1)).toBe(1);
    expect(await db.trash.count()).toBe(0);
    expect(await emptyExpiredTrash(db, deletedAt + 60 * DAY, 90)).toBe(0);
  });

  it('deletes forever on request and reports a missing document', async () => {
    db = await openTestDb();
    const docId = await seedLibrary();
    expect(await moveDocumentToTrash(db, 'nope')).toBeNull();
    const trashId = (await moveDocumentToTrash(db, docId))!;
    expect(await deleteForever(db, trashId)).toBe(true);
    expect(await deleteForever(db, trashId)).toBe(false);
    expect(await listTrash(db)).toEqual([]);
  });
});
