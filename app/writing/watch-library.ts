/**
 * Calls back whenever the rows of the synced bibliography change: documents (their metadata),
 * references, imported works and citation keys. Dexie's live queries notice writes from this
 * page and, through its broadcast, from other tabs and workers.
 */
import { liveQuery } from 'dexie';
import type { LecternDb } from '../store/db';

/** Starts watching; `onChange` runs once at once and after every change. Returns a function that stops. */
export function watchSyncSources(db: LecternDb, onChange: () => void, onError: (error: unknown) => void): () => void {
  // Read whole, so an edited title wakes the watch as an added row does; the caller builds the file later.
  const observable = liveQuery(() => Promise.all([db.documents.toArray(), db.references.count(), db.works.toArray(), db.citekeys.toArray()]).then(() => undefined));
  const subscription = observable.subscribe({ next: onChange, error: onError });
  return () => subscription.unsubscribe();
}
