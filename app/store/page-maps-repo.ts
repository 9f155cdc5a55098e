/**
 * PDF page maps (schema v5): where each page's text items fall in a document's canonical text.
 * Kept apart from the contents row, which the reader loads for every format.
 */
import type { LecternDb } from './db';
import type { StoredPageMap } from './records';

/** A document's page map, or undefined when it has none yet (imported before maps were kept). */
export function getPageMap(db: LecternDb, docId: string): Promise<StoredPageMap | undefined> {
  return db.pageMaps.get(docId);
}

/**
 * Stores a map built from the kept original, unless the document is gone meanwhile (deleted
 * while the map was being built) or already has one.
 */
export function savePageMap(db: LecternDb, map: StoredPageMap): Promise<boolean> {
  return db.transaction('rw', [db.documents, db.pageMaps], async () => {
    if (!(await db.documents.get(map.docId)) || (await db.pageMaps.get(map.docId))) return false;
    await db.pageMaps.add(map);
    return true;
  });
}

/**
 * A PDF's printed page labels: one per page, null when it states none, undefined when its map
 * was made before labels were read (or it has no map yet).
 */
export async function getPageLabels(db: LecternDb, docId: string): Promise<string[] | null | undefined> {
  return (await db.pageMaps.get(docId))?.labels;
}

/** Stores labels read from the kept original into a map made before labels were read. */
export function savePageLabels(db: LecternDb, docId: string, labels: string[] | null): Promise<boolean> {
  return db.transaction('rw', db.pageMaps, async () => {
    const map = await db.pageMaps.get(docId);
    if (!map || map.labels !== undefined) return false;
    await db.pageMaps.put({ ...map, labels });
    return true;
  });
}
