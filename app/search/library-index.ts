/**
 * The library's full-text index (minisearch): one entry per document (title, authors), per
 * ~8,000-character chunk of its text, per highlight (quote and note) and per notebook. Chunk
 * texts are not stored in the index; a hit's snippet reads them from a ChunkTextSource, so the
 * persisted index stays about the size of its word lists.
 */
import MiniSearch, { type Options } from 'minisearch';
import { chunkText } from './chunk-text';
import { foldForSearch } from '../text/fold';
import { WORD_SEPARATOR } from './words';

/** Bump when entries, fields or folding change: a persisted index of another version is rebuilt. */
export const SEARCH_INDEX_VERSION = 1;

/** What kind of thing an index entry stands for. */
export type EntryKind = 'meta' | 'chunk' | 'highlight' | 'notebook';

/** One index entry. Indexed fields: title, authors, text; the rest is stored for results. */
export interface SearchEntry {
  id: string;
  kind: EntryKind;
  docId?: string;
  annotationId?: string;
  notebookId?: string;
  title?: string;
  authors?: string;
  text?: string;
  /** What a result shows as its title (the document's title for highlights). */
  label?: string;
  /** Chunk start offset in the document text, and its length. */
  offset?: number;
  length?: number;
  /** Short texts kept whole for snippets (highlights, notebooks, title lines). */
  preview?: string;
  /** How many chunks a document has (on its meta entry), so it can be removed by id. */
  chunks?: number;
}

/** Reads a chunk of a document's text for a snippet; undefined when the document is gone. */
export interface ChunkTextSource {
  chunkText(docId: string, offset: number, length: number): Promise<string | undefined> | string | undefined;
}

/** A document as the index takes it. */
export interface IndexableDocument {
  id: string;
  title: string;
  authorsLabel?: string;
  text: string;
}

/** A highlight as the index takes it: the quoted text and the note's plain text. */
export interface IndexableHighlight {
  id: string;
  docId: string;
  quote: string;
  note: string;
}

/** A notebook as the index takes it. */
export interface IndexableNotebook {
  id: string;
  title: string;
  text: string;
}

/** The index with the bookkeeping needed to update it by document. */
export interface LibraryIndex {
  mini: MiniSearch<SearchEntry>;
  /** Highlight ids per document, so removing a document removes its highlights. */
  highlightsByDoc: Map<string, Set<string>>;
  source: ChunkTextSource;
}

/** Score weight of a match per field: a word in a title counts three times one in the text. */
export const FIELD_BOOSTS: Readonly<Record<string, number>> = { title: 3, authors: 2 };

/**
 * The one set of minisearch options, used to build and to reload a persisted index. Queries do not
 * go through minisearch's search: query-plan.ts and rank-entries.ts read its term tree.
 */
export const MINISEARCH_OPTIONS: Options<SearchEntry> = {
  idField: 'id',
  fields: ['title', 'authors', 'text'],
  storeFields: ['kind', 'docId', 'annotationId', 'notebookId', 'label', 'offset', 'length', 'preview', 'chunks'],
  tokenize: (text) => text.split(WORD_SEPARATOR),
  processTerm: (term) => foldForSearch(term),
};

/** An empty index reading snippet text from `source`. */
export function createLibraryIndex(source: ChunkTextSource): LibraryIndex {
  return { mini: new MiniSearch<SearchEntry>(MINISEARCH_OPTIONS), highlightsByDoc: new Map(), source };
}

const metaId = (docId: string) => `d:${docId}`;
const chunkId = (docId: string, n: number) => `c:${docId}:${n}`;
const highlightId = (id: string) => `h:${id}`;
const notebookId = (id: string) => `n:${id}`;

/** The index entry id of a document's title line; other modules use it to look up stored fields. */
export const documentEntryId = metaId;

