/**
 * The synced bibliography of the library as stored: reads the rows, gives every work its stored
 * citation key and writes the file's text. The keys come from the caller (the store's citation
 * keys, pinned as they leave Lectern), so this module does not decide what a key is.
 */
import type { Result } from '../documents/model';
import type { LecternDb } from '../store/db';
import { listAllCitations, listAllReferences } from '../store/library-reads';
import { syncEntries, syncedBibliography, type SyncEntry, type SyncFormat, type SyncSources } from './synced-bibliography';

/** One key per entry, in order. */
export type KeysFor = (entries: readonly SyncEntry[]) => Promise<string[]>;

/** The synced file's text and how many works it holds. */
export interface LibraryBibliography {
  text: string;
  works: number;
}

/** The rows the file is made of, read in one transaction so they agree; documents oldest first, so the order never depends on the clock's ties. */
export function readSyncSources(db: LecternDb): Promise<SyncSources> {
  return db.transaction('r', [db.documents, db.references, db.citations, db.works], async () => {
    const summaries = await db.documents.orderBy('addedAt').toArray();
    const ids = new Set(summaries.map((doc) => doc.id));
    const works = await db.works.toArray();
    return {
      documents: summaries.map((doc) => ({ id: doc.id, title: doc.title, metadata: doc.metadata })),
      references: (await listAllReferences(db)).filter((reference) => ids.has(reference.docId)),
      citations: (await listAllCitations(db)).filter((citation) => ids.has(citation.docId)),
      works: works.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)),
    };
  });
}

/** The library's bibliography in `format` (an empty library gives an empty file); an error message when the format fails. */
export async function libraryBibliography(db: LecternDb, format: SyncFormat, keysFor: KeysFor): Promise<Result<LibraryBibliography>> {
  const entries = syncEntries(await readSyncSources(db));
  const keys = await keysFor(entries);
  const text = syncedBibliography(entries, keys, format);
  return text.ok ? { ok: true, value: { text: text.value, works: new Set(keys).size } } : text;
}
