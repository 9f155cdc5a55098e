import { useCallback, useRef, useState } from 'react';
import type { BackupProgress } from '../../../app/store/backup';
import type { PickedFile, Platform } from '../../platform';
import { runBackupJob } from './backup-client';
import { backupFileName } from './backup-name';
import type { Notices } from '../services/notices';

/** How backups report back: the app's notices. */
export type BackupFeedback = Pick<Notices, 'info' | 'error'>;

/**
 * Backing up and starting a restore. A backup runs in a worker with progress and can be
 * cancelled; a restore starts by picking the file, then the RestoreDialog takes over.
 */
export function useBackup(platform: Platform, notices: BackupFeedback) {
  const { info: notify, error: onError } = notices;
  const [progress, setProgress] = useState<BackupProgress | null>(null);
  const [restoreFile, setRestoreFile] = useState<PickedFile | null>(null);
  const controller = useRef<AbortController | null>(null);

  const backup = useCallback(async () => {
    if (controller.current) return;
    const running = new AbortController();
    controller.current = running;
    setProgress({ phase: 'writing', done: 0, total: 0 });
    try {
      const made = await runBackupJob({ type: 'backup' }, { onProgress: setProgress, signal: running.signal });
      if (!made.ok) {
        if (running.signal.aborted) notify(made.error);
        else onError(made.error);
        return;
      }
      const name = backupFileName(new Date());
      const saved = await platform.saveFile(name, made.value);
      if (!saved.ok) onError(`The backup was made but not saved: ${saved.error}`);
      else if (saved.value) notify(`Library backed up to ${saved.value.path}.`);
      else if (platform.kind === 'web') notify(`Library backed up as ${name}. Keep it somewhere safe, away from this computer too.`);
    } catch (error) {
      // Only the save can throw here (the bridge, the browser's download); name what happened.
      onError(`The backup was made but not saved (${error instanceof Error ? error.message : 'unexpected error'}). Try again.`);
    } finally {
      controller.current = null;
      setProgress(null);
    }
  }, [platform, notify, onError]);

  const cancel = useCallback(() => controller.current?.abort(), []);

  const pickRestoreFile = useCallback(async () => {
    const picked = await platform.pickFiles('backup');
    if (!picked.ok) onError(picked.error);
    else if (picked.value[0]) setRestoreFile(picked.value[0]);
  }, [platform, onError]);

  return { progress, backup, cancel, restoreFile, pickRestoreFile, closeRestore: useCallback(() => setRestoreFile(null), []) };
}
