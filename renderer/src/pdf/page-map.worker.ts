/// <reference lib="webworker" />
/**
 * Builds the page map of a PDF imported before maps were kept, off the UI thread: the kept
 * original is read again by the import's own code and walked against the stored text, and the
 * map is stored, where the page view's live query picks it up. A map kept from before printed
 * page labels were read gets its labels the same way.
 */
import { pageLabelsOf, pageMapOf } from '../../../app/documents/pdf/pdf-importer';
import { openLecternDb } from '../../../app/store/db';
import { getDocumentContent, getDocumentOriginal } from '../../../app/store/documents-repo';
import { getPageMap, savePageLabels, savePageMap } from '../../../app/store/page-maps-repo';
import { openChannel } from '../workers/channel';
import type { PageMapProtocol } from './page-map-request';

const db = openLecternDb();

openChannel<Record<never, never>, PageMapProtocol>(self, {
  async 'build-page-map'({ docId }) {
    const [content, original, kept] = await Promise.all([getDocumentContent(db, docId), getDocumentOriginal(db, docId), getPageMap(db, docId)]);
    if (!content || !original) throw new Error('The document or its original file is gone.');
    if (kept && kept.labels !== undefined) return true as const;
    const bytes = original instanceof Blob ? new Uint8Array(await original.arrayBuffer()) : original;
    if (kept) {
      await savePageLabels(db, docId, await pageLabelsOf(bytes));
      return true as const;
    }
    const map = await pageMapOf(bytes, content.text);
    if (!map.ok) throw new Error(map.error);
    await savePageMap(db, { docId, pages: map.value.pages, labels: map.value.labels });
    return true as const;
  },
});
