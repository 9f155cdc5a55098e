/** Runs one backup or restore in its own Web Worker and reports back; the UI thread only waits. */
import type { Result } from '../../../app/documents/model';
import type { BackupProgress } from '../../../app/store/backup';
import { openChannel, type WorkerFactory } from '../workers/channel';
import type { BackupRequest, BackupResults, BackupWorkerProtocol } from './backup-protocol';

/** Options for runBackupJob. */
export interface BackupJobOptions {
  onProgress?: (progress: BackupProgress) => void;
  /** Aborting asks the worker to stop; a restore then writes nothing. */
  signal?: AbortSignal;
  /** Starts the worker; tests pass their own. */
  createWorker?: WorkerFactory;
}

/** A backup worker, one per job. */
const startBackupWorker =
  (type: BackupRequest['type']): WorkerFactory =>
  () =>
    new Worker(new URL('./backup.worker.ts', import.meta.url), { type: 'module', name: `lectern-${type}` });

/** Starts a worker for one job; resolves its result (never rejects) and ends the worker. */
export async function runBackupJob<K extends BackupRequest['type']>(request: BackupRequest & { type: K }, options: BackupJobOptions = {}): Promise<Result<BackupResults[K]>> {
  const worker = (options.createWorker ?? startBackupWorker(request.type))();
  const channel = openChannel<BackupWorkerProtocol>(worker);
  worker.addEventListener('error', (event: ErrorEvent) => {
    event.preventDefault();
    channel.close(`The ${request.type === 'backup' ? 'backup' : 'restore'} stopped unexpectedly (${event.message || 'the worker failed to start'}). Nothing was changed; try again.`);
  });
  const call = { signal: options.signal, onProgress: options.onProgress };
  try {
    const job: BackupRequest = request;
    const result = job.type === 'backup' ? await channel.call('backup', {}, call) : await channel.call('restore', { file: job.file, mode: job.mode }, call);
    return result as Result<BackupResults[K]>;
  } finally {
    channel.close();
    worker.terminate();
  }
}
