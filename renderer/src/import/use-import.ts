import { useEffect, useState, useSyncExternalStore } from 'react';
import { selectionProblem } from '../../../app/documents/import-limits';
import { openChannel, type Channel, type WorkerFactory, type WorkerLike } from '../workers/channel';
import type { FileOutcome, ImportUiProtocol, ImportWorkerProtocol } from './protocol';

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

/** The app's import worker. */
export const startImportWorker: WorkerFactory = () => new Worker(new URL('./import.worker.ts', import.meta.url), { type: 'module', name: 'lectern-import' });

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

/** Options of an ImportClient: the worker it starts, and how web pages are sanitized (DOMPurify by default). */
export interface ImportClientOptions {
  createWorker?: WorkerFactory;
  sanitize?: (html: string) => Promise<string> | string;
  /**
   * A port to the search worker, asked for when a job starts until one is given: the import
   * worker then sends the documents it stores there to be indexed (see SearchService.importerPort).
   */
  searchPort?: () => MessagePort | undefined;
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
 * Runs imports in a Web Worker and reports progress; one worker for the client's life, started
 * with the first import (the importers are most of the app's code, and a library that is only
 * read never needs them). Jobs run one after another in the worker.
 */
export class ImportClient {
  readonly progress = new ImportProgressStore();
  private worker: { worker: WorkerLike; channel: Channel<ImportWorkerProtocol>; searchAttached: boolean } | null = null;
  private nextJob = 1;
  /** The cancel switch of each job not yet finished. */
  private readonly jobs = new Map<number, AbortController>();

  constructor(
    private readonly handlers: ImportHandlers,
    private readonly options: ImportClientOptions = {},
  ) {}

  /** Imports `files`, unless the selection as a whole passes the import limit. */
  start = (files: { name: string; blob: Blob }[]): void => {
    if (files.length === 0) return;
    const refused = selectionProblem(files.map((file) => ({ name: file.name, size: file.blob.size })));
    if (refused) {
      this.handlers.onRefused(refused);
      return;
    }
    const jobId = this.nextJob++;
    const controller = new AbortController();
    this.jobs.set(jobId, controller);
    this.progress.set({ jobId, done: 0, total: files.length, current: files[0]?.name ?? '' });
    const channel = this.channel();
    this.attachSearch();
    void channel
      .call('import', { files }, {
        signal: controller.signal,
        onProgress: (update) => {
          if (update.type === 'files') this.handlers.onOutcomes(update.outcomes);
          else this.progress.set({ jobId, done: update.done, total: update.total, current: update.current });
        },
      })
      .then((finished) => {
        this.jobs.delete(jobId);
        if (!finished.ok) console.error('The import stopped.', finished.error);
        if (this.progress.get()?.jobId === jobId) this.progress.set(null);
      });
  };

  /** Asks the worker to stop the job in progress; the files stored so far are kept. */
  cancel = (): void => {
    const current = this.progress.get();
    if (current) this.jobs.get(current.jobId)?.abort();
  };

  /** Ends the worker. */
  dispose(): void {
    this.worker?.channel.close('The import was stopped.');
    this.worker?.worker.terminate();
    this.worker = null;
  }

  /** Connects the import worker to the search worker, once there is one to connect to. */
  private attachSearch(): void {
    if (!this.worker || this.worker.searchAttached) return;
    const port = this.options.searchPort?.();
    if (!port) return;
    this.worker.searchAttached = true;
    void this.worker.channel.call('attach-search', { port }, { transfer: [port] });
  }

  private channel(): Channel<ImportWorkerProtocol> {
    if (!this.worker) {
      const worker = (this.options.createWorker ?? startImportWorker)();
      const sanitize = this.options.sanitize ?? (async (html: string) => (await loadSanitizer())(html));
      const channel = openChannel<ImportWorkerProtocol, ImportUiProtocol>(worker, { sanitize: ({ html }) => sanitize(html) });
      this.worker = { worker, channel, searchAttached: false };
    }
    return this.worker.channel;
  }
}

/** An ImportClient for the component's life; handlers may change between renders. */
export function useImport({ onOutcomes, onRefused }: ImportHandlers, options?: ImportClientOptions): ImportClient {
  const [latest] = useState(() => ({ onOutcomes, onRefused }));
  latest.onOutcomes = onOutcomes;
  latest.onRefused = onRefused;
  const [client] = useState(
    () => new ImportClient({ onOutcomes: (outcomes) => latest.onOutcomes(outcomes), onRefused: (message) => latest.onRefused(message) }, options),
  );
  useEffect(() => () => client.dispose(), [client]);
  return client;
}
