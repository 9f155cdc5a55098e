/** The drag payload of a highlight, understood by notebooks. */
export const HIGHLIGHT_MIME = 'application/x-lectern-highlight';

/** The drag payload of a library document, understood by panes. */
export const DOCUMENT_MIME = 'application/x-lectern-document';

/** What a dragged highlight carries. */
export interface DraggedHighlight {
  docId: string;
  annotationId: string;
}

/**
 * Puts a highlight on a drag: for notebooks the highlight itself, for other programs its text,
 * followed by `citation` when given, as a quote pasted into an essay reads: “…” (Hothorn 2021, p. ii).
 */
export function startHighlightDrag(event: React.DragEvent, payload: DraggedHighlight, quote: string, citation?: string): void {
  event.dataTransfer.setData(HIGHLIGHT_MIME, JSON.stringify(payload));
  event.dataTransfer.setData('text/plain', citation ? `“${quote}” ${citation}` : quote);
  event.dataTransfer.effectAllowed = 'copy';
}

/** Reads a dragged highlight, or null. */
export function readHighlightDrag(dataTransfer: DataTransfer | null): DraggedHighlight | null {
  const raw = dataTransfer?.getData(HIGHLIGHT_MIME);
  if (!raw) return null;
  try {
    const value = JSON.parse(raw) as Partial<DraggedHighlight>;
    return typeof value.docId === 'string' && typeof value.annotationId === 'string' ? { docId: value.docId, annotationId: value.annotationId } : null;
  } catch {
    return null;
  }
}
