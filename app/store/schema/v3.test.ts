import { describe, expect, it } from 'vitest';
import { IDBFactory } from 'fake-indexeddb';
import { importFile } from '../../documents/import';
import { findPreviousVersion } from '../document-versions';
import { saveImportedDocument } from '../documents-repo';
import { openTestDb, sampleDocument } from '../test-support';
import type { LecternDb } from '../db';

const paragraphs = [
  'Closeness is set in Nalchik in 1998, on the eve of the Second Chechen War.',
  'Ilana works as a mechanic in her father’s garage and refuses the role her community assigns her.',
  'The kidnapping of her brother David and his fiancée Lea sets the drama in motion.',
];

async function parse(name: string, text: string) {
  const result = await importFile(name, new TextEncoder().encode(text));
  if (!result.ok) throw new Error(result.error);
  return result.value;
}

async function dump(db: LecternDb): Promise<Record<string, unknown[]>> {
  const out: Record<string, unknown[]> = {};
  for (const table of db.tables) out[table.name] = await table.toArray();
  return out;
}

describe('schema version 3', () => {
  it('keeps every row of a version-2 library and finds earlier versions stored before the upgrade', async () => {
    const indexedDB = new IDBFactory();
    const old = await openTestDb({ indexedDB, name: 'upgrade', schemaVersion: 2 });
    const review = await parse('review.txt', paragraphs.join('\n\n'));
    await saveImportedDocument(old, review);
    // Same file name in another format, and another name: neither is an earlier version of the review.
    await saveImportedDocument(old, sampleDocument('a', { fileName: 'review.txt', format: 'md' }));
    await saveImportedDocument(old, sampleDocument('b'));
    await old.documents.update(review.id, { tags: ['thesis'] });
    const before = await dump(old);
    old.close();

    const db = await openTestDb({ indexedDB, name: 'upgrade', schemaVersion: 3 });
    expect(db.verno).toBe(3);
    expect(await dump(db)).toEqual(before);
    // The index was built from the rows already there.
    expect((await db.documents.where('[fileName+format]').equals(['review.txt', 'txt']).primaryKeys())).toEqual([review.id]);
    expect(await db.documents.where('[fileName+format]').equals(['review.txt', 'md']).count()).toBe(1);
    const edited = await parse('review.txt', [paragraphs[0], paragraphs[1]!.replace('garage', 'workshop'), paragraphs[2]].join('\n\n'));
    expect(await findPreviousVersion(db, edited)).toBe(review.id);
    expect(await findPreviousVersion(db, await parse('notes-b.md', 'Unrelated notes on another film.'))).toBeNull();
    db.close();
  });
});
