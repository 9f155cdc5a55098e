/**
 * Saving as the student types, with nothing lost on a reload or a closed window: every change
 * is first written synchronously to localStorage as a draft, then saved to the store one write
 * at a time (always the newest state); the draft is cleared once the store has that version.
 * A draft left behind by an interrupted save is recovered the next time the editor opens.
 */

/** A saved editor state: Lexical JSON plus its plain text. */
export interface NoteState {
  json: unknown;
  text: string;
}

interface Draft extends NoteState {
  at: number;
}

const PREFIX = 'lectern.draft.';

/** A draft newer than `savedAt`, if one was left behind. */
export function pendingDraft(key: string, savedAt: number, storage: Storage = localStorage): NoteState | null {
  try {
    const raw = storage.getItem(PREFIX + key);
    if (!raw) return null;
    const draft = JSON.parse(raw) as Draft;
    return draft.at > savedAt ? { json: draft.json, text: draft.text } : null;
  } catch {
    return null;
  }
}

/** Saves changes in order, newest wins; `flush` resolves when the store is up to date. */
export function createDurableSaver(key: string, save: (state: NoteState) => Promise<void>, storage: Storage = localStorage) {
  let pending: Draft | null = null;
  let running: Promise<void> | null = null;

  const loop = async () => {
    while (pending) {
      const next = pending;
      pending = null;
      try {
        await save(next);
        // Only clear the draft if nothing newer was typed while saving.
        if (!pending) storage.removeItem(PREFIX + key);
      } catch {
        // The draft stays in localStorage and is recovered on the next open.
      }
    }
    running = null;
  };

  return {
    change(state: NoteState) {
      pending = { ...state, at: Date.now() };
      try {
        storage.setItem(PREFIX + key, JSON.stringify(pending));
      } catch {
        // Storage full: the store write below still runs.
      }
      running ??= loop();
    },
    flush(): Promise<void> {
      return running ?? Promise.resolve();
    },
  };
}
