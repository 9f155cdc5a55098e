import { useCallback, useEffect, useRef, useState } from 'react';
import { createHtmlSanitizer } from '../../../app/documents/html/sanitize';
import { selectionProblem } from '../../../app/documents/import-limits';
import type { FileOutcome, ImportEvent, ImportRequest } from './protocol';

let sanitizer: ((html: string) => string) | undefined;

/** Runs DOMPurify over the browser's own DOM for the import worker, which has none. */
function answerSanitize(worker: Worker, requestId: number, html: string): void {
  let reply: ImportRequest;
  try {
    sanitizer ??= createHtmlSanitizer(window);
    reply = { type: 'sanitized', requestId, html: sanitizer(html) };
  } catch (error) {
    reply = { type: 'sanitized', requestId, html: '', error: error instanceof Error ? error.message : String(error) };
  }
  worker.postMessage(reply);
}

/** What the UI shows while files are imported. */
export interface ImportProgress {
  jobId: number;
  done: number;
  total: number;
  current: string;
}

/** Callbacks for each file's outcome, and for a selection refused as a whole. */
export interface ImportHandlers {
  onOutcome: (outcome: FileOutcome) => void;
  /** The selection passed the import limit (see import-limits.ts): nothing was started. */
  onRefused: (message: string) => void;
}

/** Runs imports in a Web Worker and reports progress; one worker for the app's life. */
export function useImport({ onOutcome, onRefused }: ImportHandlers) {
  const workerRef = useRef<Worker | null>(null);
  const nextJob = useRef(1);
  const onOutcomeRef = useRef(onOutcome);
  onOutcomeRef.current = onOutcome;
  const onRefusedRef = useRef(onRefused);
  onRefusedRef.current = onRefused;
  const [progress, setProgress] = useState<ImportProgress | null>(null);

  useEffect(() => {
    const worker = new Worker(new URL('./import.worker.ts', import.meta.url), { type: 'module', name: 'lectern-import' });
    worker.addEventListener('message', (message: MessageEvent<ImportEvent>) => {
      const event = message.data;
      // Libraries loaded in the worker may post their own messages: only ours have these types.
      if (!event || typeof event !== 'object' || !('jobId' in event)) return;
      if (event.type === 'sanitize') answerSanitize(worker, event.requestId, event.html);
      else if (event.type === 'progress') setProgress({ jobId: event.jobId, done: event.done, total: event.total, current: event.current });
      else if (event.type === 'file') onOutcomeRef.current(event.outcome);
      else setProgress((current) => (current?.jobId === event.jobId ? null : current));
    });
    workerRef.current = worker;
    return () => worker.terminate();
  }, []);

  const start = useCallback((files: { name: string; blob: Blob }[]) => {
    if (!workerRef.current || files.length === 0) return;
    const refused = selectionProblem(files.map((file) => ({ name: file.name, size: file.blob.size })));
    if (refused) {
      onRefusedRef.current(refused);
      return;
    }
    const jobId = nextJob.current++;
    setProgress({ jobId, done: 0, total: files.length, current: files[0]?.name ?? '' });
    const request: ImportRequest = { type: 'import', jobId, files };
    workerRef.current.postMessage(request);
  }, []);

  const cancel = useCallback(() => {
    if (!workerRef.current || !progress) return;
    const request: ImportRequest = { type: 'cancel', jobId: progress.jobId };
    workerRef.current.postMessage(request);
  }, [progress]);

  return { progress, start, cancel };
}
