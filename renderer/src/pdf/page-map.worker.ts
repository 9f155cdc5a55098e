/// <reference lib="webworker" />
/**
 * Builds the page map of a PDF imported before maps were kept, off the UI thread: the kept
 * original is read again by the import's own code and walked against the stored text, and the
 * map is stored, where the page view's live query picks it up. Posts back one PageMapReply.
 */
import { pageItemsOf } from '../../../app/documents/pdf/pdf-importer';
import { openLecternDb } from '../../../app/store/db';
import { getDocumentContent, getDocumentOriginal } from '../../../app/store/documents-repo';
import { savePageMap } from '../../../app/store/page-maps-repo';
import type { PageMapReply, PageMapRequest } from './page-map-request';

const db = openLecternDb();

self.onmessage = (event: MessageEvent<PageMapRequest>) => {
  const { docId } = event.data;
  void build(docId).then(
    (reply) => self.postMessage(reply),
    (error: unknown) => self.postMessage({ ok: false, error: error instanceof Error ? error.message : String(error) } satisfies PageMapReply),
  );
};

async function build(docId: string): Promise<PageMapReply> {
  const [content, original] = await Promise.all([getDocumentContent(db, docId), getDocumentOriginal(db, docId)]);
  if (!content || !original) return { ok: false, error: 'The document or its original file is gone.' };
  const bytes = original instanceof Blob ? new Uint8Array(await original.arrayBuffer()) : original;
  const pages = await pageItemsOf(bytes, content.text);
  if (!pages.ok) return pages;
  await savePageMap(db, { docId, pages: pages.value });
  return { ok: true, value: true };
}
