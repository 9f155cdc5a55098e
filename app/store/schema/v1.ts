import type { SchemaVersion } from './version';

/** The first schema: documents with their contents, originals, references and citations; annotations; notebooks. */
export const v1: SchemaVersion = {
  version: 1,
  stores: {
    documents: 'id, title, year, format, addedAt',
    contents: 'docId',
    originals: 'docId',
    references: 'id, docId',
    citations: 'id, docId',
    annotations: 'id, docId, updatedAt',
    notebooks: 'id, updatedAt',
  },
};
