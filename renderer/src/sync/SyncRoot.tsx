import { createContext, useContext, useEffect, useMemo, useState, useSyncExternalStore, type ReactNode } from 'react';
import type { SyncStatus } from '../../../app/sync/contract';
import { useServices } from '../services/context';
import { isShortcut } from '../shell/keymap';
import { SyncNotesContext } from './notes/sync-notes-context';
import { SyncOriginalsContext } from './originals-context';
import { createSyncController, type SyncController } from './sync-controller';
import { SyncDialog } from './SyncDialog';
import { createSyncSettingsStore, type SyncSettingsStore } from './sync-settings';
import { statusText } from './sync-status-text';
import './sync.css';

interface SyncUi {
  status: SyncStatus;
  openSettings: () => void;
}

const SyncUiContext = createContext<SyncUi>({ status: { state: 'off' }, openSettings: () => undefined });

/**
 * Runs this machine's sync for the app inside it: the settings, the controller, the settings
 * dialog (Ctrl+, or the status in the header) and, while sync runs, the Y.Doc the note editors
 * bind to. With sync off it loads nothing and connects nowhere.
 */
export function SyncRoot({ children }: { children: ReactNode }) {
  const { database, notices, search } = useServices();
  const [store] = useState<SyncSettingsStore>(() => createSyncSettingsStore(typeof localStorage === 'undefined' ? null : localStorage));
  const [controller] = useState<SyncController>(() =>
    createSyncController({
      db: database,
      load: () => import('./sync-modules').then((loaded) => loaded.syncModules),
      onProblem: (message) => notices.error(message),
      onArrived: (change) => {
        if (change.kind !== 'document') search.changed({ kind: change.kind, id: change.id });
        // A document that arrived, changed or went to the trash elsewhere: indexed as it now is here.
        else
          void database.documents.get(change.id).then((row) => (row ? search.documentAdded(change.id) : search.documentRemoved(change.id)));
      },
    }),
  );
  const settings = useSyncExternalStore(store.subscribe, store.get, store.get);
  const status = useSyncExternalStore(controller.subscribe, controller.status, controller.status);
  const session = useSyncExternalStore(controller.subscribe, controller.session, controller.session);
  const [open, setOpen] = useState(false);

  useEffect(() => controller.apply(store.get()), [controller, store, settings]);
  useEffect(() => () => controller.dispose(), [controller]);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (!isShortcut('sync-settings', event) || event.defaultPrevented) return;
      event.preventDefault();
      setOpen(true);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const ui = useMemo<SyncUi>(() => ({ status, openSettings: () => setOpen(true) }), [status]);
  return (
    <SyncUiContext.Provider value={ui}>
      <SyncNotesContext.Provider value={session}>
        <SyncOriginalsContext.Provider value={session?.fetchOriginal ?? null}>{children}</SyncOriginalsContext.Provider>
      </SyncNotesContext.Provider>
      {open ? (
        <SyncDialog
          settings={settings}
          status={status}
          onSave={(next) => {
            store.set(next);
            // A Save knocks again even with the same settings (the server's operator fixed the token).
            controller.apply(store.get(), true);
          }}
          onTest={(candidate) => import('./sync-modules').then((loaded) => loaded.testConnection(candidate))}
          onClose={() => setOpen(false)}
        />
      ) : null}
    </SyncUiContext.Provider>
  );
}

/** "Sync…" in the Library's footer, beside backup and restore: the settings, for a student who looks there first. */
export function SyncSettingsButton() {
  const { openSettings } = useContext(SyncUiContext);
  return (
    <button type="button" className="button button-small button-quiet" onClick={openSettings} title="Sync this library with your other machines or a study group (Ctrl+,)">
      Sync…
    </button>
  );
}

/** The compact status in the header: words and an icon; a click opens the sync settings. */
export function SyncStatusButton() {
  const { status, openSettings } = useContext(SyncUiContext);
  const text = statusText(status);
  return (
    <button type="button" className={`button sync-status tone-${text.tone}`} onClick={openSettings} title={text.title} aria-label={`${text.words}. ${text.title}`}>
      <span className="sync-status-icon" aria-hidden="true">
        {text.icon}
      </span>
      <span className="sync-status-words">{text.words}</span>
    </button>
  );
}
