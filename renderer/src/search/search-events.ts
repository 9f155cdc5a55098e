/**
 * Changes the search index must follow, announced by the code that saves them (highlight
 * actions, notebook saves), so those modules need not know the index exists.
 */

/** One saved change: a highlight (created, edited, deleted) or a notebook. */
export type SearchChange = { kind: 'annotation'; id: string } | { kind: 'notebook'; id: string };

type Listener = (change: SearchChange) => void;

const listeners = new Set<Listener>();

/** The emitter the savers call and the search service listens to. */
export const searchEvents = {
  /** A highlight or its note was saved or deleted. */
  annotationChanged(id: string): void {
    emit({ kind: 'annotation', id });
  },
  /** A notebook's text or title was saved, or it was deleted. */
  notebookChanged(id: string): void {
    emit({ kind: 'notebook', id });
  },
  /** Subscribes; returns the unsubscribe function. */
  subscribe(listener: Listener): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
};

function emit(change: SearchChange): void {
  for (const listener of listeners) listener(change);
}
