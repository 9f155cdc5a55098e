/** Looking up reference-list entries across the library. */
import type { LecternDb } from './db';
import type { StoredReference } from './records';

/** Every entry in any document whose parsed item has this citekey ("kuvshinova2017"). */
export function findReferencesByCitekey(db: LecternDb, citekey: string): Promise<StoredReference[]> {
  // The citekey lives inside the CSL item, which is not indexed: reference lists are small
  // (tens of entries per document), so a scan stays cheap even for a large library.
  return db.references.filter((reference) => reference.csl.id === citekey).toArray();
}
