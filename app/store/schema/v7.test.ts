import { describe, expect, it } from 'vitest';
import { IDBFactory } from 'fake-indexeddb';
import * as Y from 'yjs';
import { dumpAll, fillLibrary } from '../backup-fixtures';
import { BACKUP_TABLES } from '../record-schemas';
import { openTestDb } from '../test-support';
import { createLibrarySync } from '../../sync/library-sync';

describe('schema version 7', () => {
  it('keeps every row of a version-6 library, starts with an empty sync log and sync state, and keeps them out of backups', async () => {
    const indexedDB = new IDBFactory();
    const old = await openTestDb({ indexedDB, name: 'upgrade', schemaVersion: 6 });
    const ids = await fillLibrary(old, 5);
    expect(old.tables.map((t) => t.name)).not.toContain('syncLog');
    const before = await dumpAll(old);
    old.close();

    const db = await openTestDb({ indexedDB, name: 'upgrade', schemaVersion: 7 });
    expect(db.verno).toBe(7);
    const after = await dumpAll(db);
    for (const [table, rows] of Object.entries(before)) expect(after[table], table).toEqual(rows);
    expect(await db.syncLog.count()).toBe(0);
    expect(await db.syncMeta.count()).toBe(0);
    expect(BACKUP_TABLES).not.toContain('syncLog');
    expect(BACKUP_TABLES).not.toContain('syncMeta');

    // The upgraded library joins a sync: every row goes into the doc and nothing is rewritten.
    const doc = new Y.Doc();
    const errors: string[] = [];
    const sync = createLibrarySync({ db, doc, onError: (text) => errors.push(text) });
    await sync.start();
    await sync.idle();
    expect(doc.getMap('annotations').size).toBe(5);
    expect(doc.getMap('notebooks').size).toBe(2);
    expect(doc.getMap('collections').size).toBe(1);
    const trashed = doc.getMap('documents').get(ids[3]!) as Y.Map<unknown>;
    expect(trashed.get('trashedAt')).toBe(9);
    expect(doc.getMap('documents').size).toBe(4);
    expect(await db.syncLog.count()).toBeGreaterThan(0);
    sync.stop();
    const synced = await dumpAll(db);
    for (const [table, rows] of Object.entries(before)) expect(synced[table], table).toEqual(rows);
    expect(errors).toEqual([]);
    db.close();
  });
});
