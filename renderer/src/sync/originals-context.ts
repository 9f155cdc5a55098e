import { createContext } from 'react';

/**
 * While sync runs: brings a synced document's original file (PDF, EPUB, DOCX) from the server the
 * first time its pages are shown. Null while sync is off. Read by useDocumentOriginal.
 */
export const SyncOriginalsContext = createContext<((docId: string) => Promise<boolean>) | null>(null);
