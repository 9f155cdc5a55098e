/**
 * Keeps the synced bibliography file up to date. On the desktop, once the student has chosen a
 * file, every change to the library (documents, references, imported works, citation keys)
 * rebuilds the file's text, after a quiet second; the file is rewritten only when the text
 * changed. On the web nothing is written by itself: the student downloads the file on request.
 * A failure is told once, until a write succeeds again.
 */
import type { BibliographyFileChoice } from '../../../app/ipc/contract';
import type { Result } from '../../../app/documents/model';
import type { LecternDb } from '../../../app/store/db';
import type { SyncFormat } from '../../../app/writing/sync-format';
import { watchSyncSources } from '../../../app/writing/watch-library';
import type { Platform } from '../../platform';
import type { Notices } from '../services/notices';

/** What the dialog shows. */
export interface SyncStatus {
  /** The file kept in sync (desktop) or the format downloads use (web); null when none. */
  choice: BibliographyFileChoice | null;
  /** Works in the file as last written. */
  works?: number;
  /** When the file was last written (or found unchanged), ms since the epoch. */
  checkedAt?: number;
  /** The last failure, until a write succeeds. */
  error?: string;
}

/** The sync of one app: its status, and what the dialog can ask of it. */
export interface BibliographySync {
  status: () => SyncStatus;
  subscribe: (listener: () => void) => () => void;
  /** Asks where the file goes (desktop: save dialog) and writes it at once. */
  choose: (format: SyncFormat) => Promise<Result<SyncStatus | null>>;
  /** Builds the file and writes it (desktop) or downloads it (web). */
  writeNow: () => Promise<Result<SyncStatus>>;
  /** Stops keeping the file. */
  forget: () => Promise<void>;
  /** Stops watching the library. */
  stop: () => void;
}

/** Quiet time after the last change before the file is rebuilt: an import of many files rewrites it once. */
export const SYNC_DEBOUNCE_MS = 1500;

/** Builds the file's text with the library's stored keys, pinned as they leave Lectern. */
async function buildText(db: LecternDb, format: SyncFormat): Promise<Result<{ text: string; works: number }>> {
  const [{ libraryBibliography }, { citekeysFor }, { loadExport }] = await Promise.all([
    import('../../../app/writing/library-bibliography'),
    import('../../../app/store/citekeys-repo'),
    import('../citations/styles'),
  ]);
  await loadExport();
  return libraryBibliography(db, format, (entries) => citekeysFor(db, entries, { pin: true }));
}

/** Starts the sync over `db` and `platform`; failures go to `notices`, each once. */
export function createBibliographySync(db: LecternDb, platform: Platform, notices: Notices, options: { debounceMs?: number } = {}): BibliographySync {
  const debounceMs = options.debounceMs ?? SYNC_DEBOUNCE_MS;
  let status: SyncStatus = { choice: null };
  const listeners = new Set<() => void>();
  let lastText: string | null = null;
  let toldError: string | null = null;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let unwatch: (() => void) | null = null;
  let running: Promise<unknown> = Promise.resolve();
  let stopped = false;

  const set = (patch: Partial<SyncStatus>, drop: (keyof SyncStatus)[] = []) => {
    const next = { ...status, ...patch };
    for (const field of drop) delete next[field];
    status = next;
    for (const listener of listeners) listener();
  };

  const fail = (error: string): Result<SyncStatus> => {
    set({ error });
    if (toldError !== error) notices.error(error);
    toldError = error;
    return { ok: false, error };
  };

  /** One build and write; runs after the one before, never two at once. */
  const write = (force: boolean): Promise<Result<SyncStatus>> => {
    const next = running.then(async (): Promise<Result<SyncStatus>> => {
      const choice = status.choice;
      if (!choice) return { ok: false, error: 'Choose a bibliography file first.' };
      const built = await buildText(db, choice.format);
      if (!built.ok) return fail(built.error);
      if (!force && built.value.text === lastText) return { ok: true, value: status };
      const written = await platform.bibliography.write(built.value.text);
      if (!written.ok) return fail(written.error);
      lastText = built.value.text;
      toldError = null;
      set({ works: built.value.works, checkedAt: Date.now() }, ['error']);
      return { ok: true, value: status };
    });
    running = next.catch(() => undefined);
    return next;
  };

  const schedule = () => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = null;
      if (!stopped) void write(false);
    }, debounceMs);
  };

  const watch = () => {
    unwatch?.();
    unwatch = null;
    if (!platform.bibliography.automatic || !status.choice || stopped) return;
    let first = true;
    unwatch = watchSyncSources(db, () => {
      // The first call is the library as it is: written at once, in case it changed while Lectern was closed.
      if (first) {
        first = false;
        void write(false);
        return;
      }
      schedule();
    });
  };

  // Keeping the file is background work: a platform that cannot say which file was chosen
  // leaves the sync off, never the app.
  void Promise.resolve()
    .then(() => platform.bibliography.current())
    .then(
      (current) => {
        if (stopped || !current.ok) return;
        set({ choice: current.value });
        watch();
      },
      () => undefined,
    );

  return {
    status: () => status,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async choose(format) {
      const chosen = await platform.bibliography.choose(format);
      if (!chosen.ok) return chosen;
      if (!chosen.value) return { ok: true, value: null };
      lastText = null;
      set({ choice: { path: chosen.value.path, format } }, ['works', 'checkedAt', 'error']);
      // The web downloads only when asked; the desktop writes the chosen file at once and then keeps it.
      if (!platform.bibliography.automatic) return { ok: true, value: status };
      const written = await write(true);
      watch();
      return written;
    },
    writeNow: () => write(true),
    async forget() {
      await platform.bibliography.forget();
      unwatch?.();
      unwatch = null;
      lastText = null;
      set({ choice: null }, ['works', 'checkedAt', 'error']);
    },
    stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      unwatch?.();
    },
  };
}
