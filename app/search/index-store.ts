/**
 * Keeps the library's search index: loads the saved one at start, rebuilds it from the store
 * when it is missing, of an older version, or out of step with the library, and updates it as
 * documents, highlights and notebooks change. The index is kept in shards (sharded-index.ts) and
 * saved in pieces, one searchIndex row per shard beside a manifest row: a save writes only the
 * shards changed since the last one (a note edited rewrites one piece, not the whole library's
 * index). Every read of the library goes through the store's repositories.
 */
import type { LecternDb } from '../store/db';
import { getDocument, listDocuments } from '../store/documents-repo';
import { getAnnotation, listAnnotationsByDoc } from '../store/annotations-repo';
import { getNotebook } from '../store/notebooks-repo';
import type { StoredAnnotation, StoredNotebook } from '../store/records';
import { forEachAnnotation, forEachNotebook, getDocumentText, getSearchIndexRows, libraryChangeStamp, putSearchIndexRows } from '../store/search-reads';
import {
  deserializeIndex,
  indexDocument,
  indexHighlight,
  indexNotebook,
  SEARCH_INDEX_VERSION,
  serializeIndex,
  type ChunkTextSource,
  type SerializedIndex,
  unindexDocument,
  unindexHighlight,
  unindexNotebook,
} from './library-index';
import { searchLibrary, type SearchHit, type SearchLibraryOptions } from './search-library';
import { SHARD_COUNT, ShardedIndex } from './sharded-index';

/** The searchIndex row of the manifest (an index saved whole by an earlier version sits there too, and is rebuilt). */
export const LIBRARY_INDEX_KEY = 'library';

/** The searchIndex row of shard `n`. */
export const shardKey = (n: number) => `library/shard-${n}`;

/** What the manifest row holds. */
interface Manifest {
  layout: 'shards';
  version: number;
  shards: number;
  /** Row counts and latest change times when the index was saved: a mismatch means it missed changes. */
  fingerprint: string;
}

/** What a shard's row holds. */
interface PersistedShard {
  version: number;
  index: SerializedIndex;
}

/** How loadOrBuild got its index. */
export type LoadOutcome = 'loaded' | 'rebuilt';

/** Turns a note (Lexical's saved editor state) into its plain text. */
export type NoteText = (editorState: unknown) => string;

/** Reads chunk texts from the store, keeping the last few documents' texts for a page of results. */
class StoreTextSource implements ChunkTextSource {
  private readonly cache = new Map<string, string>();
  constructor(private readonly db: LecternDb) {}

  async chunkText(docId: string, offset: number, length: number): Promise<string | undefined> {
    let text = this.cache.get(docId);
    if (text === undefined) {
      text = await getDocumentText(this.db, docId);
      if (text === undefined) return undefined;
      this.cache.set(docId, text);
      // A results page touches a handful of documents; more would hold whole books in memory.
      if (this.cache.size > 8) this.cache.delete(this.cache.keys().next().value!);
    }
    return text.slice(offset, offset + length);
  }

  forget(docId: string): void {
    this.cache.delete(docId);
  }
}

function isManifest(value: unknown): value is Manifest {
  const m = value as Partial<Manifest> | undefined;
  return m?.layout === 'shards' && m.version === SEARCH_INDEX_VERSION && m.shards === SHARD_COUNT && typeof m.fingerprint === 'string';
}

/** The search index of one library. Create one per open store; call loadOrBuild before searching. */
export class SearchIndexStore {
  private index: ShardedIndex | null = null;
  private source: StoreTextSource | null = null;
  /** Shards changed since the last save. */
  private readonly dirty = new Set<number>();

  /** `noteText` reads a note's plain text for the index. */
  constructor(private readonly noteText: NoteText) {}

  /** True once loadOrBuild has finished. */
  get ready(): boolean {
    return this.index !== null;
  }

  /** A highlight's searchable parts: the quoted text and the note. */
  highlightText(annotation: StoredAnnotation): { quote: string; note: string } {
    const quote = annotation.selectors.find((s) => s.type === 'TextQuoteSelector');
    const note = annotation.noteText || this.noteText(annotation.noteJson);
    return { quote: quote?.type === 'TextQuoteSelector' ? quote.exact : '', note };
  }

  /** Loads the saved index, or rebuilds (and saves) it from the store when it is unusable. */
  async loadOrBuild(db: LecternDb): Promise<LoadOutcome> {
    this.source = new StoreTextSource(db);
    const [manifest] = await getSearchIndexRows(db, [LIBRARY_INDEX_KEY]);
    if (isManifest(manifest) && manifest.fingerprint === (await libraryChangeStamp(db))) {
      try {
        const rows = await getSearchIndexRows(db, Array.from({ length: SHARD_COUNT }, (_, n) => shardKey(n)));
        const source = this.source;
        const shards = await Promise.all(
          rows.map((row) => {
            const piece = row as PersistedShard | undefined;
            if (piece?.version !== SEARCH_INDEX_VERSION) throw new Error('A piece of the search index is missing.');
            return deserializeIndex(piece.index, source);
          }),
        );
        this.index = new ShardedIndex(shards, source);
        this.dirty.clear();
        return 'loaded';
      } catch {
        // A missing or damaged piece is only a cache: fall through and rebuild.
      }
    }
    await this.rebuild(db);
    return 'rebuilt';
  }

