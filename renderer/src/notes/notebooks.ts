import { putNotebook } from '../../../app/store/notebooks-repo';
import { database } from '../store/hooks';

/** Creates an empty notebook and returns its id. */
export async function createNotebook(title = 'Untitled notebook'): Promise<string> {
  const id = crypto.randomUUID();
  await putNotebook(database(), { id, title, content: null, updatedAt: Date.now() });
  return id;
}
