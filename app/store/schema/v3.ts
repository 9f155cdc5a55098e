import type { SchemaVersion } from './version';

/**
 * Documents indexed by [fileName+format], so finding the earlier version of a re-imported file
 * reads only the documents of that name, however large the library.
 */
export const v3: SchemaVersion = {
  version: 3,
  stores: {
    documents: 'id, title, year, format, addedAt, *tags, [fileName+format]',
  },
};
