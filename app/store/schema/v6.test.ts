import { describe, expect, it } from 'vitest';
import { IDBFactory } from 'fake-indexeddb';
import { dumpAll, fillLibrary } from '../backup-fixtures';
import { citekeysFor } from '../citekeys-repo';
import { openTestDb } from '../test-support';

describe('schema version 6', () => {
  it('keeps every row of a version-5 library, starts without keys or works, and gives keys when first asked', async () => {
    const indexedDB = new IDBFactory();
    const old = await openTestDb({ indexedDB, name: 'upgrade', schemaVersion: 5 });
    const ids = await fillLibrary(old, 4);
    expect(old.tables.map((t) => t.name)).not.toContain('citekeys');
    const before = await dumpAll(old);
    old.close();

    const db = await openTestDb({ indexedDB, name: 'upgrade', schemaVersion: 6 });
    expect(db.verno).toBe(6);
    const after = await dumpAll(db);
    for (const [table, rows] of Object.entries(before)) expect(after[table], table).toEqual(rows);
    expect(await db.citekeys.count()).toBe(0);
    expect(await db.works.count()).toBe(0);

    const summary = (await db.documents.get(ids[0]!))!;
    const [key] = await citekeysFor(db, [{ owners: [`doc:${summary.id}`], csl: summary.metadata }]);
    expect(key).toBe('ezerova2021reading');
    expect(await db.citekeys.get(`doc:${summary.id}`)).toMatchObject({ key, pinned: false, edited: false });
    db.close();
  });
});
