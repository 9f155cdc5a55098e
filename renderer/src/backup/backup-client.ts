/** Runs one backup or restore in its own Web Worker and reports back; the UI thread only waits. */
import type { Result } from '../../../app/documents/model';
import type { BackupProgress } from '../../../app/store/backup';
import type { BackupEvent, BackupRequest, BackupResults } from './backup-protocol';

/** Options for runBackupJob. */
export interface BackupJobOptions {
  onProgress?: (progress: BackupProgress) => void;
  /** Aborting asks the worker to stop; a restore then writes nothing. */
  signal?: AbortSignal;
}

/** Starts a worker for one job; resolves its result (never rejects) and ends the worker. */
export function runBackupJob<K extends 'backup' | 'restore'>(
  request: BackupRequest & { type: K },
  options: BackupJobOptions = {},
): Promise<Result<BackupResults[K]>> {
  return new Promise((resolve) => {
    const worker = new Worker(new URL('./backup.worker.ts', import.meta.url), { type: 'module', name: `lectern-${request.type}` });
    const cancel = () => worker.postMessage({ type: 'cancel' } satisfies BackupRequest);
    const finish = (result: Result<BackupResults[K]>) => {
      options.signal?.removeEventListener('abort', cancel);
      worker.terminate();
      resolve(result);
    };
    worker.addEventListener('message', (message: MessageEvent<BackupEvent>) => {
      const event = message.data;
      if (!event || typeof event !== 'object' || !('type' in event)) return;
      if (event.type === 'progress') options.onProgress?.(event.progress);
      else if (event.type === 'done') finish(event.result as Result<BackupResults[K]>);
    });
    worker.addEventListener('error', (event) => {
      event.preventDefault();
      finish({ ok: false, error: `The ${request.type === 'backup' ? 'backup' : 'restore'} stopped unexpectedly (${event.message || 'the worker failed to start'}). Nothing was changed; try again.` });
    });
    options.signal?.addEventListener('abort', cancel, { once: true });
    if (options.signal?.aborted) cancel();
    worker.postMessage(request);
  });
}
