/** Messages between the UI and the backup worker, which makes backups and restores them off the UI thread. */
import type { Result } from '../../../app/documents/model';
import type { BackupProgress, ImportMode, ImportSummary } from '../../../app/store/backup';

/** UI → worker: one job per worker; 'cancel' stops it (a restore then writes nothing). */
export type BackupRequest = { type: 'backup' } | { type: 'restore'; file: Blob; mode: ImportMode } | { type: 'cancel' };

/** What a job resolves: the backup file, or what a restore wrote. */
export interface BackupResults {
  backup: Blob;
  restore: ImportSummary;
}

/** Worker → UI. */
export type BackupEvent =
  | { type: 'progress'; progress: BackupProgress }
  | { type: 'done'; result: Result<Blob> | Result<ImportSummary> };
