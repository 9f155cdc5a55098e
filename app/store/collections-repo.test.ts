import { afterEach, describe, expect, it } from 'vitest';
import type { LecternDb } from './db';
import { deleteDocument, saveImportedDocument } from './documents-repo';
import {
  addToCollection,
  collectionDocIds,
  createCollection,
  deleteCollection,
  documentsInCollection,
  listCollections,
  removeFromCollection,
  renameCollection,
} from './collections-repo';
import { openTestDb, sampleDocument } from './test-support';

let db: LecternDb;
afterEach(() => db?.close());

describe('collections', () => {
  it('creates, renames, fills, empties and deletes collections without touching documents', async () => {
    db = await openTestDb();
    const [a, b, c] = ['a', 'b', 'c'].map((seed) => sampleDocument(seed));
    for (const doc of [a!, b!, c!]) await saveImportedDocument(db, doc);

    const thesis = await createCollection(db, '  Thesis ');
    const course = await createCollection(db, 'Course 2', 1);
    expect(thesis.name).toBe('Thesis');
    expect(await renameCollection(db, course.id, 'Course 10')).toBe(true);
    expect(await renameCollection(db, 'missing', 'x')).toBe(false);

    expect(await addToCollection(db, thesis.id, [b!.id, b!.id], 1)).toBe(true);
    expect(await addToCollection(db, thesis.id, [a!.id], 2)).toBe(true);
    expect(await addToCollection(db, thesis.id, [a!.id, c!.id], 3)).toBe(true);
    expect(await addToCollection(db, 'missing', [a!.id])).toBe(false);
    await addToCollection(db, course.id, [a!.id]);
    expect((await documentsInCollection(db, thesis.id)).map((d) => d.id)).toEqual([b!.id, a!.id, c!.id]);

    await removeFromCollection(db, thesis.id, [a!.id]);
    expect((await collectionDocIds(db, thesis.id)).sort()).toEqual([b!.id, c!.id].sort());
    await deleteDocument(db, c!.id);
    expect((await documentsInCollection(db, thesis.id)).map((d) => d.id)).toEqual([b!.id]);
    expect((await listCollections(db)).map((x) => [x.name, x.documentCount])).toEqual([
      ['Course 10', 1],
      ['Thesis', 1],
    ]);

    expect(await deleteCollection(db, thesis.id)).toBe(true);
    expect(await deleteCollection(db, thesis.id)).toBe(false);
    expect(await db.collectionItems.where('collectionId').equals(thesis.id).count()).toBe(0);
    expect(await db.documents.count()).toBe(2);
  });
});
