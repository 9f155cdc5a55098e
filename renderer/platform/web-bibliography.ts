/**
 * The synced bibliography file in a browser: a page cannot keep a file on disk up to date, so
 * the student picks a format once (remembered in localStorage) and downloads the file on request.
 */
import type { BibliographyFileChoice } from '../../app/ipc/contract';
import { SYNC_FORMATS, syncFileName, type SyncFormat } from '../../app/writing/sync-format';
import type { BibliographyFilePlatform } from './platform';

const STORAGE_KEY = 'lectern.bibliographyFile';

function isSyncFormat(value: unknown): value is SyncFormat {
  return typeof value === 'string' && (SYNC_FORMATS as readonly string[]).includes(value);
}

function stored(): SyncFormat | null {
  try {
    const raw = localStorage.getItem(STORAGE_KEY);
    const format: unknown = raw ? (JSON.parse(raw) as { format?: unknown }).format : null;
    return isSyncFormat(format) ? format : null;
  } catch {
    return null;
  }
}

/** The web's bibliography file, downloading through `download`. */
export function webBibliographyFile(download: (name: string, data: string) => void): BibliographyFilePlatform {
  // Kept here too, so a page whose storage is blocked still remembers the choice while it is open.
  let chosen: SyncFormat | null | undefined;
  const read = (): BibliographyFileChoice | null => {
    const format = chosen === undefined ? stored() : chosen;
    return format ? { path: syncFileName(format), format } : null;
  };
  return {
    automatic: false,
    choose(format) {
      chosen = format;
      try {
        localStorage.setItem(STORAGE_KEY, JSON.stringify({ format }));
      } catch {
        // Storage full or blocked: the choice lasts for this page only, which still works.
      }
      return Promise.resolve({ ok: true, value: { path: syncFileName(format) } });
    },
    current: () => Promise.resolve({ ok: true, value: read() }),
    write(data) {
      const choice = read();
      if (!choice) return Promise.resolve({ ok: false, error: 'Choose a format for the bibliography file first.' });
      download(choice.path, data);
      return Promise.resolve({ ok: true, value: undefined });
    },
    forget() {
      chosen = null;
      try {
        localStorage.removeItem(STORAGE_KEY);
      } catch {
        // Nothing was kept.
      }
      return Promise.resolve({ ok: true, value: undefined });
    },
  };
}
