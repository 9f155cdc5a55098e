/**
 * The search worker's work: it opens the store itself, keeps the library's index (loaded from its
 * saved pieces or built from the store) and answers queries and changes, so the UI thread never
 * builds, updates or serializes the index. It takes how to open a store and how to read a note's
 * text, so tests run it on an in-memory database without a worker.
 */
import { SearchIndexStore, type NoteText } from '../../../app/search/index-store';
import type { LecternDb } from '../../../app/store/db';
import type { Handlers } from '../workers/channel';
import type { SearchWorkerProtocol } from './search-protocol';

/** The search worker's handlers: `openDb` opens the store of a name, `noteText` reads a note's text. */
export function searchHandlers(openDb: (name: string) => LecternDb, noteText: NoteText): Handlers<SearchWorkerProtocol> {
  let open: { db: LecternDb; store: SearchIndexStore } | null = null;
  const current = () => {
    if (!open) throw new Error('The search index is not open.');
    return open;
  };
  return {
    async open({ database, rebuild }) {
      if (open?.db.name !== database) {
        open?.db.close();
        open = { db: openDb(database), store: new SearchIndexStore(noteText) };
      }
      if (!rebuild) return open.store.loadOrBuild(open.db);
      await open.store.rebuild(open.db);
      return 'rebuilt';
    },
    search({ query, limit }) {
      return current().store.search(query, { limit });
    },
    async update({ changes }) {
      const { db, store } = current();
      for (const change of changes) {
        if (change.kind === 'document-added') await store.addDocument(db, change.id);
        else if (change.kind === 'document-removed') store.removeDocument(change.id);
        else if (change.kind === 'annotation') await store.updateAnnotation(db, change.id);
        else await store.updateNotebook(db, change.id);
      }
      return null;
    },
    persist() {
      const { db, store } = current();
      return store.persist(db);
    },
  };
}
