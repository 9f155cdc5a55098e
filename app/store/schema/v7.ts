import type { SchemaVersion } from './version';

/**
 * Sync state (schema v7), kept on this machine only and never in a backup: `syncLog` holds the
 * library's Yjs updates in arrival order (compacted now and then into one row), `syncMeta` small
 * facts the sync keeps between runs (which note content was last in step with Yjs, which
 * documents were purged here). Both start empty; nothing is rewritten.
 */
export const v7: SchemaVersion = {
  version: 7,
  stores: {
    syncLog: '++seq',
    syncMeta: 'key',
  },
};
