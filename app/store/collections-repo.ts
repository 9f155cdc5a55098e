/**
 * Collections: named groups of documents (a course, a chapter). Membership is a link table, so a
 * document can sit in several collections and deleting a collection never touches documents.
 */
import type { LecternDb } from './db';
import type { DocumentSummary, StoredCollection } from './records';

export type { StoredCollection } from './records';

/** A collection as the library sidebar lists it. */
export interface CollectionListItem extends StoredCollection {
  /** How many documents are in it. */
  documentCount: number;
}

const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });

function cleanName(name: string): string {
  return name.replace(/\s+/g, ' ').trim() || 'Untitled collection';
}

/** Creates an empty collection; resolves it. */
export async function createCollection(db: LecternDb, name: string, now: number = Date.now()): Promise<StoredCollection> {
  const collection: StoredCollection = { id: globalThis.crypto.randomUUID(), name: cleanName(name), createdAt: now, updatedAt: now };
  await db.collections.add(collection);
  return collection;
}

/** Renames a collection; resolves false when there is no such collection. */
export async function renameCollection(db: LecternDb, id: string, name: string): Promise<boolean> {
  return (await db.collections.update(id, { name: cleanName(name), updatedAt: Date.now() })) === 1;
}

/** Deletes a collection and its memberships (the documents stay); resolves false when there was none. */
export function deleteCollection(db: LecternDb, id: string): Promise<boolean> {
  return db.transaction('rw', db.collections, db.collectionItems, async () => {
    const existed = (await db.collections.get(id)) !== undefined;
    await db.collectionItems.where('collectionId').equals(id).delete();
    await db.collections.delete(id);
    return existed;
  });
}

/** Adds documents to a collection (already present ones stay as they are); false when the collection is gone. */
export function addToCollection(db: LecternDb, id: string, docIds: readonly string[], now: number = Date.now()): Promise<boolean> {
  return db.transaction('rw', db.collections, db.collectionItems, async () => {
    if (!(await db.collections.get(id))) return false;
    const existing = new Set((await db.collectionItems.where('collectionId').equals(id).toArray()).map((item) => item.docId));
    const fresh = [...new Set(docIds)].filter((docId) => !existing.has(docId));
    await db.collectionItems.bulkAdd(fresh.map((docId) => ({ collectionId: id, docId, addedAt: now })));
    await db.collections.update(id, { updatedAt: now });
    return true;
  });
}

/** Takes documents out of a collection. */
export function removeFromCollection(db: LecternDb, id: string, docIds: readonly string[]): Promise<void> {
  return db.transaction('rw', db.collections, db.collectionItems, async () => {
    await db.collectionItems.bulkDelete(docIds.map((docId): [string, string] => [id, docId]));
    await db.collections.update(id, { updatedAt: Date.now() });
  });
}

/** Every collection with its document count, alphabetical. */
export function listCollections(db: LecternDb): Promise<CollectionListItem[]> {
  return db.transaction('r', db.collections, db.collectionItems, db.documents, async () => {
    const collections = await db.collections.toArray();
    const present = new Set(await db.documents.toCollection().primaryKeys());
    const counts = new Map<string, number>();
    for (const item of await db.collectionItems.toArray()) {
      if (present.has(item.docId)) counts.set(item.collectionId, (counts.get(item.collectionId) ?? 0) + 1);
    }
    return collections
      .map((c) => ({ ...c, documentCount: counts.get(c.id) ?? 0 }))
      .sort((a, b) => collator.compare(a.name, b.name) || (a.id < b.id ? -1 : 1));
  });
}

/** The ids of the documents in a collection (for filterDocuments). */
export async function collectionDocIds(db: LecternDb, id: string): Promise<string[]> {
  return (await db.collectionItems.where('collectionId').equals(id).toArray()).map((item) => item.docId);
}

/** The documents in a collection, in the order they were added; documents since deleted are left out. */
export function documentsInCollection(db: LecternDb, id: string): Promise<DocumentSummary[]> {
  return db.transaction('r', db.collectionItems, db.documents, async () => {
    const items = await db.collectionItems.where('collectionId').equals(id).sortBy('addedAt');
    const docs = await db.documents.bulkGet(items.map((item) => item.docId));
    return docs.filter((doc): doc is DocumentSummary => doc !== undefined);
  });
}
