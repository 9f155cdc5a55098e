import { useImportProgress, type ImportProgress, type ImportProgressStore } from './use-import';

/** Shown while a batch of files is imported; the batch can be cancelled between files. */
export function ImportProgressBar({ progress, onCancel }: { progress: ImportProgress; onCancel: () => void }) {
  const label = progress.current
    ? `Importing ${Math.min(progress.done + 1, progress.total)} of ${progress.total}: ${progress.current}`
    : `Imported ${progress.done} of ${progress.total}`;
  return (
    <div className="import-progress" role="status" aria-live="polite">
      <span className="import-progress-label">{label}</span>
      <progress max={progress.total} value={progress.done} aria-label="Import progress" />
      <button type="button" className="button button-quiet" onClick={onCancel}>
        Cancel
      </button>
    </div>
  );
}

/** The progress bar while an import runs, nothing otherwise; only this re-renders as files go by. */
export function ImportProgressSlot({ store, onCancel }: { store: ImportProgressStore; onCancel: () => void }) {
  const progress = useImportProgress(store);
  return progress ? <ImportProgressBar progress={progress} onCancel={onCancel} /> : null;
}
