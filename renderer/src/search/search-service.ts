/**
 * The renderer's one search index over the library. It loads (or builds) when the search box is
 * first used, not at start (its code and the index of a large library are the heaviest part of
 * the app's start otherwise), follows imports, trash moves and saves, and persists itself a moment
 * after changes stop, so the next load reads it instead of rebuilding. Changes made before it
 * loads need no replay: the persisted index records the library's counts and latest change
 * times, and one that missed a change is rebuilt. Every operation runs in one queue, after the
 * load, so an update never races the build that would otherwise miss or overwrite it.
 */
import { useSyncExternalStore } from 'react';
import type { SearchIndexStore } from '../../../app/search/index-store';
import type { LecternDb } from '../../../app/store/db';
import type { SearchHit } from '../../../app/search/search-library';

export type { SearchHit } from '../../../app/search/search-library';

/** One saved change the index must follow: a highlight (created, edited, deleted) or a notebook. */
export type SearchChange = { kind: 'annotation'; id: string } | { kind: 'notebook'; id: string };

/** Where the index is: not started, being loaded or built, usable, or failed to load. */
export type SearchStatus = 'idle' | 'indexing' | 'ready' | 'failed';

/** Saves come in bursts (a note typed letter by letter): wait this long before reindexing. */
const UPDATE_DELAY_MS = 400;
/** Serializing the index of a large library takes a moment: persist only once things are calm. */
const PERSIST_DELAY_MS = 2000;

/** The search index over one store; the renderer's services hold one. */
export class SearchService {
  private loaded: SearchIndexStore | null = null;
  private queue: Promise<unknown> = Promise.resolve();
  private statusValue: SearchStatus = 'idle';
  private versionValue = 0;
  private readonly listeners = new Set<() => void>();
  private readonly pending = new Map<string, SearchChange>();
  private updateTimer: ReturnType<typeof setTimeout> | undefined;
  private persistTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly database: LecternDb) {}

  /** The index; operations reach it only once the status is 'ready'. */
  private get store(): SearchIndexStore {
    if (!this.loaded) throw new Error('The search index is not loaded.');
    return this.loaded;
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
    if (this.statusValue === 'idle') this.load();
    return this.queue;
  }

  /** Throws the index away and builds it again from the store (after a restore). */
  reload(): Promise<unknown> {
    this.load();
    return this.queue;
  }

  /** The hits for `query`, best first (loading the index first if it was not); none when it failed to load. */
  async search(query: string, limit = 30): Promise<SearchHit[]> {
    await this.start();
    if (this.statusValue !== 'ready') return [];
    return this.store.search(query, { limit });
  }

  /** A document was imported, replaced or restored. */
  documentAdded(docId: string): void {
    this.enqueue(() => this.store.addDocument(this.database, docId));
  }

  /** A document went to the trash. */
  documentRemoved(docId: string): void {
    this.enqueue(() => this.store.removeDocument(docId));
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  private load(): void {
    this.setStatus('indexing');
    this.queue = this.queue
      .then(async () => {
        const { SearchIndexStore } = await import('../../../app/search/index-store');
        const store = new SearchIndexStore();
        this.loaded = store;
        await store.loadOrBuild(this.database);
      })
      .then(
        () => this.setStatus('ready'),
        (error: unknown) => {
          console.error('The search index could not be loaded.', error);
          this.setStatus('failed');
        },
      );
  }

  /** A highlight or notebook was saved or deleted: reindexed once saves pause. */
  changed(change: SearchChange): void {
    this.pending.set(`${change.kind}:${change.id}`, change);
    clearTimeout(this.updateTimer);
    this.updateTimer = setTimeout(() => {
      const changes = [...this.pending.values()];
      this.pending.clear();
      this.enqueue(async () => {
        for (const next of changes) {
          if (next.kind === 'annotation') await this.store.updateAnnotation(this.database, next.id);
          else await this.store.updateNotebook(this.database, next.id);
        }
      });
    }, UPDATE_DELAY_MS);
  }

  private enqueue(operation: () => unknown): void {
    this.queue = this.queue
      .then(async () => {
        if (this.statusValue !== 'ready') return;
        await operation();
        this.versionValue += 1;
        this.notify();
      })
      .catch((error: unknown) => console.error('The search index could not be updated.', error));
    this.schedulePersist();
  }

  private schedulePersist(): void {
    clearTimeout(this.persistTimer);
    this.persistTimer = setTimeout(() => {
      // Changes still waiting would be missing from a persisted index that claims to be current.
      if (this.pending.size > 0) return this.schedulePersist();
      this.queue = this.queue
        .then(() => (this.statusValue === 'ready' ? this.store.persist(this.database) : undefined))
        // The index is a cache: a failed write only means the next start rebuilds it.
        .catch(() => undefined);
    }, PERSIST_DELAY_MS);
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
