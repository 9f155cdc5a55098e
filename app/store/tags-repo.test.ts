import { afterEach, describe, expect, it } from 'vitest';
import type { LecternDb } from './db';
import { saveImportedDocument } from './documents-repo';
import { documentsWithTag, listAllTags, normalizeTags, setTags } from './tags-repo';
import { openTestDb, sampleDocument } from './test-support';

let db: LecternDb;
afterEach(() => db?.close());

describe('tags', () => {
  it('normalizes: trims, collapses spaces, drops empties and case duplicates', () => {
    expect(normalizeTags([' Film ', 'film', '', 'week  2', 'FILM', 'Week 2'])).toEqual(['Film', 'week 2']);
  });

  it('sets tags, lists them with counts and finds documents by tag', async () => {
    db = await openTestDb();
    const a = sampleDocument('a');
    const b = sampleDocument('b');
    await saveImportedDocument(db, a);
    await saveImportedDocument(db, b);
    expect(await setTags(db, a.id, ['film', 'week 10', 'Ёлка'])).toBe(true);
    expect(await setTags(db, b.id, ['film', 'week 2'])).toBe(true);
    expect(await setTags(db, 'missing', ['x'])).toBe(false);
    expect(await listAllTags(db)).toEqual([
      { tag: 'film', count: 2 },
      { tag: 'week 2', count: 1 },
      { tag: 'week 10', count: 1 },
      { tag: 'Ёлка', count: 1 },
    ]);
    expect((await documentsWithTag(db, 'film')).map((d) => d.id).sort()).toEqual([a.id, b.id]);
    await setTags(db, a.id, []);
    expect((await documentsWithTag(db, 'film')).map((d) => d.id)).toEqual([b.id]);
    expect((await db.documents.get(a.id))?.tags).toEqual([]);
  });
});
