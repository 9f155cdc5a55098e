/** The annotations repository: highlights and their notes, per document. */
import type { LecternDb } from './db';
import type { StoredAnnotation } from './records';

export type { StoredAnnotation, AnnotationSelector } from './records';

/** Creates or replaces a highlight. */
export async function putAnnotation(db: LecternDb, annotation: StoredAnnotation): Promise<void> {
  await db.annotations.put(annotation);
}

/**
 * Creates or replaces many highlights in one transaction (restores, imports, moves): all are
 * written or, on failure, none.
 */
export async function putAnnotations(db: LecternDb, annotations: readonly StoredAnnotation[]): Promise<void> {
  await db.transaction('rw', db.annotations, () => db.annotations.bulkPut(annotations as StoredAnnotation[]));
}

/** One highlight by id. */
export function getAnnotation(db: LecternDb, id: string): Promise<StoredAnnotation | undefined> {
  return db.annotations.get(id);
}

/** A document's highlights, oldest first (the order they were made). */
export function listAnnotationsByDoc(db: LecternDb, docId: string): Promise<StoredAnnotation[]> {
  return db.annotations.where('docId').equals(docId).sortBy('createdAt');
}

/** Removes a highlight; resolves false when there was none. */
export function deleteAnnotation(db: LecternDb, id: string): Promise<boolean> {
  return db.transaction('rw', db.annotations, async () => {
    const existed = (await db.annotations.get(id)) !== undefined;
    await db.annotations.delete(id);
    return existed;
  });
}
