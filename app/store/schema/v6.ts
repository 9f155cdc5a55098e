import type { SchemaVersion } from './version';

/**
 * Citation keys and imported works. `citekeys` keeps each work's key once given (unique index
 * on the key, so two works never share one); `works` holds the entries of bibliography files
 * the student imported. Both tables start empty: keys are given when first needed, so nothing
 * is rewritten.
 */
export const v6: SchemaVersion = {
  version: 6,
  stores: {
    citekeys: 'owner, &key',
    works: 'id, addedAt',
  },
};
