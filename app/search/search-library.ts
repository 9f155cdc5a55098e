/**
 * Searching the library: documents (title, authors, full text), highlights (quote and note) and
 * notebooks, folded for case, accents and ё, with prefix and fuzzy matching. A document appears
 * once, pointing at its best-matching chunk with a snippet from there.
 */
import { Role, indexView, type IndexView } from './index-view';
import { documentEntryId, FIELD_BOOSTS, type LibraryIndex } from './library-index';
import { planWords, type WordPlan } from './query-plan';
import { ShardedIndex } from './sharded-index';
import { entryMatch, rankResults, type RankedResult } from './rank-entries';
import { makeSnippet, type SnippetAt, type Snippet } from './snippet';

export type { Snippet } from './snippet';

/** One search result, best first. */
export interface SearchHit {
  kind: 'document' | 'highlight' | 'notebook';
  /** The document (for document and highlight hits). */
  docId?: string;
  annotationId?: string;
  notebookId?: string;
  /** The document's or notebook's title. */
  title: string;
  /** Context around the first matching word, with the matches marked. */
  snippet: Snippet;
  /** For document hits in the text: offset of the first match in the document text. */
  offset?: number;
  score: number;
}

/** Search options. */
export interface SearchLibraryOptions {
  /** At most this many results; default 50. */
  limit?: number;
}

const str = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);

/**
 * Searches the index; resolves hits best first, each with a snippet. Every typed word must match
 * (itself, a completion or a near misspelling); when no entry has them all, any word will do.
 * Only the hits returned are looked up and given snippets.
 */
export async function searchLibrary(index: LibraryIndex | ShardedIndex, query: string, options: SearchLibraryOptions = {}): Promise<SearchHit[]> {
  const limit = options.limit ?? 50;
  if (!query.trim() || limit <= 0) return [];
  const view = indexView(index instanceof ShardedIndex ? index.minis : index.mini, FIELD_BOOSTS);
  const plan = planWords(view.tree, query);
  const ranked = rankResults(view, plan, limit);
  return Promise.all(ranked.map((result) => toHit(index, view, plan, result)));
}

async function toHit(index: LibraryIndex | ShardedIndex, view: IndexView, plan: readonly WordPlan[], result: RankedResult): Promise<SearchHit> {
  const stored = view.stored(result.entry) ?? {};
  const docId = str(stored.docId);
  if (result.role === Role.meta || result.role === Role.chunk) {
    const shard = index instanceof ShardedIndex ? index.shardFor(docId!) : index;
    const title = str(shard.mini.getStoredFields(documentEntryId(docId!))?.label) ?? '';
    const hit: SearchHit = { kind: 'document', docId: docId!, title, snippet: { text: '', highlights: [] }, score: result.score };
    if (result.chunk >= 0) {
      const chunk = view.stored(result.chunk) ?? {};
      const offset = typeof chunk.offset === 'number' ? chunk.offset : 0;
      const length = typeof chunk.length === 'number' ? chunk.length : 0;
      const text = await index.source.chunkText(docId!, offset, length);
      if (text !== undefined) {
        const { snippet, matchOffset } = snippetOf(view, plan, result.chunk, text);
        hit.snippet = snippet;
        hit.offset = offset + Math.max(0, matchOffset);
        return hit;
      }
    }
    const from = result.meta >= 0 ? result.meta : result.entry;
    hit.snippet = snippetOf(view, plan, from, str(view.stored(from)?.preview) ?? title).snippet;
    return hit;
  }
  const kind = result.role === Role.highlight ? 'highlight' : 'notebook';
  const hit: SearchHit = { kind, title: str(stored.label) ?? '', snippet: { text: '', highlights: [] }, score: result.score };
  if (docId) hit.docId = docId;
  const annotationId = str(stored.annotationId);
  if (annotationId) hit.annotationId = annotationId;
  const notebookId = str(stored.notebookId);
  if (notebookId) hit.notebookId = notebookId;
  hit.snippet = snippetOf(view, plan, result.entry, str(stored.preview) ?? hit.title).snippet;
  return hit;
}

/** A snippet of entry `id`'s `text`: centred on the typed words themselves where it holds them. */
function snippetOf(view: IndexView, plan: readonly WordPlan[], id: number, text: string): SnippetAt {
  const { terms, anchors } = entryMatch(view, plan, id);
  return makeSnippet(text, terms, undefined, anchors);
}
