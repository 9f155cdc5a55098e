import { useLiveQuery } from 'dexie-react-hooks';
import { getDocumentOriginal } from '../../../app/store/documents-repo';
import { useDatabase } from './hooks';

/**
 * A document's original bytes (PDF, EPUB, DOCX) as the import kept them, for page views.
 * undefined while loading, null when the document has no original (text formats, or a missing row).
 */
export function useDocumentOriginal(docId: string | null): Blob | Uint8Array | null | undefined {
  const db = useDatabase();
  return useLiveQuery(async () => (docId ? ((await getDocumentOriginal(db, docId)) ?? null) : null), [db, docId]);
}
