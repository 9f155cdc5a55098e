import type { BackupProgress } from '../../../app/store/backup';

/** Shown while a backup is written; Cancel stops it and saves nothing. */
export function BackupProgressBar({ progress, onCancel }: { progress: BackupProgress; onCancel: () => void }) {
  return (
    <div className="import-progress" role="status" aria-live="polite">
      <span className="import-progress-label">Backing up the library{progress.total ? `: ${Math.min(progress.done, progress.total)} of ${progress.total} items` : '…'}</span>
      <progress max={progress.total || 1} value={progress.total ? progress.done : undefined} aria-label="Backup progress" />
      <button type="button" className="button button-quiet" onClick={onCancel}>
        Cancel
      </button>
    </div>
  );
}
