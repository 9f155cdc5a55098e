import { useEffect, useId, useRef, useState } from 'react';
import type { BackupProgress, ImportMode, ImportSummary } from '../../../app/store/backup';
import type { PickedFile } from '../../platform';
import { Modal } from '../shell/Modal';
import '../shell/dialogs.css';
import './backup.css';
import { runBackupJob } from './backup-client';

/** Props of the restore dialog. */
export interface RestoreDialogProps {
  file: PickedFile;
  /** How many documents the library holds now, for the Replace warning. */
  documentCount: number;
  onRestored: (summary: ImportSummary, mode: ImportMode) => void;
  onClose: () => void;
}

type Step = { kind: 'choose' } | { kind: 'confirm-replace' } | { kind: 'running'; progress: BackupProgress } | { kind: 'failed'; error: string };

/**
 * Restoring a backup: Merge (keep the library, add the backup's documents and newer notes) or
 * Replace (the library becomes the backup, after a confirmation). The file is read, checked and
 * written in a worker; a file that is not a Lectern backup, a damaged or altered one, a full disk
 * or Cancel leave the library exactly as it was, and the dialog says which it was.
 */
export function RestoreDialog({ file, documentCount, onRestored, onClose }: RestoreDialogProps) {
  const [mode, setMode] = useState<ImportMode>('merge');
  const [step, setStep] = useState<Step>({ kind: 'choose' });
  const controller = useRef<AbortController | null>(null);
  const titleId = useId();
  const primaryRef = useRef<HTMLButtonElement>(null);
  useEffect(() => primaryRef.current?.focus(), [step.kind]);
  useEffect(() => () => controller.current?.abort(), []);

  const run = async () => {
    const running = new AbortController();
    controller.current = running;
    setStep({ kind: 'running', progress: { phase: 'checking', done: 0, total: 0 } });
    const result = await runBackupJob({ type: 'restore', file: file.blob, mode }, { signal: running.signal, onProgress: (progress) => setStep({ kind: 'running', progress }) });
    controller.current = null;
    if (result.ok) onRestored(result.value, mode);
    else if (running.signal.aborted) onClose();
    else setStep({ kind: 'failed', error: result.error });
  };

  const busy = step.kind === 'running';
  const close = () => (busy ? controller.current?.abort() : onClose());
  const plural = documentCount === 1 ? 'document' : 'documents';

  return (
    <Modal className="overlay-card dialog-card restore-dialog" labelledBy={titleId} initialFocus={primaryRef} closeOnBackdrop={!busy} onClose={close}>
      <h2 id={titleId}>Restore library</h2>
      <p className="restore-file">
        From <strong>{file.name}</strong>
      </p>
      {step.kind === 'choose' ? (
        <fieldset className="restore-modes">
          <legend className="visually-hidden">How to restore</legend>
          <label className={`restore-mode${mode === 'merge' ? ' selected' : ''}`}>
            <input type="radio" name="restore-mode" checked={mode === 'merge'} onChange={() => setMode('merge')} />
            <span>
              <strong>Merge</strong>
              <span className="restore-mode-text">Keep what you have and add the backup’s documents, highlights and notebooks. Where both hold the same note, the newer one stays.</span>
            </span>
          </label>
          <label className={`restore-mode${mode === 'replace' ? ' selected' : ''}`}>
            <input type="radio" name="restore-mode" checked={mode === 'replace'} onChange={() => setMode('replace')} />
            <span>
              <strong>Replace</strong>
              <span className="restore-mode-text">Clear the library first: it becomes exactly what the backup holds.</span>
            </span>
          </label>
        </fieldset>
      ) : step.kind === 'confirm-replace' ? (
        <div className="dialog-error" role="alert">
          Replace the library? The {documentCount} {plural} in it now, with their highlights and notes, are removed and the backup takes their place. This cannot be undone.
        </div>
      ) : step.kind === 'running' ? (
        <RestoreProgress progress={step.progress} />
      ) : (
        <div className="dialog-error" role="alert">
          {step.error}
        </div>
      )}
      <div className="dialog-actions">
        <button type="button" className="button" onClick={close}>
          {step.kind === 'failed' ? 'Close' : 'Cancel'}
        </button>
        {step.kind === 'choose' ? (
          <button ref={primaryRef} type="button" className="button button-primary" onClick={() => (mode === 'replace' && documentCount > 0 ? setStep({ kind: 'confirm-replace' }) : void run())}>
            {mode === 'merge' ? 'Merge into library' : 'Replace library…'}
          </button>
        ) : step.kind === 'confirm-replace' ? (
          <button ref={primaryRef} type="button" className="button button-danger" onClick={() => void run()}>
            Replace library
          </button>
        ) : null}
      </div>
    </Modal>
  );
}

/** What the restore is doing: checking the whole file first, then writing it in one go. */
function RestoreProgress({ progress }: { progress: BackupProgress }) {
  const { phase, done, total } = progress;
  const label =
    phase === 'checking'
      ? `Checking the backup${total ? `: ${Math.min(done, total)} of ${total} parts` : '…'}`
      : `Restoring${total ? `: ${Math.min(done, total).toLocaleString('en')} of ${total.toLocaleString('en')} items` : '…'}`;
  return (
    <div className="restore-progress" role="status">
      <span>{label}</span>
      <progress max={total || 1} value={total ? done : undefined} aria-label={phase === 'checking' ? 'Checking progress' : 'Restore progress'} />
      <span className="restore-mode-text">Nothing in the library changes until the whole backup has been checked and written.</span>
    </div>
  );
}
