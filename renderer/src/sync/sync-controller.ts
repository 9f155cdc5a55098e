/**
 * Runs the sync of this machine's library while the settings say so: a Y.Doc, the engine that
 * keeps it and Dexie in step, the note bridge, the document transfer and the provider that talks
 * to the server. Nothing of it is loaded, and no request is made, while sync is off or a field is
 * missing: the heavy modules (Yjs, Hocuspocus) come in through `load` only when sync starts.
 */
import type * as Y from 'yjs';
import type { LecternDb } from '../../../app/store/db';
import type { DocumentTransfer, NoteContentBridge, NoteKey, SyncSettings, SyncStatus } from '../../../app/sync/contract';
import type { NoteBridge } from './notes/note-bridge';
import { syncReady } from './sync-settings';

/** The engine as the controller uses it (app/sync/library-sync.ts). */
export interface EngineLike {
  start(): Promise<void>;
  stop(): void;
  idle(): Promise<void>;
  pending(): number;
}

/** What the controller hands the provider; the callbacks are how it learns the connection's state. */
export interface ProviderConfig {
  url: string;
  name: string;
  token: string;
  document: Y.Doc;
  onStatus: (event: { status: string }) => void;
  onSynced: (event: { state: boolean }) => void;
  onAuthenticated: () => void;
  onAuthenticationFailed: (event: { reason: string }) => void;
  onUnsyncedChanges: (event: { number: number }) => void;
}

/** The provider as the controller uses it (HocuspocusProvider). */
export interface ProviderLike {
  connect(): unknown;
  disconnect(): void;
  destroy(): void;
  readonly unsyncedChanges: number;
}

/** The pieces of a running sync, made by the loaded modules (sync-modules.ts in the app, fakes in tests). */
export interface SyncModules {
  createDoc(): Y.Doc;
  createEngine(options: {
    db: LecternDb;
    doc: Y.Doc;
    notes?: NoteContentBridge;
    documents?: DocumentTransfer;
    onError?: (message: string) => void;
    onRemoteRows?: (rows: readonly { table: string; key: string }[]) => void;
  }): EngineLike;
  createNoteBridge(options: { db: LecternDb; doc: Y.Doc; onChanged?: (keys: NoteKey[]) => void; onError?: (message: string) => void }): NoteBridge;
  createDocumentTransfer(options: { db: LecternDb; settings: SyncSettings; onAdded?: (docId: string) => void }): DocumentTransfer;
  createProvider(config: ProviderConfig): ProviderLike;
}

/** What the open note editors bind to while sync runs. */
export interface SyncSession {
  doc: Y.Doc;
  bridge: NoteBridge;
  /** Brings a synced document's original file when its pages are first shown; false when there is none or not now. */
  fetchOriginal: (docId: string) => Promise<boolean>;
}

/** The window events the controller follows (window in the app). */
export type NetworkEvents = Pick<EventTarget, 'addEventListener' | 'removeEventListener'> & { navigator?: { onLine?: boolean } };

/** Options of a controller. */
export interface SyncControllerOptions {
  db: LecternDb;
  /** Loads the sync modules; called only when sync starts. */
  load: () => Promise<SyncModules>;
  /** Where 'online' and 'offline' come from. */
  network?: NetworkEvents | null;
  /** A problem the engine met with one row or blob: shown to the student, sync goes on. */
  onProblem?: (message: string) => void;
  /** Something another machine changed was written here: the search index takes it up. */
  onArrived?: (change: ArrivedChange) => void;
  now?: () => number;
  /** How often the pending count is read while connected, in ms. */
  pollMs?: number;
}

/** A row written here from elsewhere, as the search index names it. */
export interface ArrivedChange {
  kind: 'annotation' | 'notebook' | 'document';
  id: string;
}

/** The changes the search index follows among a remote change's rows (the rest it does not index). */
export function arrivedChanges(rows: readonly { table: string; key: string }[]): ArrivedChange[] {
  const kinds: Record<string, ArrivedChange['kind']> = { annotations: 'annotation', notebooks: 'notebook', documents: 'document' };
  return rows.flatMap(({ table, key }) => (kinds[table] ? [{ kind: kinds[table], id: key }] : []));
}

/** The sync of this machine. */
export interface SyncController {
  /**
   * Takes new settings: stops what runs, and starts again when they are on and complete. The same
   * settings again do nothing (a refused token is not retried) unless `retry` is set (a Save).
   */
  apply: (settings: SyncSettings, retry?: boolean) => void;
  status: () => SyncStatus;
  session: () => SyncSession | null;
  subscribe: (listener: () => void) => () => void;
  /** Stops everything (the app closes). */
  dispose: () => void;
}

/** What the status line says when the server refused without a sentence of its own. */
export const REFUSED_FALLBACK = 'The server refused this library’s token: check the library name and the token.';

/** The sentence of a refusal: the server's own when it gave one. */
export function refusalMessage(reason: string | undefined): string {
  const text = (reason ?? '').trim();
  return !text || text === 'permission-denied' ? REFUSED_FALLBACK : text;
}

interface Running {
  settings: SyncSettings;
  doc: Y.Doc | null;
  engine: EngineLike | null;
  provider: ProviderLike | null;
  session: SyncSession | null;
  stopped: boolean;
  cleanups: (() => void)[];
}

