import { quoteSelectorOf } from '../../../app/anchoring/selectors';
import { quoteCitation, type PassageLocator } from '../../../app/citations/quote-citation';
import type { CslItem } from '../../../app/documents/model';
import { getAnnotation } from '../../../app/store/annotations-repo';
import type { LecternDb } from '../../../app/store/db';
import { getDocument } from '../../../app/store/documents-repo';
import { getLocatedText, highlightLocator } from '../../../app/store/passage-locators';

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

/**
 * Builds the quote and citation for a highlight: author, year and a locator, the printed page
 * of a PDF ("p. ii") or the paragraph of any other document.
 */
export async function quoteFromHighlight(db: LecternDb, docId: string, annotationId: string): Promise<NotebookQuote | null> {
  const [annotation, summary, located] = await Promise.all([getAnnotation(db, annotationId), getDocument(db, docId), getLocatedText(db, docId)]);
  if (!annotation || !summary) return null;
  const quote = quoteSelectorOf(annotation.selectors)?.exact ?? '';
  const locator = located ? highlightLocator(located, annotation.selectors) : null;
  return { quote, citation: quoteCitation(summary.metadata, locator), docId, annotationId, item: summary.metadata, locator };
}
