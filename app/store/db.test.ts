import { describe, expect, it } from 'vitest';
import { IDBFactory } from 'fake-indexeddb';
import { openTestDb } from './test-support';
import { latestSchemaVersion, schemaVersions } from './schema';

const expected: Record<string, { primKey: string; indexes: string[] }> = {
  documents: { primKey: 'id', indexes: ['[fileName+format]', 'addedAt', 'format', 'tags', 'title', 'year'] },
  contents: { primKey: 'docId', indexes: [] },
  originals: { primKey: 'docId', indexes: [] },
  references: { primKey: 'id', indexes: ['docId'] },
  citations: { primKey: 'id', indexes: ['docId'] },
  annotations: { primKey: 'id', indexes: ['docId', 'updatedAt'] },
  notebooks: { primKey: 'id', indexes: ['updatedAt'] },
  collections: { primKey: 'id', indexes: ['name', 'updatedAt'] },
  collectionItems: { primKey: '[collectionId+docId]', indexes: ['collectionId', 'docId'] },
  trash: { primKey: 'id', indexes: ['deletedAt'] },
  searchIndex: { primKey: 'key', indexes: [] },
  renderedEntries: { primKey: 'key', indexes: ['style'] },
  pageMaps: { primKey: 'docId', indexes: [] },
  citekeys: { primKey: 'owner', indexes: ['key'] },
  works: { primKey: 'id', indexes: ['addedAt'] },
  syncLog: { primKey: 'seq', indexes: [] },
  syncMeta: { primKey: 'key', indexes: [] },
};

describe('LecternDb', () => {
  it('opens at the latest schema with every table and index', async () => {
    const db = await openTestDb();
    expect(db.verno).toBe(latestSchemaVersion);
    expect(db.tables.map((t) => t.name).sort()).toEqual(Object.keys(expected).sort());
    for (const table of db.tables) {
      const want = expected[table.name];
      expect(table.schema.primKey.name, table.name).toBe(want?.primKey);
      expect(table.schema.indexes.map((i) => i.name).sort(), table.name).toEqual(want?.indexes);
    }
    // The real IndexedDB agrees with Dexie's view of it.
    const idb = db.backendDB();
    expect([...idb.objectStoreNames].sort()).toEqual(Object.keys(expected).sort());
    const tx = idb.transaction('documents', 'readonly');
    expect([...tx.objectStore('documents').indexNames].sort()).toEqual(expected.documents?.indexes);
    db.close();
  });

  it('numbers schema versions strictly upward from 1', () => {
    expect(schemaVersions[0]?.version).toBe(1);
    for (let i = 1; i < schemaVersions.length; i++) {
      expect(schemaVersions[i]!.version).toBeGreaterThan(schemaVersions[i - 1]!.version);
    }
  });

  it('opens with strict durability, and write transactions use it', async () => {
    const db = await openTestDb();
    expect(db._options.chromeTransactionDurability).toBe('strict');
    const durability = await db.transaction('rw', db.notebooks, (tx) => tx.idbtrans.durability);
    expect(durability).toBe('strict');
    db.close();
  });

  it('keeps data across close and reopen of the same database', async () => {
    const indexedDB = new IDBFactory();
    const first = await openTestDb({ indexedDB, name: 'reopen' });
    await first.notebooks.add({ id: 'n1', title: 'Seminar', content: { root: [] }, updatedAt: 1 });
    first.close();
    const second = await openTestDb({ indexedDB, name: 'reopen' });
    expect(await second.notebooks.get('n1')).toMatchObject({ title: 'Seminar' });
    second.close();
  });

  it('can stop at an older schema version, for migration tests', async () => {
    const db = await openTestDb({ schemaVersion: 1 });
    expect(db.verno).toBe(1);
    db.close();
  });
});
