/**
 * Quotes on their way into a notebook that may not be open yet: "Quote in notebook" queues the
 * highlight here, and the notebook's editor takes it when it mounts or when told.
 */
const waiting = new Map<string, { docId: string; annotationId: string }[]>();
const EVENT = 'lectern:notebook-inbox';

/** Queues a highlight for a notebook and tells any open editor of it. */
export function sendToNotebook(notebookId: string, docId: string, annotationId: string): void {
  waiting.set(notebookId, [...(waiting.get(notebookId) ?? []), { docId, annotationId }]);
  window.dispatchEvent(new CustomEvent(EVENT, { detail: notebookId }));
}

/** Takes every highlight waiting for a notebook. */
export function takeFromInbox(notebookId: string): { docId: string; annotationId: string }[] {
  const items = waiting.get(notebookId) ?? [];
  waiting.delete(notebookId);
  return items;
}

/** Calls `listener` whenever something is queued for `notebookId`; returns an unsubscribe. */
export function onInbox(notebookId: string, listener: () => void): () => void {
  const handler = (event: Event) => {
    if ((event as CustomEvent<string>).detail === notebookId) listener();
  };
  window.addEventListener(EVENT, handler);
  return () => window.removeEventListener(EVENT, handler);
}
