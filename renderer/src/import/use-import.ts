import { useCallback, useEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import { selectionProblem } from '../../../app/documents/import-limits';
import type { FileOutcome, ImportEvent, ImportRequest } from './protocol';

let sanitizer: Promise<(html: string) => string> | undefined;

/** DOMPurify over the browser's DOM, loaded with the first web page imported. */
function loadSanitizer(): Promise<(html: string) => string> {
  sanitizer ??= import('../../../app/documents/html/sanitize').then(
    ({ createHtmlSanitizer }) => createHtmlSanitizer(window),
    (error: unknown) => {
      sanitizer = undefined;
      throw error;
    },
  );
  return sanitizer;
}

/** Runs DOMPurify over the browser's own DOM for the import worker, which has none. */
async function answerSanitize(worker: Worker, requestId: number, html: string): Promise<void> {
  let reply: ImportRequest;
  try {
    const sanitize = await loadSanitizer();
    reply = { type: 'sanitized', requestId, html: sanitize(html) };
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

/** Callbacks for the files' outcomes, and for a selection refused as a whole. */
export interface ImportHandlers {
  /** The outcomes of the next files, in the order they were chosen; a drop reports them a batch at a time. */
  onOutcomes: (outcomes: FileOutcome[]) => void;
  /** The selection passed the import limit (see import-limits.ts): nothing was started. */
  onRefused: (message: string) => void;
}

/**
 * The import's progress, held outside React state: it changes once per file, and only the
 * progress bar follows it, so a drop of many files does not re-render the whole app per file.
 */
export class ImportProgressStore {
  private value: ImportProgress | null = null;
  private readonly listeners = new Set<() => void>();

  get = (): ImportProgress | null => this.value;

  set(next: ImportProgress | null): void {
    if (next === this.value) return;
    this.value = next;
    for (const listener of this.listeners) listener();
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };
}

/** The current import's progress, re-rendering the caller when it changes. */
export function useImportProgress(store: ImportProgressStore): ImportProgress | null {
  return useSyncExternalStore(store.subscribe, store.get);
}

/**
 * Runs imports in a Web Worker and reports progress; one worker for the app's life, started with
 * the first import (the importers are most of the app's code, and a library that is only read
 * never needs them).
 */
export function useImport({ onOutcomes, onRefused }: ImportHandlers) {
  const workerRef = useRef<Worker | null>(null);
  const nextJob = useRef(1);
  const onOutcomesRef = useRef(onOutcomes);
  onOutcomesRef.current = onOutcomes;
  const onRefusedRef = useRef(onRefused);
  onRefusedRef.current = onRefused;
  const [progress] = useState(() => new ImportProgressStore());

  const startWorker = useCallback((): Worker => {
    if (workerRef.current) return workerRef.current;
    const worker = new Worker(new URL('./import.worker.ts', import.meta.url), { type: 'module', name: 'lectern-import' });
    worker.addEventListener('message', (message: MessageEvent<ImportEvent>) => {
      const event = message.data;
      // Libraries loaded in the worker may post their own messages: only ours have these types.
      if (!event || typeof event !== 'object' || !('jobId' in event)) return;
      if (event.type === 'sanitize') void answerSanitize(worker, event.requestId, event.html);
      else if (event.type === 'progress') progress.set({ jobId: event.jobId, done: event.done, total: event.total, current: event.current });
      else if (event.type === 'files') onOutcomesRef.current(event.outcomes);
      else if (progress.get()?.jobId === event.jobId) progress.set(null);
    });
    workerRef.current = worker;
    return worker;
  }, [progress]);

  useEffect(
    () => () => {
      workerRef.current?.terminate();
      workerRef.current = null;
    },
    [],
  );

  const start = useCallback(
    (files: { name: string; blob: Blob }[]) => {
      if (files.length === 0) return;
      const refused = selectionProblem(files.map((file) => ({ name: file.name, size: file.blob.size })));
      if (refused) {
        onRefusedRef.current(refused);
        return;
      }
      const jobId = nextJob.current++;
      progress.set({ jobId, done: 0, total: files.length, current: files[0]?.name ?? '' });
      const request: ImportRequest = { type: 'import', jobId, files };
      startWorker().postMessage(request);
    },
    [progress, startWorker],
  );

  const cancel = useCallback(() => {
    const current = progress.get();
    if (!workerRef.current || !current) return;
    const request: ImportRequest = { type: 'cancel', jobId: current.jobId };
    workerRef.current.postMessage(request);
  }, [progress]);

  return useMemo(() => ({ progress, start, cancel }), [progress, start, cancel]);
}
