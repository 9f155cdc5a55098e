/**
 * Calls back whenever the rows of the synced bibliography change: documents (their metadata),
 * references, citations, imported works and citation keys. Dexie announces every write as a
 * "storagemutated" event, from this page and, through its broadcast, from other tabs and workers
 * (an import worker's writes among them); the caller builds the file after a quiet moment.
 */
import Dexie from 'dexie';
import type { LecternDb } from '../store/db';

/** The tables the synced file is made of. */
const WATCHED = ['documents', 'references', 'citations', 'works', 'citekeys'];

/** Starts watching; `onChange` runs once at once and after every change. Returns a function that stops. */
export function watchSyncSources(db: LecternDb, onChange: () => void): () => void {
  const prefixes = WATCHED.map((table) => `idb://${db.name}/${table}/`);
  const listener = (parts: Record<string, unknown>) => {
    if (Object.keys(parts).some((part) => prefixes.some((prefix) => part.startsWith(prefix)))) onChange();
  };
  Dexie.on('storagemutated', listener);
  queueMicrotask(onChange);
  return () => Dexie.on('storagemutated').unsubscribe(listener);
}
