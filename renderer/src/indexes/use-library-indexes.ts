import { useEffect, useRef, useState } from 'react';
import type { LibraryIndexes } from './index-data';
import type { IndexReply, IndexRequest } from './index-protocol';

/** The indexes as the view sees them: the last rows built, and whether newer ones are on the way. */
export interface LibraryIndexesState {
  /** null until the first build finishes. */
  indexes: LibraryIndexes | null;
  /** The rows shown were built from an older library (or none yet): a rebuild is running. */
  busy: boolean;
  error: string | null;
}

interface Built {
  indexes: LibraryIndexes | null;
  /** The revision the rows (or the error) belong to. */
  revision: string | undefined;
  error: string | null;
}

/**
 * Builds the Cited Works and People rows in a worker, again whenever `revision` changes (the
 * caller derives it from the library, so an import or a deletion refreshes the index).
 * The worker lives as long as the view.
 */
export function useLibraryIndexes(revision: string | undefined): LibraryIndexesState {
  const workerRef = useRef<Worker | null>(null);
  const requests = useRef({ latest: 0, revision: undefined as string | undefined });
  const [built, setBuilt] = useState<Built>({ indexes: null, revision: undefined, error: null });

  useEffect(() => {
    const worker = new Worker(new URL('./index.worker.ts', import.meta.url), { type: 'module', name: 'lectern-index' });
    worker.addEventListener('message', (message: MessageEvent<IndexReply>) => {
      const reply = message.data;
      // Libraries in the worker may post their own messages, and an older build may finish late.
      if (reply?.type !== 'indexes' || reply.requestId !== requests.current.latest) return;
      const forRevision = requests.current.revision;
      setBuilt((previous) =>
        reply.ok ? { indexes: reply.indexes, revision: forRevision, error: null } : { indexes: previous.indexes, revision: forRevision, error: reply.error },
      );
    });
    worker.addEventListener('error', () => {
      setBuilt((previous) => ({ ...previous, revision: requests.current.revision, error: 'Lectern could not build the index. Reopening the Index view tries again.' }));
    });
    workerRef.current = worker;
    return () => {
      workerRef.current = null;
      worker.terminate();
    };
  }, []);

  useEffect(() => {
    if (revision === undefined || !workerRef.current) return;
    requests.current = { latest: requests.current.latest + 1, revision };
    const request: IndexRequest = { type: 'build-indexes', requestId: requests.current.latest };
    workerRef.current.postMessage(request);
  }, [revision]);

  // Derived, not stored: the render that brings a new revision already shows the view as busy.
  return { indexes: built.indexes, busy: revision === undefined || built.revision !== revision, error: built.error };
}
