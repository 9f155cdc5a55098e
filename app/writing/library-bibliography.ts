/**
 * The synced bibliography of the library as stored: reads the rows, gives every work its stored
 * citation key and writes the file's text. The keys come from the caller (the store's citation
 * keys, pinned as they leave Lectern), so this module does not decide what a key is.
 */
import type { Result } from '../documents/model';
import type { LecternDb } from '../store/db';
import { readSyncSources, syncEntries, type SyncEntry } from './sync-entries';
import { syncedBibliography, type SyncFormat } from './synced-bibliography';

/** One key per entry, in order. */
export type KeysFor = (entries: readonly SyncEntry[]) => Promise<string[]>;

/** The synced file's text and how many works it holds. */
export interface LibraryBibliography {
  text: string;
  works: number;
}

/** The library's bibliography in `format` (an empty library gives an empty file); an error message when the format fails. */
export async function libraryBibliography(db: LecternDb, format: SyncFormat, keysFor: KeysFor): Promise<Result<LibraryBibliography>> {
  const entries = syncEntries(await readSyncSources(db));
  const keys = await keysFor(entries);
  const text = syncedBibliography(entries, keys, format);
  return text.ok ? { ok: true, value: { text: text.value, works: new Set(keys).size } } : text;
}
