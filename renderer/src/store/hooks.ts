import { useLiveQuery } from 'dexie-react-hooks';
import { openLecternDb, type LecternDb } from '../../../app/store/db';
import { listAnnotationsByDoc } from '../../../app/store/annotations-repo';
import { getDocument, getDocumentContent, listCitations, listDocuments, listReferences } from '../../../app/store/documents-repo';
import { getNotebook, listNotebooks } from '../../../app/store/notebooks-repo';

let shared: LecternDb | undefined;

/** The renderer's one connection to the store (the import worker opens its own). */
export function database(): LecternDb {
  shared ??= openLecternDb();
  return shared;
}

/**
 * The library, kept live. `revision` lets the caller force a re-read when another context (the
 * import worker) has written, in case the cross-context change broadcast is unavailable.
 */
export function useDocuments(revision = 0) {
  return useLiveQuery(() => listDocuments(database()), [revision]);
}

/** One document's summary row, live. */
export function useDocumentSummary(id: string | null) {
  // null once the query has run and found nothing; undefined while it is still loading.
  return useLiveQuery(async () => (id ? ((await getDocument(database(), id)) ?? null) : null), [id]);
}

/** One document's text and blocks. */
export function useDocumentContent(id: string | null) {
  return useLiveQuery(async () => (id ? ((await getDocumentContent(database(), id)) ?? null) : null), [id]);
}

/** A document's highlights, live. */
export function useAnnotations(docId: string | null) {
  return useLiveQuery(async () => (docId ? listAnnotationsByDoc(database(), docId) : []), [docId]);
}

/** The notebooks, newest first, live. */
export function useNotebooks() {
  return useLiveQuery(() => listNotebooks(database()), []);
}

/** One notebook, live (null when missing). */
export function useNotebook(id: string | null) {
  return useLiveQuery(async () => (id ? ((await getNotebook(database(), id)) ?? null) : null), [id]);
}

/** A document's reference list, in order, live. */
export function useReferences(docId: string | null) {
  return useLiveQuery(async () => (docId ? listReferences(database(), docId) : []), [docId]);
}

/** A document's in-text citations and mentions, in text order, live. */
export function useCitations(docId: string | null) {
  return useLiveQuery(async () => (docId ? listCitations(database(), docId) : []), [docId]);
}
