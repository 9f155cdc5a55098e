import type { SchemaVersion } from './version';

/**
 * Citation keys and imported works. `citekeys` keeps each work's key once given, one row per
 * owner (a merged cited work's references share its key, so the key index is not unique: the
 * repository keeps a key to one work); `works` holds the entries of bibliography files the
 * student imported. Both tables start empty: keys are given when first needed, so nothing
 * is rewritten.
 */
export const v6: SchemaVersion = {
  version: 6,
  stores: {
    citekeys: 'owner, key',
    works: 'id, addedAt',
  },
};
