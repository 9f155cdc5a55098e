/**
 * Locators for stored passages: a document as passageLocator reads it (its blocks, and for a PDF
 * its page map and printed labels) and the locator of a stored highlight. Copy as quote, notebook
 * quotes and highlight exports all go through here, so a passage is cited the same everywhere.
 */
import { anchor } from '../anchoring/anchor';
import type { AnnotationSelector, PageSelector } from '../anchoring/selectors';
import type { PassageLocator } from '../citations/quote-citation';
import { passageLocator, type LocatorSource } from '../documents/page-labels';
import type { LecternDb } from './db';
import { getDocument, getDocumentContent } from './documents-repo';
import { getPageMap } from './page-maps-repo';

/** A document as passageLocator reads it, with the text its highlights anchor in. */
export interface LocatedText extends LocatorSource {
  text: string;
}

/** `docId` ready for locators; null when it or its text is gone. */
export async function getLocatedText(db: LecternDb, docId: string): Promise<LocatedText | null> {
  const [summary, content] = await Promise.all([getDocument(db, docId), getDocumentContent(db, docId)]);
  if (!summary || !content) return null;
  if (summary.format !== 'pdf') return { format: summary.format, blocks: content.blocks, text: content.text };
  const map = await getPageMap(db, docId);
  return { format: 'pdf', blocks: content.blocks, text: content.text, ...(map ? { pageMap: map.pages, pageLabels: map.labels ?? null } : {}) };
}

/**
 * The locator of a highlight: on a PDF the printed label of the page it was made on (its
 * PageSelector) or, made in the text view, of the page its text is printed on; elsewhere its
 * paragraph. Null when it no longer anchors and carries no page.
 */
export function highlightLocator(source: LocatedText, selectors: readonly AnnotationSelector[]): PassageLocator | null {
  const page = selectors.find((selector): selector is PageSelector => selector.type === 'PageSelector')?.page;
  const placed = anchor(source.text, selectors);
  if (placed) return passageLocator(source, placed.start, page);
  return source.format === 'pdf' && page !== undefined ? passageLocator(source, 0, page) : null;
}
