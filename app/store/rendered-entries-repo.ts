/**
 * The rendered-entries cache (schema v4): bibliography entries kept per style, locale, format
 * and item, so exporting a large library again renders only what changed. A cache and nothing
 * more: backups leave it out (it is not among BACKUP_TABLES), a restore that replaces the
 * library empties it with every other table, and any row can be dropped at any time.
 */
import type { EntryCache } from '../export/bibliography-cache';
import type { LecternDb } from './db';

/** The store's rendered entries as the EntryCache formatBibliographyCached reads and fills. */
export function storeEntryCache(db: LecternDb): EntryCache {
  return {
    read: (keys) => db.renderedEntries.bulkGet([...keys]),
    write: async (entries) => {
      await db.renderedEntries.bulkPut([...entries]);
    },
  };
}

/** Drops every kept entry of one style key (entryStyleKey), e.g. when a style is replaced. */
export function dropRenderedEntries(db: LecternDb, style: string): Promise<number> {
  return db.renderedEntries.where('style').equals(style).delete();
}

/** Empties the cache. */
export function clearRenderedEntries(db: LecternDb): Promise<void> {
  return db.renderedEntries.clear();
}

/** How many entries are kept. */
export function countRenderedEntries(db: LecternDb): Promise<number> {
  return db.renderedEntries.count();
}