  /** Builds the index from every document, highlight and notebook in the store, and saves it. */
  async rebuild(db: LecternDb): Promise<void> {
    this.source ??= new StoreTextSource(db);
    const index = ShardedIndex.empty(this.source);
    const titles = new Map<string, string>();
    // One document at a time, so a large library is never all in memory at once.
    for (const summary of await listDocuments(db)) {
      titles.set(summary.id, summary.title);
      const text = (await getDocumentText(db, summary.id)) ?? '';
      indexDocument(index.shardFor(summary.id), { id: summary.id, title: summary.title, authorsLabel: summary.authorsLabel ?? '', text });
    }
    await forEachAnnotation(db, (annotation) => {
      const title = titles.get(annotation.docId);
      if (title !== undefined) indexHighlight(index.shardFor(annotation.docId), { id: annotation.id, docId: annotation.docId, ...this.highlightText(annotation) }, title);
    });
    await forEachNotebook(db, (notebook) => indexNotebook(index.shardFor(notebook.id), this.notebookEntry(notebook)));
    this.index = index;
    for (let n = 0; n < SHARD_COUNT; n++) this.dirty.add(n);
    await this.persist(db);
  }

  /** (Re)indexes a document and its highlights, after an import, a new version or a restore. */
  async addDocument(db: LecternDb, docId: string): Promise<void> {
    const index = this.require();
    const summary = await getDocument(db, docId);
    const text = summary && (await getDocumentText(db, docId));
    const annotations = summary ? await listAnnotationsByDoc(db, docId) : [];
    this.indexDocumentWith(index, docId, summary && { title: summary.title, authorsLabel: summary.authorsLabel ?? '', text: text ?? '' }, annotations);
  }

  /**
   * Indexes a document from what the caller already holds (the import worker, which has just
   * read its text): no read of the store.
   */
  addDocumentEntries(doc: { id: string; title: string; authorsLabel?: string; text: string }, annotations: readonly StoredAnnotation[] = []): void {
    this.indexDocumentWith(this.require(), doc.id, { title: doc.title, authorsLabel: doc.authorsLabel ?? '', text: doc.text }, annotations);
  }

  private indexDocumentWith(index: ShardedIndex, docId: string, doc: { title: string; authorsLabel: string; text: string } | undefined, annotations: readonly StoredAnnotation[]): void {
    const shard = index.shardFor(docId);
    this.source?.forget(docId);
    unindexDocument(shard, docId);
    this.dirty.add(index.shardNumber(docId));
    if (!doc) return;
    indexDocument(shard, { id: docId, ...doc });
    for (const annotation of annotations) indexHighlight(shard, { id: annotation.id, docId, ...this.highlightText(annotation) }, doc.title);
  }

  /** Drops a document and its highlights from the index (moved to the trash, deleted). */
  removeDocument(docId: string): void {
    const index = this.require();
    this.source?.forget(docId);
    unindexDocument(index.shardFor(docId), docId);
    this.dirty.add(index.shardNumber(docId));
  }

  /** Re-reads one highlight from the store and updates the index; a deleted one is removed. */
  async updateAnnotation(db: LecternDb, annotationId: string): Promise<void> {
    const index = this.require();
    const annotation = await getAnnotation(db, annotationId);
    const summary = annotation && (await getDocument(db, annotation.docId));
    if (!annotation || !summary) {
      // Its document is not known any more: look in every shard.
      index.shards.forEach((shard, n) => {
        const entries = shard.mini.documentCount;
        unindexHighlight(shard, annotationId);
        if (shard.mini.documentCount !== entries) this.dirty.add(n);
      });
      return;
    }
    indexHighlight(index.shardFor(annotation.docId), { id: annotation.id, docId: annotation.docId, ...this.highlightText(annotation) }, summary.title);
    this.dirty.add(index.shardNumber(annotation.docId));
  }

  /** Re-reads one notebook from the store and updates the index; a deleted one is removed. */
  async updateNotebook(db: LecternDb, notebookId: string): Promise<void> {
    const index = this.require();
    const notebook = await getNotebook(db, notebookId);
    const shard = index.shardFor(notebookId);
    if (notebook) indexNotebook(shard, this.notebookEntry(notebook));
    else unindexNotebook(shard, notebookId);
    this.dirty.add(index.shardNumber(notebookId));
  }

  /** Searches the library; see searchLibrary. */
  async search(query: string, options?: SearchLibraryOptions): Promise<SearchHit[]> {
    return searchLibrary(this.require(), query, options);
  }

  /**
   * Saves the shards changed since the last save, and the manifest, in one transaction, so the
   * next start loads instead of rebuilding. Resolves the keys of the pieces written.
   */
  async persist(db: LecternDb): Promise<string[]> {
    const index = this.require();
    const changed = [...this.dirty].sort((a, b) => a - b);
    const fingerprint = await libraryChangeStamp(db);
    const manifest: Manifest = { layout: 'shards', version: SEARCH_INDEX_VERSION, shards: SHARD_COUNT, fingerprint };
    const pieces = changed.map((n) => ({ key: shardKey(n), value: { version: SEARCH_INDEX_VERSION, index: serializeIndex(index.shards[n]!) } satisfies PersistedShard }));
    this.dirty.clear();
    try {
      await putSearchIndexRows(db, [...pieces, { key: LIBRARY_INDEX_KEY, value: manifest }]);
    } catch (error) {
      for (const n of changed) this.dirty.add(n);
      throw error;
    }
    return pieces.map((piece) => piece.key);
  }

  private require(): ShardedIndex {
    if (!this.index) throw new Error('The search index is still loading. Try again in a moment.');
    return this.index;
  }

  private notebookEntry(notebook: StoredNotebook): { id: string; title: string; text: string } {
    return { id: notebook.id, title: notebook.title, text: this.noteText(notebook.content) };
  }
}
