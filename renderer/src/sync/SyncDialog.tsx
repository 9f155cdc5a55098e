import { useId, useState } from 'react';
import type { SyncSettings, SyncStatus } from '../../../app/sync/contract';
import { Modal } from '../shell/Modal';
import { normalizeSettings, settingsProblems } from './sync-settings';
import { statusText } from './sync-status-text';
import '../shell/dialogs.css';
import './sync.css';

/** What a test of the connection found. */
export interface ConnectionResult {
  ok: boolean;
  message: string;
}

/** Props of the sync settings dialog. */
export interface SyncDialogProps {
  settings: SyncSettings;
  status: SyncStatus;
  /** Saves; throws the sentence to show when the settings cannot be saved. */
  onSave: (settings: SyncSettings) => void;
  onTest: (settings: SyncSettings) => Promise<ConnectionResult>;
  onClose: () => void;
}

type Field = 'serverUrl' | 'library' | 'token';

/** Sync on or off, the server, the library's name and its token; a test of the connection. */
export function SyncDialog({ settings, status, onSave, onTest, onClose }: SyncDialogProps) {
  const [draft, setDraft] = useState<SyncSettings>(settings);
  const [problems, setProblems] = useState<Partial<Record<Field, string>>>({});
  const [saveError, setSaveError] = useState<string | null>(null);
  const [testing, setTesting] = useState(false);
  const [result, setResult] = useState<ConnectionResult | null>(null);
  const titleId = useId();
  const ids = { serverUrl: useId(), library: useId(), token: useId(), help: useId() };

  const edit = (patch: Partial<SyncSettings>) => {
    setDraft((previous) => ({ ...previous, ...patch }));
    setResult(null);
    setSaveError(null);
  };

  const save = () => {
    const clean = normalizeSettings(draft);
    const found = settingsProblems(clean);
    setProblems(found);
    if (Object.keys(found).length) return;
    try {
      onSave(clean);
      onClose();
    } catch (error) {
      setSaveError(error instanceof Error ? error.message : String(error));
    }
  };

  const test = async () => {
    const clean = normalizeSettings({ ...draft, enabled: true });
    const found = settingsProblems(clean);
    setProblems(found);
    if (Object.keys(found).length) return;
    setTesting(true);
    setResult(null);
    try {
      setResult(await onTest(clean));
    } catch (error) {
      setResult({ ok: false, message: error instanceof Error ? error.message : String(error) });
    } finally {
      setTesting(false);
    }
  };

  const field = (name: Field, label: string, hint: string, props: React.InputHTMLAttributes<HTMLInputElement>) => (
    <div className="sync-field">
      <label className="sync-field-label" htmlFor={ids[name]}>
        {label}
      </label>
      <input
        id={ids[name]}
        className="dialog-input"
        value={draft[name]}
        spellCheck={false}
        autoComplete="off"
        aria-invalid={problems[name] ? true : undefined}
        aria-describedby={`${ids[name]}-hint${problems[name] ? ` ${ids[name]}-error` : ''}`}
        onChange={(event) => edit({ [name]: event.target.value })}
        {...props}
      />
      <p className="dialog-hint" id={`${ids[name]}-hint`}>
        {hint}
      </p>
      {problems[name] ? (
        <p className="sync-field-error" id={`${ids[name]}-error`}>
          {problems[name]}
        </p>
      ) : null}
    </div>
  );

  const now = statusText(status);
  return (
    <Modal
      className="overlay-card dialog-card sync-dialog"
      labelledBy={titleId}
      initialFocus="input"
      onClose={onClose}
      onSubmit={(event) => {
        event.preventDefault();
        save();
      }}
    >
      <h2 id={titleId}>Sync</h2>
      <div className="dialog-body" id={ids.help}>
        <p>
          Sync keeps this library the same on your other machines and in a study group: highlights and notes, notebooks, document details, tags, collections, the trash and the
          documents’ files. It is off until you turn it on; while off, Lectern makes no network request at all.
        </p>
        <p>Whoever runs the server gives you its address, the library’s name and a token. The token stays on this machine, never in a backup or an export.</p>
      </div>
      {status.state === 'refused' || status.state === 'error' ? (
        <p className="dialog-error" role="alert">
          {status.message}
        </p>
      ) : (
        <p className="dialog-hint" role="status">
          Now: {now.words}
        </p>
      )}
      <div className="sync-fields">
        <label className="sync-toggle">
          <input type="checkbox" checked={draft.enabled} onChange={(event) => edit({ enabled: event.target.checked })} />
          Sync this library
        </label>
        {field('serverUrl', 'Server address', 'ws://127.0.0.1:8787 for a server on this machine; wss://… for one elsewhere.', { type: 'url', placeholder: 'ws://127.0.0.1:8787', inputMode: 'url' })}
        {field('library', 'Library name', 'The library’s name on the server: letters, digits, dots, dashes, underscores.', { placeholder: 'thesis' })}
        {field('token', 'Token', 'Kept on this machine only.', { type: 'password' })}
      </div>
      {saveError ? (
        <p className="dialog-error" role="alert">
          {saveError}
        </p>
      ) : null}
      <div aria-live="polite">
        {testing ? <p className="dialog-hint">Asking the server…</p> : null}
        {result ? <p className={`sync-result ${result.ok ? 'sync-result-ok' : 'sync-result-bad'}`}>{result.message}</p> : null}
      </div>
      <div className="dialog-actions">
        <button type="button" className="button sync-test" onClick={() => void test()} disabled={testing}>
          Test connection
        </button>
        <button type="button" className="button" onClick={onClose}>
          Cancel
        </button>
        <button type="submit" className="button button-primary">
          Save
        </button>
      </div>
    </Modal>
  );
}
