import { putNotebook } from '../../../app/store/notebooks-repo';
import type { LecternDb } from '../../../app/store/db';

/** Creates an empty notebook and returns its id. */
export async function createNotebook(database: LecternDb, title = 'Untitled notebook'): Promise<string> {
  const id = crypto.randomUUID();
  await putNotebook(database, { id, title, content: null, updatedAt: Date.now() });
  return id;
}
