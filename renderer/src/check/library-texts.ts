/**
 * The library as the quote check reads it: every document's canonical text and blocks, and for
 * a PDF its page map and printed page labels, so a found passage is cited by the page a reader
 * sees printed on it.
 */
import type { LibraryText } from '../../../app/check/report';
import type { LecternDb } from '../../../app/store/db';
import { getDocumentContent, listDocuments } from '../../../app/store/documents-repo';
import { getPageMap } from '../../../app/store/page-maps-repo';

/** Options of a read. */
export interface ReadLibraryOptions {
  signal?: AbortSignal;
  /** Called after each document, with how many are read of how many. */
  onProgress?: (done: number, total: number) => void;
}

/** Reads every document of the library (newest first) that has a text; throws when `signal` aborts. */
export async function readLibraryTexts(db: LecternDb, options: ReadLibraryOptions = {}): Promise<LibraryText[]> {
  const documents = await listDocuments(db);
  const texts: LibraryText[] = [];
  let done = 0;
  for (const doc of documents) {
    if (options.signal?.aborted) throw new Error('The check was stopped.');
    const [content, map] = await Promise.all([getDocumentContent(db, doc.id), doc.format === 'pdf' ? getPageMap(db, doc.id) : undefined]);
    done += 1;
    options.onProgress?.(done, documents.length);
    if (!content || content.text === '') continue;
    texts.push({
      id: doc.id,
      title: doc.title,
      format: doc.format,
      metadata: doc.metadata,
      text: content.text,
      blocks: content.blocks,
      ...(map ? { pageMap: map.pages, pageLabels: map.labels ?? null } : {}),
    });
  }
  return texts;
}
