/**
 * A work's citation key for the metadata editor: the key it has, or the one it gets now (kept,
 * not pinned: nothing has left Lectern), found under the same owners as exports and the synced
 * file use (a source that is also a cited work shares one key with it).
 */
import { useEffect, useState } from 'react';
import type { CslItem } from '../../../app/documents/model';
import { citekeysFor } from '../../../app/store/citekeys-repo';
import { readSyncSources, syncEntries } from '../../../app/writing/sync-entries';
import { useDatabase } from '../store/hooks';

/** The key and every owner it is stored under; undefined while it is read. */
export interface EditedCitekey {
  key: string;
  owners: string[];
}

export function useCitekey(owner: string, csl: CslItem): EditedCitekey | undefined {
  const db = useDatabase();
  const [found, setFound] = useState<EditedCitekey | undefined>(undefined);
  useEffect(() => {
    let live = true;
    void (async () => {
      const entry = syncEntries(await readSyncSources(db)).find((candidate) => candidate.owners.includes(owner)) ?? { owners: [owner], csl };
      const [key] = await citekeysFor(db, [entry]);
      if (live && key) setFound({ key, owners: entry.owners });
    })();
    return () => {
      live = false;
    };
    // The key belongs to the owner; an edit of the item in the open dialog does not change it.
  }, [db, owner]);
  return found;
}
