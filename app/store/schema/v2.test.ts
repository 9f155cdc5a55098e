import { describe, expect, it } from 'vitest';
import { IDBFactory } from 'fake-indexeddb';
import { openTestDb, sampleDocument } from '../test-support';
import { toSummary } from '../document-summary';
import type { LecternDb } from '../db';

/** A version-1 library with a bit of everything, written as version 1 wrote it (no tags). */
async function fillVersion1(db: LecternDb): Promise<void> {
  for (const seed of ['a', 'b', 'c']) {
    const doc = sampleDocument(seed);
    const { tags: _tags, ...v1Summary } = toSummary(doc, 100);
    await db.documents.add(v1Summary as never);
    await db.contents.add({ docId: doc.id, text: doc.text, blocks: doc.blocks });
    await db.originals.add({ docId: doc.id, data: new Uint8Array([1, 2, 3]) });
    await db.references.add({ id: `${seed}-r0`, docId: doc.id, index: 0, raw: 'Smith 2001.', csl: { id: 'r0', type: 'book', title: 'Earlier work' } });
    await db.citations.add({ id: `${seed}-c0`, docId: doc.id, start: 40, end: 43, kind: 'numeric', referenceIds: [`${seed}-r0`] });
    await db.annotations.add({
      id: `${seed}-h0`,
      docId: doc.id,
      selectors: [{ type: 'TextPositionSelector', start: 0, end: 7 }],
      color: 'yellow',
      noteJson: { root: { children: [{ text: 'mine' }] } },
      noteText: 'mine',
      createdAt: 1,
      updatedAt: 2,
    });
  }
  await db.notebooks.add({ id: 'n1', title: 'Seminar', content: { root: { children: [] } }, updatedAt: 3 });
}

async function dump(db: LecternDb, tables: string[]): Promise<Record<string, unknown[]>> {
  const out: Record<string, unknown[]> = {};
  for (const name of tables) out[name] = await db.table(name).toArray();
  return out;
}

describe('schema version 2', () => {
  it('keeps every row of a version-1 library and adds tags and the new tables', async () => {
    const indexedDB = new IDBFactory();
    const old = await openTestDb({ indexedDB, name: 'upgrade', schemaVersion: 1 });
    await fillVersion1(old);
    const v1Tables = old.tables.map((t) => t.name);
    const before = await dump(old, v1Tables);
    old.close();

    const db = await openTestDb({ indexedDB, name: 'upgrade', schemaVersion: 2 });
    expect(db.verno).toBe(2);
    const after = await dump(db, v1Tables);
    const withTags = (before.documents as object[]).map((doc) => ({ ...doc, tags: [] }));
    expect(after).toEqual({ ...before, documents: withTags });
    expect(await db.documents.where('tags').equals('x').count()).toBe(0);
    for (const name of ['collections', 'collectionItems', 'trash', 'searchIndex']) {
      expect(await db.table(name).count(), name).toBe(0);
    }
    // The new multi-entry index works on upgraded rows.
    await db.documents.update('a'.padStart(64, '0'), { tags: ['film', 'thesis'] });
    expect((await db.documents.where('tags').equals('film').toArray()).map((d) => d.title)).toEqual(['Reading notes a']);
    db.close();
  });
});
