import { useLiveQuery } from 'dexie-react-hooks';
import { useContext, useEffect, useState } from 'react';
import { getDocumentOriginal } from '../../../app/store/documents-repo';
import { SyncOriginalsContext } from '../sync/originals-context';
import { useDatabase } from './hooks';

/**
 * A document's original bytes (PDF, EPUB, DOCX) as the import kept them, for page views.
 * undefined while loading, null when the document has no original (text formats, or a missing row).
 * While sync runs, a document that came from another machine has its original fetched here, the
 * first time its pages are asked for; until then it reads as loading.
 */
export function useDocumentOriginal(docId: string | null): Blob | Uint8Array | null | undefined {
  const db = useDatabase();
  const fetchOriginal = useContext(SyncOriginalsContext);
  const stored = useLiveQuery(async () => (docId ? ((await getDocumentOriginal(db, docId)) ?? null) : null), [db, docId]);
  // The document (and sync session) a fetch was last tried for, so a failed one is not retried in a loop.
  const [tried, setTried] = useState<{ docId: string; fetch: unknown; done: boolean; brought?: boolean } | null>(null);
  const settled = tried?.docId === docId && tried.fetch === fetchOriginal && tried.done;
  // Loading while the fetch runs, and after it brought the file until the live query has it.
  const fetching = stored === null && docId !== null && fetchOriginal !== null && (!settled || tried.brought === true);

  useEffect(() => {
    if (!fetching || !docId || !fetchOriginal) return;
    if (tried?.docId === docId && tried.fetch === fetchOriginal) return;
    setTried({ docId, fetch: fetchOriginal, done: false });
    void fetchOriginal(docId).then(
      (brought) => setTried({ docId, fetch: fetchOriginal, done: true, brought }),
      () => setTried({ docId, fetch: fetchOriginal, done: true, brought: false }),
    );
  }, [fetching, docId, fetchOriginal, tried]);

  // A fetch that brings the file updates `stored` through the live query.
  return fetching ? undefined : stored;
}
