/**
 * What the search index reads and writes in the store: texts one document at a time, every
 * highlight and notebook in turn, a stamp of the library's state, and the index's own rows
 * (searchIndex, a cache the index owns: a manifest and one row per piece).
 */
import type { LecternDb } from './db';
import type { StoredAnnotation, StoredNotebook } from './records';

/** A document's canonical text without its blocks; undefined when it has no content row. */
export async function getDocumentText(db: LecternDb, docId: string): Promise<string | undefined> {
  return (await db.contents.get(docId))?.text;
}

/** Calls `visit` on every highlight, one at a time (the library's are never all in memory). */
export function forEachAnnotation(db: LecternDb, visit: (annotation: StoredAnnotation) => void): Promise<void> {
  return db.annotations.each(visit);
}

/** Calls `visit` on every notebook, one at a time. */
export function forEachNotebook(db: LecternDb, visit: (notebook: StoredNotebook) => void): Promise<void> {
  return db.notebooks.each(visit);
}

/**
 * Row counts and latest change times of documents, highlights and notebooks: a change to any of
 * them changes the stamp, so an index saved with another stamp missed changes.
 */
export function libraryChangeStamp(db: LecternDb): Promise<string> {
  return db.transaction('r', db.documents, db.annotations, db.notebooks, async () => {
    const parts = await Promise.all([
      db.documents.count(),
      db.documents.orderBy('addedAt').lastKey(),
      db.annotations.count(),
      db.annotations.orderBy('updatedAt').lastKey(),
      db.notebooks.count(),
      db.notebooks.orderBy('updatedAt').lastKey(),
    ]);
    return JSON.stringify(parts);
  });
}

/** The values of the search index's rows `keys`, in order (undefined where there is none). */
export async function getSearchIndexRows(db: LecternDb, keys: readonly string[]): Promise<unknown[]> {
  const rows = await db.searchIndex.bulkGet([...keys]);
  return rows.map((row) => row?.value);
}

/** Writes search index rows together: all of them or, on failure, none. */
export async function putSearchIndexRows(db: LecternDb, rows: readonly { key: string; value: unknown }[]): Promise<void> {
  await db.transaction('rw', db.searchIndex, () => db.searchIndex.bulkPut(rows.map(({ key, value }) => ({ key, value }))));
}
