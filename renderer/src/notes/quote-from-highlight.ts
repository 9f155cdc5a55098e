import { quoteSelectorOf } from '../../../app/anchoring/selectors';
import { anchor } from '../../../app/anchoring/anchor';
import { paragraphLocator } from '../../../app/documents/locator';
import { quoteCitation, type PassageLocator } from '../../../app/citations/quote-citation';
import type { CslItem } from '../../../app/documents/model';
import { getAnnotation } from '../../../app/store/annotations-repo';
import type { LecternDb } from '../../../app/store/db';
import { getDocument, getDocumentContent } from '../../../app/store/documents-repo';

/** A quote ready to go into a notebook: the passage and its short citation. */
export interface NotebookQuote {
  quote: string;
  citation: string;
  docId: string;
  annotationId: string;
  /** The source's bibliographic item and the passage's place in it, for styled citations. */
  item: CslItem;
  locator: PassageLocator | null;
}

/** Builds the quote and citation for a highlight: author, year and a page or paragraph locator. */
export async function quoteFromHighlight(db: LecternDb, docId: string, annotationId: string): Promise<NotebookQuote | null> {
  const [annotation, summary, content] = await Promise.all([getAnnotation(db, annotationId), getDocument(db, docId), getDocumentContent(db, docId)]);
  if (!annotation || !summary) return null;
  const quote = quoteSelectorOf(annotation.selectors)?.exact ?? '';
  const page = annotation.selectors.find((selector) => selector.type === 'PageSelector');
  let locator: PassageLocator | null = page ? { label: 'page', value: page.page } : null;
  if (!locator && content) {
    const placed = anchor(content.text, annotation.selectors);
    if (placed) locator = paragraphLocator(content.blocks, placed.start);
  }
  return { quote, citation: quoteCitation(summary.metadata, locator), docId, annotationId, item: summary.metadata, locator };
}
