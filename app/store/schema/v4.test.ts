import { describe, expect, it } from 'vitest';
import { IDBFactory } from 'fake-indexeddb';
import { fillLibrary } from '../backup-fixtures';
import { storeEntryCache } from '../rendered-entries-repo';
import { openTestDb } from '../test-support';
import type { LecternDb } from '../db';

async function dump(db: LecternDb, tables: string[]): Promise<Record<string, unknown[]>> {
  const out: Record<string, unknown[]> = {};
  for (const name of tables) out[name] = await db.table(name).toArray();
  return out;
}

describe('schema version 4', () => {
  it('keeps every row of a version-3 library and adds an empty rendered-entries cache', async () => {
    const indexedDB = new IDBFactory();
    const old = await openTestDb({ indexedDB, name: 'upgrade', schemaVersion: 3 });
    await fillLibrary(old, 5);
    const v3Tables = old.tables.map((t) => t.name);
    expect(v3Tables).not.toContain('renderedEntries');
    const before = await dump(old, v3Tables);
    old.close();

    const db = await openTestDb({ indexedDB, name: 'upgrade', schemaVersion: 4 });
    expect(db.verno).toBe(4);
    expect(await dump(db, v3Tables)).toEqual(before);
    expect(await db.renderedEntries.count()).toBe(0);
    const cache = storeEntryCache(db);
    const entry = { key: 's\u0000i', style: 's', item: '{}', ambiguityKey: 'Hale 2017', sortKeys: ['Hale', undefined], context: 'c', text: 'Hale, M. (2017a).' };
    await cache.write([entry]);
    expect(await cache.read(['s\u0000i', 'missing'])).toEqual([entry, undefined]);
    expect(await db.renderedEntries.where('style').equals('s').count()).toBe(1);
    db.close();
  });
});
