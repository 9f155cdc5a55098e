/**
 * The citation key of every entry of the Cited Works index: each entry gets its key when first
 * shown (kept, not pinned: nothing has left Lectern), under the same owners exports and the
 * synced file use, and the shown keys follow the store, so an edit in the metadata editor shows.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useMemo } from 'react';
import { citekeyOwner, citekeysByOwner, citekeysFor, type CitekeyRequest } from '../../../app/store/citekeys-repo';
import { readSyncSources, syncEntries } from '../../../app/writing/sync-entries';
import { useDatabase } from '../store/hooks';
import type { WorkEntry } from './index-data';

/** The owner a row's key is read under: its library document, its first reference, or the imported work it is. */
function ownerOf(work: WorkEntry): string {
  if (work.libraryDocId) return citekeyOwner.doc(work.libraryDocId);
  // A work imported alone is keyed by its own id; any other by its first reference's.
  return work.workIds?.includes(work.key) ? citekeyOwner.work(work.key) : citekeyOwner.ref(work.key);
}

/** Keys by WorkEntry.key; empty until read. */
export function useWorkCitekeys(works: readonly WorkEntry[] | undefined): ReadonlyMap<string, string> {
  const db = useDatabase();
  const owners = useMemo(() => (works ?? []).map((work) => [work.key, ownerOf(work)] as const), [works]);
  useEffect(() => {
    if (owners.length === 0) return;
    void (async () => {
      const entryOf = new Map(syncEntries(await readSyncSources(db)).flatMap((entry) => entry.owners.map((owner) => [owner, entry] as const)));
      // One request per entry: two rows that are one library document share its key.
      const requests = new Set<CitekeyRequest>();
      for (const [, owner] of owners) {
        const entry = entryOf.get(owner);
        if (entry) requests.add(entry);
      }
      await citekeysFor(db, [...requests]);
    })();
  }, [db, owners]);
  const byOwner = useLiveQuery(() => citekeysByOwner(db, owners.map(([, owner]) => owner)), [db, owners]);
  return useMemo(() => {
    const out = new Map<string, string>();
    for (const [key, owner] of owners) {
      const found = byOwner?.get(owner);
      if (found) out.set(key, found);
    }
    return out;
  }, [owners, byOwner]);
}
