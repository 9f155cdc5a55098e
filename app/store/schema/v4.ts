import type { SchemaVersion } from './version';

/**
 * Rendered bibliography entries, kept per style, locale, output format and item so a re-export
 * renders only what changed (app/export/bibliography-cache.ts). A cache: rebuilt on demand, left
 * out of backups, emptied by a restore that replaces the library. Indexed by style key, so the
 * entries of one style can be dropped at once.
 */
export const v4: SchemaVersion = {
  version: 4,
  stores: {
    renderedEntries: 'key, style',
  },
};
