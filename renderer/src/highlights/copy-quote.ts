import type { LecternDb } from '../../../app/store/db';
import { quoteFromHighlight } from '../notes/quote-from-highlight';
import { loadExport } from '../citations/styles';

/**
 * Copies a highlight as “quote” (Author Year, locator) in the chosen style, as plain text and
 * as HTML for rich paste. Resolves with the text copied, or an error message.
 */
export async function copyHighlightAsQuote(db: LecternDb, docId: string, annotationId: string, style: string): Promise<{ ok: true; text: string } | { ok: false; error: string }> {
  const source = await quoteFromHighlight(db, docId, annotationId);
  if (!source) return { ok: false, error: 'That highlight is no longer in your library.' };
  await loadExport();
  const { quoteWithCitation } = await import('../../../app/export/quote-copy');
  const copy = quoteWithCitation(source.quote, source.item, source.locator, style);
  try {
    if (typeof ClipboardItem !== 'undefined' && navigator.clipboard?.write) {
      await navigator.clipboard.write([
        new ClipboardItem({ 'text/plain': new Blob([copy.text], { type: 'text/plain' }), 'text/html': new Blob([copy.html], { type: 'text/html' }) }),
      ]);
    } else {
      await navigator.clipboard.writeText(copy.text);
    }
    return { ok: true, text: copy.text };
  } catch {
    return { ok: false, error: 'Lectern could not write to the clipboard. Select the quote and copy it by hand.' };
  }
}
