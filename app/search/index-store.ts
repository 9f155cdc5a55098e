/**
 * Keeps the library's search index: loads the persisted one at start, rebuilds it from the store
 * when it is missing, of an older version, or out of step with the library, and updates it as
 * documents, highlights and notebooks change. Persist after a batch of changes (the index of a
 * large library takes a moment to serialize), not after every keystroke.
 */
import type { LecternDb } from '../store/db';
import type { StoredAnnotation, StoredNotebook } from '../store/records';
import {
  createLibraryIndex,
  deserializeIndex,
  indexDocument,
  indexHighlight,
  indexNotebook,
  SEARCH_INDEX_VERSION,
  serializeIndex,
  type ChunkTextSource,
  type LibraryIndex,
  type SerializedIndex,
  unindexDocument,
  unindexHighlight,
  unindexNotebook,
} from './library-index';
import { plainTextFromEditorState } from './lexical-text';
import { searchLibrary, type SearchHit, type SearchLibraryOptions } from './search-library';

/** The searchIndex row this store owns. */
export const LIBRARY_INDEX_KEY = 'library';

/** What the persisted row holds. */
interface PersistedIndex {
  version: number;
  /** Row counts and latest change times when the index was persisted: a mismatch means it missed changes. */
  fingerprint: string;
  index: SerializedIndex;
}

/** How loadOrBuild got its index. */
export type LoadOutcome = 'loaded' | 'rebuilt';

/** Reads chunk texts from the store, keeping the last few documents' texts for a page of results. */
class StoreTextSource implements ChunkTextSource {
  private readonly cache = new Map<string, string>();
  constructor(private readonly db: LecternDb) {}

  async chunkText(docId: string, offset: number, length: number): Promise<string | undefined> {
    let text = this.cache.get(docId);
    if (text === undefined) {
      text = (await this.db.contents.get(docId))?.text;
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

/** A highlight's searchable parts: the quoted text and the note. */
export function highlightText(annotation: StoredAnnotation): { quote: string; note: string } {
  const quote = annotation.selectors.find((s) => s.type === 'TextQuoteSelector');
  const note = annotation.noteText || plainTextFromEditorState(annotation.noteJson);
  return { quote: quote?.type === 'TextQuoteSelector' ? quote.exact : '', note };
}

async function libraryFingerprint(db: LecternDb): Promise<string> {
  return db.transaction('r', db.documents, db.annotations, db.notebooks, async () => {
    const parts = await Promise.all([
      db.documents.count(),
      db.documents.orderBy('addedAt').lastKey(),
      db.annotations.count(),
      db.annotations.orderBy('updatedAt').lastKey(),
      db.notebooks.count(),
      db.notebooks.orderBy('updatedAt').lastKey(),
    ]);
    return JSON.stringify(parts);
  });
}

/** The search index of one library. Create one per open store; call loadOrBuild before searching. */
export class SearchIndexStore {
  private index: LibraryIndex | null = null;
  private source: StoreTextSource | null = null;

  /** True once loadOrBuild has finished. */
  get ready(): boolean {
    return this.index !== null;
  }

  /** Loads the persisted index, or rebuilds (and persists) it from the store when it is unusable. */
  async loadOrBuild(db: LecternDb): Promise<LoadOutcome> {
    this.source = new StoreTextSource(db);
    const row = (await db.searchIndex.get(LIBRARY_INDEX_KEY))?.value as PersistedIndex | undefined;
    if (row?.version === SEARCH_INDEX_VERSION && row.fingerprint === (await libraryFingerprint(db))) {
      try {
        this.index = await deserializeIndex(row.index, this.source);
        return 'loaded';
      } catch {
        // A damaged row is only a cache: fall through and rebuild it.
      }
    }
    await this.rebuild(db);
    return 'rebuilt';
  }

  /** Builds the index from every document, highlight and notebook in the store, and persists it. */
  async rebuild(db: LecternDb): Promise<void> {
    this.source ??= new StoreTextSource(db);
    const index = createLibraryIndex(this.source);
    const titles = new Map<string, string>();
    // One document at a time, so a large library is never all in memory at once.
    for (const summary of await db.documents.toArray()) {
      titles.set(summary.id, summary.title);
      const content = await db.contents.get(summary.id);
      indexDocument(index, { id: summary.id, title: summary.title, authorsLabel: summary.authorsLabel ?? '', text: content?.text ?? '' });
    }
    await db.annotations.each((annotation) => {
      const title = titles.get(annotation.docId);
      if (title !== undefined) indexHighlight(index, { id: annotation.id, docId: annotation.docId, ...highlightText(annotation) }, title);
    });
    await db.notebooks.each((notebook) => indexNotebook(index, notebookEntry(notebook)));
    this.index = index;
    await this.persist(db);
  }

  /** (Re)indexes a document and its highlights, after an import, a new version or a restore. */
  async addDocument(db: LecternDb, docId: string): Promise<void> {
    const index = this.require();
    this.source?.forget(docId);
    unindexDocument(index, docId);
    const summary = await db.documents.get(docId);
    if (!summary) return;
    const content = await db.contents.get(docId);
    indexDocument(index, { id: docId, title: summary.title, authorsLabel: summary.authorsLabel ?? '', text: content?.text ?? '' });
    for (const annotation of await db.annotations.where('docId').equals(docId).toArray()) {
      indexHighlight(index, { id: annotation.id, docId, ...highlightText(annotation) }, summary.title);
    }
  }

  /** Drops a document and its highlights from the index (moved to the trash, deleted). */
  removeDocument(docId: string): void {
    this.source?.forget(docId);
    unindexDocument(this.require(), docId);
  }

  /** Re-reads one highlight from the store and updates the index; a deleted one is removed. */
  async updateAnnotation(db: LecternDb, annotationId: string): Promise<void> {
    const index = this.require();
    const annotation = await db.annotations.get(annotationId);
    const summary = annotation && (await db.documents.get(annotation.docId));
    if (!annotation || !summary) {
      unindexHighlight(index, annotationId);
      return;
    }
    indexHighlight(index, { id: annotation.id, docId: annotation.docId, ...highlightText(annotation) }, summary.title);
  }

  /** Re-reads one notebook from the store and updates the index; a deleted one is removed. */
  async updateNotebook(db: LecternDb, notebookId: string): Promise<void> {
    const index = this.require();
    const notebook = await db.notebooks.get(notebookId);
    if (notebook) indexNotebook(index, notebookEntry(notebook));
    else unindexNotebook(index, notebookId);
  }

  /** Searches the library; see searchLibrary. */
  async search(query: string, options?: SearchLibraryOptions): Promise<SearchHit[]> {
    return searchLibrary(this.require(), query, options);
  }

  /** Saves the index to the searchIndex table, so the next start loads instead of rebuilding. */
  async persist(db: LecternDb): Promise<void> {
    const index = this.require();
    const value: PersistedIndex = { version: SEARCH_INDEX_VERSION, fingerprint: await libraryFingerprint(db), index: serializeIndex(index) };
    await db.searchIndex.put({ key: LIBRARY_INDEX_KEY, value });
  }

  private require(): LibraryIndex {
    if (!this.index) throw new Error('The search index is still loading. Try again in a moment.');
    return this.index;
  }
}

function notebookEntry(notebook: StoredNotebook): { id: string; title: string; text: string } {
  return { id: notebook.id, title: notebook.title, text: plainTextFromEditorState(notebook.content) };
}
