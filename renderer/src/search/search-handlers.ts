/**
 * The search worker's work: it opens the store itself, keeps the library's index (loaded from its
 * saved pieces or built from the store) and answers queries and changes, so the UI thread never
 * builds, updates or serializes the index. It takes how to open a store and how to read a note's
 * text, so tests run it on an in-memory database without a worker.
 */
import { SearchIndexStore, type NoteText } from '../../../app/search/index-store';
import type { LecternDb } from '../../../app/store/db';
import { openChannel, type Handlers } from '../workers/channel';
import type { IndexChange, SearchIndexingProtocol, SearchUiProtocol, SearchWorkerProtocol } from './search-protocol';

/** The search worker's handlers: `openDb` opens the store of a name, `noteText` reads a note's text. */
export function searchHandlers(openDb: (name: string) => LecternDb, noteText: NoteText): Handlers<SearchWorkerProtocol, SearchUiProtocol> {
  let open: { db: LecternDb; store: SearchIndexStore } | null = null;
  const current = () => {
    if (!open) throw new Error('The search index is not open.');
    return open;
  };
  // Changes run one at a time, in order of arrival, after the load: from the UI thread and from
  // the import worker alike.
  let queue: Promise<unknown> = Promise.resolve();
  const serial = <T>(work: () => Promise<T> | T): Promise<T> => {
    const done = queue.then(work);
    queue = done.catch(() => undefined);
    return done;
  };
  return {
    open: (request) => serial(() => load(request)),
    search({ query, limit }) {
      return current().store.search(query, { limit });
    },
    update: (request) => serial(() => update(request)),
    persist: () => serial(() => current().store.persist(current().db)),
    attach({ port }, { remote }) {
      openChannel<Record<never, never>, SearchIndexingProtocol>(port, {
        'index-imported': ({ documents }) =>
          serial(async () => {
            const { store } = current();
            for (const doc of documents) store.addDocumentEntries(doc);
            await remote.call('indexed', { ids: documents.map((doc) => doc.id) });
            return null;
          }),
      });
      port.start();
      return null;
    },
  };

  async function load({ database, rebuild }: { database: string; rebuild?: boolean }) {
    if (open?.db.name !== database) {
      open?.db.close();
      open = { db: openDb(database), store: new SearchIndexStore(noteText) };
    }
    if (!rebuild) return open.store.loadOrBuild(open.db);
    await open.store.rebuild(open.db);
    return 'rebuilt' as const;
  }

  async function update({ changes }: { changes: IndexChange[] }) {
    const { db, store } = current();
    for (const change of changes) {
      if (change.kind === 'document-added') await store.addDocument(db, change.id);
      else if (change.kind === 'document-removed') store.removeDocument(change.id);
      else if (change.kind === 'annotation') await store.updateAnnotation(db, change.id);
      else await store.updateNotebook(db, change.id);
    }
    return null;
  }
}
