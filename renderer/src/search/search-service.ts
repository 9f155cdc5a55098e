/**
 * The renderer's one search index over the library, held by a search worker (search.worker.ts):
 * the UI thread sends queries and changes and never builds, updates or serializes the index. It
 * loads (or builds) when the search box is first used, not at start (its code and the index of a
 * large library are the heaviest part of the app's start otherwise), follows imports, trash moves
 * and saves, and saves the pieces it changed a moment after changes stop, so the next load reads
 * them instead of rebuilding. Changes made before it loads need no replay: the saved index records
 * the library's counts and latest change times, and one that missed a change is rebuilt. Every
 * operation runs in one queue, after the load, so an update never races the build that would
 * otherwise miss or overwrite it.
 */
import { useSyncExternalStore } from 'react';
import type { SearchHit } from '../../../app/search/search-library';
import type { LecternDb } from '../../../app/store/db';
import { openChannel, type Channel, type WorkerFactory, type WorkerLike } from '../workers/channel';
import type { IndexChange, SearchUiProtocol, SearchWorkerProtocol } from './search-protocol';

export type { SearchHit } from '../../../app/search/search-library';

/** One saved change the index must follow: a highlight (created, edited, deleted) or a notebook. */
export type SearchChange = { kind: 'annotation'; id: string } | { kind: 'notebook'; id: string };

/** Where the index is: not started, being loaded or built, usable, or failed to load. */
export type SearchStatus = 'idle' | 'indexing' | 'ready' | 'failed';

/** The app's search worker. */
export const startSearchWorker: WorkerFactory = () => new Worker(new URL('./search.worker.ts', import.meta.url), { type: 'module', name: 'lectern-search' });

/** How a SearchService runs: its worker, and its waits (tests shorten them). */
export interface SearchServiceOptions {
  createWorker?: WorkerFactory;
  /** Saves come in bursts (a note typed letter by letter): wait this long before reindexing. */
  updateDelayMs?: number;
  /** Saving takes a moment even in pieces: save only once things are calm. */
  persistDelayMs?: number;
}

/** The search index over one store; the renderer's services hold one. */
export class SearchService {
  private worker: { worker: WorkerLike; channel: Channel<SearchWorkerProtocol> } | null = null;
  private queue: Promise<unknown> = Promise.resolve();
  private statusValue: SearchStatus = 'idle';
  private versionValue = 0;
  private readonly listeners = new Set<() => void>();
  private readonly pending = new Map<string, SearchChange>();
  private updateTimer: ReturnType<typeof setTimeout> | undefined;
  private persistTimer: ReturnType<typeof setTimeout> | undefined;
  private readonly updateDelayMs: number;
  private readonly persistDelayMs: number;

  /** The index of `database`, which the worker opens by its name. */
  constructor(
    private readonly database: LecternDb,
    private readonly options: SearchServiceOptions = {},
  ) {
    this.updateDelayMs = options.updateDelayMs ?? 400;
    this.persistDelayMs = options.persistDelayMs ?? 2000;
  }

  get status(): SearchStatus {
    return this.statusValue;
  }

  /** Counts applied changes, so open results can search again when the index moves on. */
  get version(): number {
    return this.versionValue;
  }

  /** Loads the index once; later calls resolve the same work. */
  start(): Promise<unknown> {
    if (this.statusValue === 'idle') this.load(false);
    return this.queue;
  }

  /** Throws the index away and builds it again from the store (after a restore). */
  reload(): Promise<unknown> {
    this.load(true);
    return this.queue;
  }

  /** The hits for `query`, best first (loading the index first if it was not); none when it failed to load. */
  async search(query: string, limit = 30): Promise<SearchHit[]> {
    await this.start();
    if (this.statusValue !== 'ready') return [];
    const found = await this.channel().call('search', { query, limit });
    if (found.ok) return found.value;
    console.error('The search failed.', found.error);
    return [];
  }

