/**
 * One place where failed saves are reported to the student. Modules that write to the store
 * outside React (highlight actions, notebook saves) call reportStorageError; App decides how
 * the message is shown.
 */
import { describeStorageError } from '../../../app/store/storage-errors';

type Reporter = (message: string) => void;

let reporter: Reporter | null = null;
let last: { message: string; at: number } | null = null;

/** A failure repeated within this window (a note saved on every keystroke) is reported once. */
const REPEAT_WINDOW_MS = 10_000;

/** Installs the function that shows messages; returns a function that removes it. */
export function setStorageErrorReporter(next: Reporter): () => void {
  reporter = next;
  return () => {
    if (reporter === next) reporter = null;
  };
}

/** Reports a failed store operation as a sentence the student can act on. */
export function reportStorageError(error: unknown, now: number = Date.now()): void {
  const message = describeStorageError(error);
  if (last && last.message === message && now - last.at < REPEAT_WINDOW_MS) return;
  last = { message, at: now };
  if (reporter) reporter(message);
  else console.error(message, error);
}
