/**
 * The messages shown to the student, kept outside React so the code that saves (highlight
 * actions, notebook saves, library writes) can report a failure without knowing how it is shown.
 */
import { describeStorageError } from '../../../app/store/storage-errors';

/** A button on a notice. */
export interface NoticeAction {
  label: string;
  run: () => void;
}

/** A message shown to the student: an import error, or a summary of what was imported. */
export interface Notice {
  id: number;
  tone: 'error' | 'info';
  text: string;
  /** One action the message offers, such as Undo. */
  action?: NoticeAction;
}

/** How code tells the student something. */
export interface Notices {
  /** Information, with an optional action (Undo); it fades after a while. */
  info: (text: string, action?: NoticeAction) => void;
  /** An error; it stays until dismissed. */
  error: (text: string) => void;
  /** A failed store operation, as a sentence the student can act on; a repeat is reported once. */
  storageError: (error: unknown) => void;
}

/** The notices and the list they make, which the app shows. */
export interface NoticeBoard extends Notices {
  /** The notices shown, oldest first (the same array until it changes). */
  list: () => readonly Notice[];
  dismiss: (id: number) => void;
  subscribe: (listener: () => void) => () => void;
}

/** At most this many notices are kept; older ones give way. */
const MAX_NOTICES = 8;
/** A failure repeated within this window (a note saved on every keystroke) is reported once. */
const REPEAT_WINDOW_MS = 10_000;

/** An empty notice board; `now` is the clock the repeat window reads. */
export function createNoticeBoard(now: () => number = Date.now): NoticeBoard {
  let notices: readonly Notice[] = [];
  let nextId = 1;
  let lastFailure: { message: string; at: number } | null = null;
  const listeners = new Set<() => void>();
  const set = (next: readonly Notice[]) => {
    notices = next;
    for (const listener of listeners) listener();
  };
  const push = (tone: Notice['tone'], text: string, action?: NoticeAction) =>
    set([...notices.slice(-(MAX_NOTICES - 1)), { id: nextId++, tone, text, ...(action ? { action } : {}) }]);
  return {
    info: (text, action) => push('info', text, action),
    error: (text) => push('error', text),
    storageError(error) {
      const message = describeStorageError(error);
      const at = now();
      if (lastFailure && lastFailure.message === message && at - lastFailure.at < REPEAT_WINDOW_MS) return;
      lastFailure = { message, at };
      push('error', message);
    },
    list: () => notices,
    dismiss: (id) => set(notices.filter((notice) => notice.id !== id)),
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
