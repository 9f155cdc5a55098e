import { useCallback, useState } from 'react';
import { importSummary } from '../../../app/bibliography/import-summary';
import { MAX_BIBLIOGRAPHY_BYTES } from '../../../app/bibliography/limits';
import { quoteFileName } from '../../../app/documents/decode';
import { undoAddWorks } from '../../../app/store/works-repo';
import { useServices } from '../services/context';
import { openChannel, type WorkerFactory } from '../workers/channel';
import type { BibliographyImportProgress, BibliographyWorkerProtocol } from './bibliography-protocol';

/** The app's bibliography worker, one per import. */
export const startBibliographyWorker: WorkerFactory = () => new Worker(new URL('./bibliography.worker.ts', import.meta.url), { type: 'module', name: 'lectern-bibliography' });

/** What the button shows while an import runs. */
export interface BibliographyImportState {
  fileName: string;
  progress: BibliographyImportProgress | null;
}

/**
 * "Import bibliography…": the platform's file picker, then each chosen file read and stored in
 * a worker, one at a time; a notice says what was imported (and skipped) and offers Undo.
 */
export function useBibliographyImport(createWorker: WorkerFactory = startBibliographyWorker) {
  const { platform, database, notices } = useServices();
  const [running, setRunning] = useState<BibliographyImportState | null>(null);

  const importFile = useCallback(
    async (fileName: string, file: Blob) => {
      if (file.size > MAX_BIBLIOGRAPHY_BYTES) {
        notices.error(`${quoteFileName(fileName)} is larger than ${MAX_BIBLIOGRAPHY_BYTES / 1024 / 1024} MB, more than any bibliography Lectern reads. Export a smaller part of it.`);
        return;
      }
      setRunning({ fileName, progress: null });
      const worker = createWorker();
      const channel = openChannel<BibliographyWorkerProtocol>(worker);
      worker.addEventListener('error', (event: ErrorEvent) => {
        event.preventDefault();
        channel.close(`The import of ${quoteFileName(fileName)} stopped unexpectedly. Nothing was added; try again.`);
      });
      try {
        const reply = await channel.call('import-bibliography', { fileName, file }, { onProgress: (progress) => setRunning({ fileName, progress }) });
        if (!reply.ok) {
          notices.error(reply.error);
          return;
        }
        const done = reply.value;
        notices.info(importSummary(fileName, done), {
          label: 'Undo',
          run: () => void undoAddWorks(database, done.result).catch((error: unknown) => notices.storageError(error)),
        });
      } finally {
        channel.close();
        worker.terminate();
        setRunning(null);
      }
    },
    [createWorker, database, notices],
  );

  const pickAndImport = useCallback(async () => {
    const picked = await platform.pickFiles('bibliography');
    if (!picked.ok) {
      notices.error(picked.error);
      return;
    }
    for (const file of picked.value) await importFile(file.name, file.blob);
  }, [platform, notices, importFile]);

  return { running, pickAndImport, importFile };
}
