import { useEffect, useMemo, useRef, useState } from 'react';
import type { DocumentSummary } from '../../../app/store/records';
import { useWorksRevision } from '../bibliography/use-works';
import type { WorkerFactory } from '../workers/channel';
import { useWorkerChannel } from '../workers/use-worker-channel';
import type { LibraryIndexes } from './index-data';
import type { IndexWorkerProtocol } from './index-protocol';

/** The app's Index view worker. */
export const startIndexWorker: WorkerFactory = () => new Worker(new URL('./index.worker.ts', import.meta.url), { type: 'module', name: 'lectern-index' });

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
export function useLibraryIndexes(revision: string | undefined, createWorker: WorkerFactory = startIndexWorker): LibraryIndexesState {
  const channelRef = useWorkerChannel<IndexWorkerProtocol>(createWorker, 'Lectern could not build the index. Reopening the Index view tries again.');
  const latest = useRef(0);
  const [built, setBuilt] = useState<Built>({ indexes: null, revision: undefined, error: null });

  useEffect(() => {
    if (revision === undefined || !channelRef.current) return;
    const request = ++latest.current;
    void channelRef.current.call('build-indexes', {}).then((reply) => {
      // An older build may finish late; a closed view's answer goes nowhere.
      if (request !== latest.current || channelRef.current === null) return;
      setBuilt((previous) => (reply.ok ? { indexes: reply.value, revision, error: null } : { indexes: previous.indexes, revision, error: reply.error }));
    });
  }, [revision]);

  // Derived, not stored: the render that brings a new revision already shows the view as busy.
  return { indexes: built.indexes, busy: revision === undefined || built.revision !== revision, error: built.error };
}

/**
 * What the Index rows are built from, as one string that changes when they must be rebuilt: the
 * documents (added, removed, edited) and the imported works. Undefined while either is first read.
 */
export function useIndexRevision(documents: readonly DocumentSummary[] | undefined): string | undefined {
  const works = useWorksRevision();
  return useMemo(() => (documents && works !== undefined ? `${works}|${documents.map((d) => `${d.id}:${d.updatedAt}`).join('|')}` : undefined), [documents, works]);
}
