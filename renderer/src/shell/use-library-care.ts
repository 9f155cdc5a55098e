import { useEffect } from 'react';
import { requestPersistentStorage } from '../../../app/store/persistent-storage';
import { emptyExpiredTrash } from '../../../app/store/trash-repo';
import { searchService } from '../search/search-service';
import { database } from '../store/hooks';
import type { NoticeAction } from './notices';
import { setStorageErrorReporter } from './storage-report';

/** Remembers that the eviction warning was given, so it is not repeated on every start. */
const WARNED_KEY = 'lectern.persistence-warned';

/**
 * Start-up care of the library: failed saves reach the notices, the browser is asked to keep
 * the library, expired trash is emptied, and the search index is loaded (or built).
 */
export function useLibraryCare(push: (tone: 'error' | 'info', text: string, action?: NoticeAction) => void): void {
  useEffect(() => setStorageErrorReporter((message) => push('error', message)), [push]);

  useEffect(() => {
    void searchService.start();
    void emptyExpiredTrash(database()).catch((error: unknown) => console.error('The trash could not be emptied.', error));
    void requestPersistentStorage().then((state) => {
      if (state !== 'denied' || localStorage.getItem(WARNED_KEY)) return;
      try {
        localStorage.setItem(WARNED_KEY, String(Date.now()));
      } catch {
        // Without storage the warning may come again next time; that is harmless.
      }
      push(
        'info',
        'This browser may clear Lectern’s library, notes included, when the disk runs low on space. Back up your library now and then (Library → Back up library…).',
      );
    });
  }, [push]);
}