/** A controller; it does nothing until `apply` gets settings that are on and complete. */
export function createSyncController(options: SyncControllerOptions): SyncController {
  const now = options.now ?? Date.now;
  const network = options.network === undefined ? (typeof window === 'undefined' ? null : window) : options.network;
  const listeners = new Set<() => void>();
  let status: SyncStatus = { state: 'off' };
  let running: Running | null = null;
  let lastKey = '';

  const emit = () => {
    for (const listener of listeners) listener();
  };
  const setStatus = (next: SyncStatus) => {
    if (JSON.stringify(next) === JSON.stringify(status)) return;
    status = next;
    emit();
  };

  const stop = () => {
    const run = running;
    running = null;
    if (!run) return;
    run.stopped = true;
    for (const cleanup of run.cleanups.splice(0)) {
      try {
        cleanup();
      } catch {
        // One piece that fails to stop does not keep the others running.
      }
    }
    const hadSession = run.session !== null;
    run.session = null;
    if (hadSession) emit();
  };

  const start = async (run: Running) => {
    setStatus({ state: 'connecting' });
    let modules: SyncModules;
    try {
      modules = await options.load();
    } catch (error) {
      if (!run.stopped) setStatus({ state: 'error', message: `Sync could not start: ${message(error)}` });
      return;
    }
    if (run.stopped) return;
    const { db } = options;
    const doc = modules.createDoc();
    run.doc = doc;
    run.cleanups.push(() => doc.destroy());
    const arrived = (change: ArrivedChange) => {
      if (!run.stopped) options.onArrived?.(change);
    };
    const problem = (text: string) => {
      if (!run.stopped) options.onProblem?.(text);
    };
    const bridge = modules.createNoteBridge({
      db,
      doc,
      onChanged: (keys) => {
        for (const key of keys) {
          const at = key.indexOf(':');
          arrived({ kind: key.slice(0, at) === 'notebook' ? 'notebook' : 'annotation', id: key.slice(at + 1) });
        }
      },
      onError: problem,
    });
    const documents = modules.createDocumentTransfer({ db, settings: run.settings, onAdded: (id) => arrived({ kind: 'document', id }) });
    const engine = modules.createEngine({
      db,
      doc,
      notes: bridge,
      documents,
      onError: problem,
      onRemoteRows: (rows) => arrivedChanges(rows).forEach(arrived),
    });
    run.engine = engine;
    run.cleanups.unshift(() => engine.stop());
    try {
      // The saved state goes into the doc before the provider connects, so the first exchange
      // with the server is a diff, not the whole library again.
      await engine.start();
    } catch (error) {
      if (!run.stopped) setStatus({ state: 'error', message: `Sync could not start: ${message(error)}` });
      stop();
      return;
    }
    if (run.stopped) return;

    let connected = false;
    let synced = false;
    let refused = false;
    let syncedAt = 0;
    let wentOffline = network?.navigator?.onLine === false;
    const pending = () => {
      let count = 0;
      try {
        count += engine.pending();
      } catch {
        // A best-effort figure for the status line.
      }
      count += provider?.unsyncedChanges ?? 0;
      return count;
    };
    const refresh = () => {
      if (run.stopped || refused) return;
      const waiting = pending();
      if (!connected || wentOffline) {
        setStatus(synced || wentOffline || syncedAt ? { state: 'offline', pending: waiting } : { state: 'connecting' });
        return;
      }
      if (!synced) {
        setStatus({ state: 'connecting' });
        return;
      }
      if (waiting > 0) {
        setStatus({ state: 'syncing', pending: waiting });
        return;
      }
      if (status.state !== 'synced') syncedAt = now();
      setStatus({ state: 'synced', at: syncedAt });
    };

    let provider: ProviderLike | null = null;
    const config: ProviderConfig = {
      url: run.settings.serverUrl,
      name: run.settings.library,
      token: run.settings.token,
      document: doc,
      onStatus: ({ status: state }) => {
        connected = state === 'connected';
        if (!connected) synced = false;
        refresh();
      },
      onSynced: ({ state }) => {
        synced = state;
        refresh();
      },
      onAuthenticated: () => refresh(),
      onAuthenticationFailed: ({ reason }) => {
        if (run.stopped) return;
        // A refused token is not tried again until the settings change.
        refused = true;
        setStatus({ state: 'refused', message: refusalMessage(reason) });
        stop();
      },
      onUnsyncedChanges: () => refresh(),
    };
    provider = modules.createProvider(config);
    const made = provider;
    run.provider = made;
    run.cleanups.unshift(() => made.destroy());
    if (run.stopped) return;

    if (network) {
      const onOffline = () => {
        wentOffline = true;
        made.disconnect();
        refresh();
      };
      const onOnline = () => {
        wentOffline = false;
        void made.connect();
        refresh();
      };
      network.addEventListener('offline', onOffline);
      network.addEventListener('online', onOnline);
      run.cleanups.push(() => {
        network.removeEventListener('offline', onOffline);
        network.removeEventListener('online', onOnline);
      });
      if (wentOffline) made.disconnect();
    }
    const timer = setInterval(refresh, options.pollMs ?? 1000);
    run.cleanups.push(() => clearInterval(timer));

    const fetchOriginal = async (docId: string) => {
      try {
        return await documents.fetchOriginal(docId);
      } catch (error) {
        problem(message(error));
        return false;
      }
    };
    run.session = { doc, bridge, fetchOriginal };
    emit();
    refresh();
  };

  return {
    apply(settings, retry = false) {
      const key = JSON.stringify([settings.enabled, settings.serverUrl, settings.library, settings.token]);
      if (key === lastKey && !retry) return;
      lastKey = key;
      stop();
      if (!syncReady(settings)) {
        setStatus({ state: 'off' });
        return;
      }
      const run: Running = { settings, doc: null, engine: null, provider: null, session: null, stopped: false, cleanups: [] };
      running = run;
      void start(run);
    },
    status: () => status,
    session: () => running?.session ?? null,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    dispose() {
      stop();
      lastKey = '';
      setStatus({ state: 'off' });
    },
  };
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