/** Indexes a document's title, authors and whole text, replacing an earlier version of it. */
export function indexDocument(index: LibraryIndex, doc: IndexableDocument): void {
  removeDocumentText(index, doc.id);
  const chunks = chunkText(doc.text);
  const label = doc.title;
  const meta: SearchEntry = { id: metaId(doc.id), kind: 'meta', docId: doc.id, title: doc.title, label, preview: [doc.title, doc.authorsLabel].filter(Boolean).join(' — '), chunks: chunks.length };
  if (doc.authorsLabel) meta.authors = doc.authorsLabel;
  index.mini.add(meta);
  chunks.forEach((chunk, n) => {
    index.mini.add({ id: chunkId(doc.id, n), kind: 'chunk', docId: doc.id, text: doc.text.slice(chunk.start, chunk.end), offset: chunk.start, length: chunk.end - chunk.start });
  });
}

function removeDocumentText(index: LibraryIndex, docId: string): void {
  const stored = index.mini.getStoredFields(metaId(docId));
  if (!stored) return;
  const chunks = typeof stored.chunks === 'number' ? stored.chunks : 0;
  index.mini.discard(metaId(docId));
  for (let n = 0; n < chunks; n++) index.mini.discard(chunkId(docId, n));
}

/** Removes a document and its highlights from the index; nothing happens when it was not there. */
export function unindexDocument(index: LibraryIndex, docId: string): void {
  removeDocumentText(index, docId);
  for (const id of index.highlightsByDoc.get(docId) ?? []) index.mini.discard(highlightId(id));
  index.highlightsByDoc.delete(docId);
}

/** Indexes a highlight's quote and note (replacing its earlier version); `label` is its document's title. */
export function indexHighlight(index: LibraryIndex, highlight: IndexableHighlight, label: string): void {
  unindexHighlight(index, highlight.id);
  const text = [highlight.quote, highlight.note].filter(Boolean).join('\n');
  if (!text.trim()) return;
  index.mini.add({ id: highlightId(highlight.id), kind: 'highlight', docId: highlight.docId, annotationId: highlight.id, text, label, preview: text });
  let ids = index.highlightsByDoc.get(highlight.docId);
  if (!ids) index.highlightsByDoc.set(highlight.docId, (ids = new Set()));
  ids.add(highlight.id);
}

/** Removes a highlight from the index, if it is there. */
export function unindexHighlight(index: LibraryIndex, id: string): void {
  const stored = index.mini.getStoredFields(highlightId(id));
  if (!stored) return;
  index.mini.discard(highlightId(id));
  if (typeof stored.docId === 'string') index.highlightsByDoc.get(stored.docId)?.delete(id);
}

/** Indexes a notebook's title and text, replacing its earlier version. */
export function indexNotebook(index: LibraryIndex, notebook: IndexableNotebook): void {
  unindexNotebook(index, notebook.id);
  index.mini.add({ id: notebookId(notebook.id), kind: 'notebook', notebookId: notebook.id, title: notebook.title, text: notebook.text, label: notebook.title, preview: notebook.text });
}

/** Removes a notebook from the index, if it is there. */
export function unindexNotebook(index: LibraryIndex, id: string): void {
  if (index.mini.has(notebookId(id))) index.mini.discard(notebookId(id));
}

/** The index in a form the searchIndex table can hold: minisearch's JSON plus the bookkeeping. */
export interface SerializedIndex {
  /** minisearch's toJSON, as text (one string stores and loads far faster than a deep object). */
  mini: string;
  highlightsByDoc: [string, string[]][];
}

/** The index for persisting. */
export function serializeIndex(index: LibraryIndex): SerializedIndex {
  return { mini: JSON.stringify(index.mini), highlightsByDoc: [...index.highlightsByDoc].map(([docId, ids]) => [docId, [...ids]]) };
}

/** Rebuilds an index from serializeIndex's output, with the same options; throws on anything else. */
export async function deserializeIndex(serialized: SerializedIndex, source: ChunkTextSource): Promise<LibraryIndex> {
  const mini = await MiniSearch.loadJSONAsync<SearchEntry>(serialized.mini, MINISEARCH_OPTIONS);
  return { mini, highlightsByDoc: new Map(serialized.highlightsByDoc.map(([docId, ids]) => [docId, new Set(ids)])), source };
}
