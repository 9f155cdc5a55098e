import { useLiveQuery } from 'dexie-react-hooks';
import { listAnnotationsByDoc } from '../../../app/store/annotations-repo';
import { getDocument, getDocumentContent, listCitations, listDocuments, listReferences } from '../../../app/store/documents-repo';
import { getNotebook, listNotebooks } from '../../../app/store/notebooks-repo';
import { useServices } from '../services/context';

/** The store of the app's services, for live queries through the repositories. */
export function useDatabase() {
  return useServices().database;
}

/**
 * The library, kept live. `revision` lets the caller force a re-read when another context (the
 * import worker) has written, in case the cross-context change broadcast is unavailable.
 */
export function useDocuments(revision = 0) {
  const db = useDatabase();
  return useLiveQuery(() => listDocuments(db), [db, revision]);
}

/** One document's summary row, live. */
export function useDocumentSummary(id: string | null) {
  const db = useDatabase();
  // null once the query has run and found nothing; undefined while it is still loading.
  return useLiveQuery(async () => (id ? ((await getDocument(db, id)) ?? null) : null), [db, id]);
}

/** One document's text and blocks. */
export function useDocumentContent(id: string | null) {
  const db = useDatabase();
  return useLiveQuery(async () => (id ? ((await getDocumentContent(db, id)) ?? null) : null), [db, id]);
}

/** A document's highlights, live. */
export function useAnnotations(docId: string | null) {
  const db = useDatabase();
  return useLiveQuery(async () => (docId ? listAnnotationsByDoc(db, docId) : []), [db, docId]);
}

/** The notebooks, newest first, live. */
export function useNotebooks() {
  const db = useDatabase();
  return useLiveQuery(() => listNotebooks(db), [db]);
}

/** One notebook, live (null when missing). */
export function useNotebook(id: string | null) {
  const db = useDatabase();
  return useLiveQuery(async () => (id ? ((await getNotebook(db, id)) ?? null) : null), [db, id]);
}

/** A document's reference list, in order, live. */
export function useReferences(docId: string | null) {
  const db = useDatabase();
  return useLiveQuery(async () => (docId ? listReferences(db, docId) : []), [db, docId]);
}

/** A document's in-text citations and mentions, in text order, live. */
export function useCitations(docId: string | null) {
  const db = useDatabase();
  return useLiveQuery(async () => (docId ? listCitations(db, docId) : []), [db, docId]);
}
