/** The notebooks repository: free-standing notes the student writes. */
import type { LecternDb } from './db';
import type { StoredNotebook } from './records';

export type { StoredNotebook } from './records';

/** Creates or replaces a notebook. */
export async function putNotebook(db: LecternDb, notebook: StoredNotebook): Promise<void> {
  await db.notebooks.put(notebook);
}

/** One notebook by id. */
export function getNotebook(db: LecternDb, id: string): Promise<StoredNotebook | undefined> {
  return db.notebooks.get(id);
}

/** All notebooks, most recently changed first. */
export function listNotebooks(db: LecternDb): Promise<StoredNotebook[]> {
  return db.notebooks.orderBy('updatedAt').reverse().toArray();
}

/** Removes a notebook; resolves false when there was none. */
export function deleteNotebook(db: LecternDb, id: string): Promise<boolean> {
  return db.transaction('rw', db.notebooks, async () => {
    const existed = (await db.notebooks.get(id)) !== undefined;
    await db.notebooks.delete(id);
    return existed;
  });
}
