/**
 * Quotes on their way into a notebook that may not be open yet: "Quote in notebook" queues the
 * highlight here, and the notebook's editor takes it when it mounts or when told.
 */

/** A highlight waiting to be quoted. */
export interface InboxItem {
  docId: string;
  annotationId: string;
}

/** The queue per notebook. */
export interface NotebookInbox {
  /** Queues a highlight for a notebook and tells any open editor of it. */
  send: (notebookId: string, item: InboxItem) => void;
  /** Takes every highlight waiting for a notebook. */
  take: (notebookId: string) => InboxItem[];
  /** Calls `listener` whenever something is queued for `notebookId`; returns an unsubscribe. */
  listen: (notebookId: string, listener: () => void) => () => void;
}

/** An empty inbox. */
export function createNotebookInbox(): NotebookInbox {
  const waiting = new Map<string, InboxItem[]>();
  const listeners = new Map<string, Set<() => void>>();
  return {
    send(notebookId, item) {
      waiting.set(notebookId, [...(waiting.get(notebookId) ?? []), item]);
      for (const listener of [...(listeners.get(notebookId) ?? [])]) listener();
    },
    take(notebookId) {
      const items = waiting.get(notebookId) ?? [];
      waiting.delete(notebookId);
      return items;
    },
    listen(notebookId, listener) {
      const set = listeners.get(notebookId) ?? new Set();
      set.add(listener);
      listeners.set(notebookId, set);
      return () => {
        set.delete(listener);
        if (set.size === 0 && listeners.get(notebookId) === set) listeners.delete(notebookId);
      };
    },
  };
}
