import type { DocumentSummary } from '../records';
import type { SchemaVersion } from './version';

/**
 * Organising and keeping the library: tags on documents (multi-entry index), collections with a
 * link table (so a document can sit in several and merges of backups union them), a trash that
 * holds a deleted document with everything hanging off it, and the persisted search index.
 */
export const v2: SchemaVersion = {
  version: 2,
  stores: {
    documents: 'id, title, year, format, addedAt, *tags',
    collections: 'id, name, updatedAt',
    collectionItems: '[collectionId+docId], collectionId, docId',
    trash: 'id, deletedAt',
    searchIndex: 'key',
  },
  async upgrade(tx) {
    await tx
      .table<DocumentSummary, string>('documents')
      .toCollection()
      .modify((doc) => {
        if (!Array.isArray(doc.tags)) doc.tags = [];
      });
  },
};