  /** A document was imported, replaced or restored. */
  documentAdded(docId: string): void {
    this.enqueue([{ kind: 'document-added', id: docId }]);
  }

  /** A document went to the trash. */
  documentRemoved(docId: string): void {
    this.enqueue([{ kind: 'document-removed', id: docId }]);
  }

  /** A highlight or notebook was saved or deleted: reindexed once saves pause. */
  changed(change: SearchChange): void {
    this.pending.set(`${change.kind}:${change.id}`, change);
    clearTimeout(this.updateTimer);
    this.updateTimer = setTimeout(() => {
      const changes = [...this.pending.values()];
      this.pending.clear();
      this.enqueue(changes);
    }, this.updateDelayMs);
  }

  /**
   * A port for the import worker to send the documents it stores straight to the search worker,
   * which indexes them from the text the importer already holds (see import-jobs.ts); undefined
   * while the index is not loaded or loading (it then catches up when it loads).
   */
  importerPort(): MessagePort | undefined {
    if (this.statusValue !== 'ready' && this.statusValue !== 'indexing') return undefined;
    const { port1, port2 } = new MessageChannel();
    void this.channel().call('attach', { port: port2 }, { transfer: [port2] });
    return port1;
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** Ends the worker; a later call starts a new one. */
  dispose(): void {
    clearTimeout(this.updateTimer);
    clearTimeout(this.persistTimer);
    this.worker?.channel.close('The search index was closed.');
    this.worker?.worker.terminate();
    this.worker = null;
    this.setStatus('idle');
  }

  private channel(): Channel<SearchWorkerProtocol> {
    if (!this.worker) {
      const worker = (this.options.createWorker ?? startSearchWorker)();
      const channel = openChannel<SearchWorkerProtocol, SearchUiProtocol>(worker, {
        indexed: () => {
          this.versionValue += 1;
          this.notify();
          this.schedulePersist();
          return null;
        },
      });
      worker.addEventListener('error', (event: ErrorEvent) => {
        console.error('The search worker failed.', event.message);
        channel.close('The search worker stopped.');
      });
      this.worker = { worker, channel };
    }
    return this.worker.channel;
  }

  private load(rebuild: boolean): void {
    this.setStatus('indexing');
    this.queue = this.queue
      .then(() => this.channel().call('open', { database: this.database.name, rebuild }))
      .then((opened) => {
        if (opened.ok) return this.setStatus('ready');
        console.error('The search index could not be loaded.', opened.error);
        this.setStatus('failed');
      });
  }

  private enqueue(changes: IndexChange[]): void {
    this.queue = this.queue.then(async () => {
      if (this.statusValue !== 'ready') return;
      const updated = await this.channel().call('update', { changes });
      if (!updated.ok) return console.error('The search index could not be updated.', updated.error);
      this.versionValue += 1;
      this.notify();
    });
    this.schedulePersist();
  }

  private schedulePersist(): void {
    clearTimeout(this.persistTimer);
    this.persistTimer = setTimeout(() => {
      // Changes still waiting would be missing from a saved index that claims to be current.
      if (this.pending.size > 0) return this.schedulePersist();
      // The index is a cache: a failed save only means the next start rebuilds it.
      this.queue = this.queue.then(() => (this.statusValue === 'ready' ? this.channel().call('persist', {}) : undefined));
    }, this.persistDelayMs);
  }

  private setStatus(status: SearchStatus): void {
    this.statusValue = status;
    this.notify();
  }

  private notify(): void {
    for (const listener of this.listeners) listener();
  }
}

/** The index's status, re-rendering when it changes. */
export function useSearchStatus(search: SearchService): SearchStatus {
  return useSyncExternalStore(search.subscribe, () => search.status);
}

/** The index's change count, re-rendering when a change has been applied. */
export function useSearchVersion(search: SearchService): number {
  return useSyncExternalStore(search.subscribe, () => search.version);
}
