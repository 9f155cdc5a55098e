/** What the backup worker serves over the worker channel: it makes backups and restores them off the UI thread. */
import type { BackupProgress, ImportMode, ImportSummary } from '../../../app/store/backup';
import type { Method } from '../workers/channel';

/** One job: a backup of the whole library, or a restore of a backup file. */
export type BackupRequest = { type: 'backup' } | { type: 'restore'; file: Blob; mode: ImportMode };

/** What a job resolves: the backup file, or what a restore wrote. */
export interface BackupResults {
  backup: Blob;
  restore: ImportSummary;
}

/** The backup worker's methods; cancelling a restore writes nothing. A failure is a message the student can act on. */
export type BackupWorkerProtocol = {
  backup: Method<Record<string, never>, Blob, BackupProgress>;
  restore: Method<{ file: Blob; mode: ImportMode }, ImportSummary, BackupProgress>;
};
