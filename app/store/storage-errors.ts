import type { Result } from '../documents/model';

/** Error names from IndexedDB and Dexie, mapped to what the student can do about them. */
const MESSAGES: Record<string, string> = {
  QuotaExceededError:
    'Lectern’s storage is full. Free some disk space or remove documents you no longer need, then try again.',
  VersionError:
    'This library was last opened by a newer version of Lectern. Update Lectern to open it.',
  MissingAPIError:
    'Local storage is not available here (a private window or a browser setting may block it). Allow site data and reopen Lectern.',
  InvalidStateError: 'The library was closed while saving. Reopen Lectern and try again.',
  DatabaseClosedError: 'The library was closed while saving. Reopen Lectern and try again.',
  OpenFailedError: 'The library could not be opened. Close other Lectern windows and try again.',
  ConstraintError: 'This item is already in the library, so nothing was changed.',
  DataCloneError: 'This item holds data that cannot be stored. Nothing was saved; please report the file that caused it.',
  ReadOnlyError: 'The library is open read-only here, so nothing was saved.',
  TimeoutError: 'The library took too long to answer. Close other Lectern windows and try again.',
  UnknownError:
    'The disk refused the write. Check that the disk is not full or failing, then restart Lectern.',
};

const FALLBACK = 'The library could not be updated. Nothing was saved; try again, and restart Lectern if it keeps happening.';

/** A user-facing sentence for any storage failure: never a stack trace. */
export function describeStorageError(error: unknown): string {
  // Dexie wraps the browser's error (AbortError around a QuotaExceededError, OpenFailedError
  // around a VersionError), so the most specific known name along the chain wins.
  for (const name of errorNames(error).reverse()) {
    const message = MESSAGES[name];
    if (message) return message;
  }
  return FALLBACK;
}

function errorNames(error: unknown): string[] {
  const names: string[] = [];
  const seen = new Set<unknown>();
  let current: unknown = error;
  while (current && typeof current === 'object' && !seen.has(current)) {
    seen.add(current);
    const record = current as { name?: unknown; inner?: unknown; cause?: unknown };
    if (typeof record.name === 'string') names.push(record.name);
    current = record.inner ?? record.cause;
  }
  return names;
}

/** Runs a store operation at a boundary (worker, IPC) and turns any failure into a value. */
export async function asStorageResult<T>(operation: () => Promise<T>): Promise<Result<T>> {
  try {
    return { ok: true, value: await operation() };
  } catch (error) {
    return { ok: false, error: describeStorageError(error) };
  }
}
