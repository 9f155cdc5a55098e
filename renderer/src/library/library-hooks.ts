/** Live reads for the library's filter column and trash, through the store repositories. */
import { useLiveQuery } from 'dexie-react-hooks';
import { collectionDocIds, listCollections } from '../../../app/store/collections-repo';
import { listAllTags } from '../../../app/store/tags-repo';
import { countTrash, listTrash } from '../../../app/store/trash-repo';
import { useDatabase } from '../store/hooks';

/** Every collection with its document count, alphabetical, live. */
export function useCollections() {
  const db = useDatabase();
  return useLiveQuery(() => listCollections(db), [db]);
}

/** Every tag with its document count, alphabetical, live. */
export function useTags() {
  const db = useDatabase();
  return useLiveQuery(() => listAllTags(db), [db]);
}

/**
 * The trash, most recently deleted first, live; read only while it is `shown`, as each entry
 * holds a whole document (text included) that the rest of the library never needs.
 */
export function useTrash(shown: boolean) {
  const db = useDatabase();
  return useLiveQuery(async () => (shown ? listTrash(db) : []), [db, shown]);
}

/** How many entries the trash holds, live, without reading them. */
export function useTrashCount() {
  const db = useDatabase();
  return useLiveQuery(() => countTrash(db), [db]);
}

/** The member ids of one collection (undefined while loading; [] for no collection). */
export function useCollectionMembers(id: string | null) {
  const db = useDatabase();
  return useLiveQuery(async () => (id ? collectionDocIds(db, id) : []), [db, id]);
}
