import { useEffect } from 'react';
import { requestPersistentStorage } from '../../../app/store/persistent-storage';
import { emptyExpiredTrash } from '../../../app/store/trash-repo';
import type { LecternDb } from '../../../app/store/db';
import type { Notices } from '../services/notices';

/** Remembers that the eviction warning was given, so it is not repeated on every start. */
const WARNED_KEY = 'lectern.persistence-warned';

/** Past this long after start, the care runs even if the app has not been idle yet. */
const IDLE_TIMEOUT_MS = 3000;

/** Runs `task` once the app is idle (after the library has shown); returns a cancel function. */
function whenIdle(task: () => void): () => void {
  if (typeof requestIdleCallback === 'function') {
    const handle = requestIdleCallback(task, { timeout: IDLE_TIMEOUT_MS });
    return () => cancelIdleCallback(handle);
  }
  const handle = setTimeout(task, 0);
  return () => clearTimeout(handle);
}

/**
 * Start-up care of the library: once the library has shown and the app is idle, the browser is
 * asked to keep the library and expired trash is emptied. The search index loads when the search
 * box is first used (see search-service.ts), not at start.
 */
export function useLibraryCare(database: LecternDb, notices: Notices): void {
  useEffect(
    () =>
      whenIdle(() => {
        void emptyExpiredTrash(database).catch((error: unknown) => console.error('The trash could not be emptied.', error));
        void requestPersistentStorage().then((state) => {
          if (state !== 'denied' || localStorage.getItem(WARNED_KEY)) return;
          try {
            localStorage.setItem(WARNED_KEY, String(Date.now()));
          } catch {
            // Without storage the warning may come again next time; that is harmless.
          }
          notices.info(
            'This browser may clear Lectern’s library, notes included, when the disk runs low on space. Back up your library now and then (Library → Back up library…).',
          );
        });
      }),
    [database, notices],
  );
}
