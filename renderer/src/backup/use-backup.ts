import { useCallback, useRef, useState } from 'react';
import { exportLibrary, type BackupProgress } from '../../../app/store/backup';
import type { PickedFile, Platform } from '../../platform';
import { database } from '../store/hooks';
import { BACKUP_ACCEPT, backupFileName } from './backup-name';

/** How backups report back. */
export interface BackupFeedback {
  notify: (text: string) => void;
  onError: (text: string) => void;
}

/**
 * Backing up and starting a restore. A backup runs with progress and can be cancelled; a restore
 * starts by picking the file, then the RestoreDialog takes over.
 */
export function useBackup(platform: Platform, { notify, onError }: BackupFeedback) {
  const [progress, setProgress] = useState<BackupProgress | null>(null);
  const [restoreFile, setRestoreFile] = useState<PickedFile | null>(null);
  const controller = useRef<AbortController | null>(null);

  const backup = useCallback(async () => {
    if (controller.current) return;
    const running = new AbortController();
    controller.current = running;
    setProgress({ done: 0, total: 0 });
    try {
      const blob = await exportLibrary(database(), { onProgress: setProgress, signal: running.signal });
      const name = backupFileName(new Date());
      const saved = await platform.saveFile(name, new Uint8Array(await blob.arrayBuffer()));
      if (!saved.ok) onError(saved.error);
      else if (saved.value) notify(`Library backed up to ${saved.value.path}.`);
      else if (platform.kind === 'web') notify(`Library backed up as ${name}. Keep it somewhere safe, away from this computer too.`);
    } catch (error) {
      if (running.signal.aborted) notify('Backup cancelled; nothing was saved.');
      else {
        console.error(error);
        onError('The backup could not be made. Check that there is free disk space, then try again.');
      }
    } finally {
      controller.current = null;
      setProgress(null);
    }
  }, [platform, notify, onError]);

  const cancel = useCallback(() => controller.current?.abort(), []);

  const pickRestoreFile = useCallback(async () => {
    const picked = await platform.pickFiles(BACKUP_ACCEPT);
    if (!picked.ok) onError(picked.error);
    else if (picked.value[0]) setRestoreFile(picked.value[0]);
  }, [platform, onError]);

  return { progress, backup, cancel, restoreFile, pickRestoreFile, closeRestore: useCallback(() => setRestoreFile(null), []) };
}
