/// <reference lib="webworker" />
/**
 * Builds the page map of a PDF imported before maps were kept, off the UI thread: the kept
 * original is read again by the import's own code and walked against the stored text, and the
 * map is stored, where the page view's live query picks it up.
 */
import { pageItemsOf } from '../../../app/documents/pdf/pdf-importer';
import { openLecternDb } from '../../../app/store/db';
import { getDocumentContent, getDocumentOriginal } from '../../../app/store/documents-repo';
import { savePageMap } from '../../../app/store/page-maps-repo';
import { openChannel } from '../workers/channel';
import type { PageMapProtocol } from './page-map-request';

const db = openLecternDb();

openChannel<Record<never, never>, PageMapProtocol>(self, {
  async 'build-page-map'({ docId }) {
    const [content, original] = await Promise.all([getDocumentContent(db, docId), getDocumentOriginal(db, docId)]);
    if (!content || !original) throw new Error('The document or its original file is gone.');
    const bytes = original instanceof Blob ? new Uint8Array(await original.arrayBuffer()) : original;
    const pages = await pageItemsOf(bytes, content.text);
    if (!pages.ok) throw new Error(pages.error);
    await savePageMap(db, { docId, pages: pages.value });
    return true as const;
  },
});
