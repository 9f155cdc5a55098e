import { afterEach, describe, expect, it } from 'vitest';
import { IDBFactory } from 'fake-indexeddb';
import { strFromU8, unzipSync } from 'fflate';
import type { CslItem } from '../documents/model';
import { exportItemsCached, type CachedRenderStats } from '../export/bibliography-cache';
import { exportItems } from '../export/export';
import { seedWorksCited, useShippedStylesOffline } from '../export/seed-works.fixture';
import { exportLibrary, importLibrary } from './backup';
import { dumpAll, fillLibrary } from './backup-fixtures';
import type { LecternDb } from './db';
import { exportLegacyBackup } from './legacy-export';
import { clearRenderedEntries, countRenderedEntries, dropRenderedEntries, storeEntryCache } from './rendered-entries-repo';
import { openTestDb } from './test-support';

useShippedStylesOffline();

const SLOW = 60_000;
const open: LecternDb[] = [];
afterEach(() => open.splice(0).forEach((db) => db.close()));
async function fresh(options: Parameters<typeof openTestDb>[0] = {}): Promise<LecternDb> {
  const db = await openTestDb(options);
  open.push(db);
  return db;
}

const works = (): CslItem[] => [
  ...seedWorksCited(),
  { id: 'a', type: 'book', title: 'Archives of the everyday', author: [{ family: 'Hale', given: 'Maria' }], issued: { 'date-parts': [[2017]] } },
  { id: 'b', type: 'book', title: 'Reading the margins', author: [{ family: 'Hale', given: 'Maria' }], issued: { 'date-parts': [[2017]] } },
];

async function exportApa(db: LecternDb, items: CslItem[]): Promise<{ text: string; stats: CachedRenderStats }> {
  const stats: CachedRenderStats = { reused: 0, rendered: 0, registered: 0 };
  const result = await exportItemsCached(items, 'apa', storeEntryCache(db), {}, stats);
  if (!result.ok) throw new Error(result.error);
  return { text: result.value, stats };
}

describe('rendered entries kept in the store', () => {
  it('are reused by the next export, also after the database is reopened', async () => {
    const indexedDB = new IDBFactory();
    const db = await fresh({ indexedDB, name: 'entries' });
    const first = await exportApa(db, works());
    const uncached = exportItems(works(), 'apa');
    expect(uncached.ok && first.text).toBe(uncached.ok && uncached.value);
    expect(first.text).toContain('(2017a)');
    expect(await countRenderedEntries(db)).toBe(works().length);
    db.close();

    const reopened = await fresh({ indexedDB, name: 'entries' });
    const again = await exportApa(reopened, works());
    expect(again.text).toBe(first.text);
    expect(again.stats).toEqual({ reused: works().length, rendered: 0, registered: 0 });

    // Dropping one style's rows (or all) only costs a render.
    const key = (await reopened.renderedEntries.toCollection().first())!.style;
    expect(await dropRenderedEntries(reopened, key)).toBe(works().length);
    await exportApa(reopened, works());
    await clearRenderedEntries(reopened);
    expect(await countRenderedEntries(reopened)).toBe(0);
  });

  it(
    'stay out of backups; a replace restore empties them, a merge keeps them',
    async () => {
      const source = await fresh();
      await fillLibrary(source, 10);
      await exportApa(source, works());
      expect(await countRenderedEntries(source)).toBeGreaterThan(0);

      const file = await exportLibrary(source);
      const files = unzipSync(new Uint8Array(await file.arrayBuffer()));
      expect(Object.keys(files).some((name) => name.includes('renderedEntries'))).toBe(false);
      const manifest = JSON.parse(strFromU8(files['manifest.json']!)) as { tables: Record<string, number>; schemaVersion: number };
      expect(Object.keys(manifest.tables)).not.toContain('renderedEntries');
      expect(manifest.schemaVersion).toBe(source.verno);

      const replaced = await fresh();
      await exportApa(replaced, works());
      expect(await importLibrary(replaced, file, { mode: 'replace' })).toMatchObject({ ok: true });
      expect(await countRenderedEntries(replaced)).toBe(0);
      expect(await dumpAll(replaced)).toEqual({ ...(await dumpAll(source)), renderedEntries: [] });

      const merged = await fresh();
      await exportApa(merged, works());
      expect(await importLibrary(merged, file, { mode: 'merge' })).toMatchObject({ ok: true });
      expect(await countRenderedEntries(merged)).toBe(works().length);

      // Backups in the older dexie-export-import format restore into a store with the cache too.
      const legacy = await exportLegacyBackup(source);
      expect(await legacy.text()).not.toContain('renderedEntries');
      const fromLegacy = await fresh();
      expect(await importLibrary(fromLegacy, legacy, { mode: 'replace' })).toMatchObject({ ok: true });
    },
    SLOW,
  );
});
