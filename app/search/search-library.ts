/**
 * Searching the library: documents (title, authors, full text), highlights (quote and note) and
 * notebooks, folded for case, accents and ё, with prefix and fuzzy matching. A document appears
 * once, pointing at its best-matching chunk with a snippet from there.
 */
import type { SearchResult } from 'minisearch';
import { documentEntryId, type LibraryIndex } from './library-index';
import { planQuery } from './query-plan';
import { makeSnippet, type Snippet } from './snippet';

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

interface Draft {
  hit: SearchHit;
  /** The best-scoring chunk of a document hit, if its text matched. */
  chunk?: SearchResult;
  /** The title line of a document hit, if it matched. */
  meta?: SearchResult;
  entry?: SearchResult;
}

const str = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);

/** Every word must match; when no entry has them all, any word will do. */
function rawResults(index: LibraryIndex, query: string): SearchResult[] {
  const all = planQuery(index.mini, query, 'AND');
  if (!all) return [];
  const results = index.mini.search(all);
  return results.length ? results : index.mini.search(planQuery(index.mini, query, 'OR')!);
}

/** Searches the index; resolves hits best first, each with a snippet. */
export async function searchLibrary(index: LibraryIndex, query: string, options: SearchLibraryOptions = {}): Promise<SearchHit[]> {
  const limit = options.limit ?? 50;
  if (!query.trim() || limit <= 0) return [];
  const drafts: Draft[] = [];
  const byDoc = new Map<string, Draft>();
  for (const result of rawResults(index, query)) {
    const kind = str(result.kind);
    const docId = str(result.docId);
    if ((kind === 'meta' || kind === 'chunk') && docId) {
      let draft = byDoc.get(docId);
      if (!draft) {
        if (drafts.length >= limit) continue;
        const title = str(index.mini.getStoredFields(documentEntryId(docId))?.label) ?? '';
        draft = { hit: { kind: 'document', docId, title, snippet: { text: '', highlights: [] }, score: result.score } };
        byDoc.set(docId, draft);
        drafts.push(draft);
      }
      if (kind === 'chunk') draft.chunk ??= result;
      else draft.meta ??= result;
    } else if (drafts.length < limit && (kind === 'highlight' || kind === 'notebook')) {
      const hit: SearchHit = { kind, title: str(result.label) ?? '', snippet: { text: '', highlights: [] }, score: result.score };
      if (docId) hit.docId = docId;
      const annotationId = str(result.annotationId);
      if (annotationId) hit.annotationId = annotationId;
      const notebookId = str(result.notebookId);
      if (notebookId) hit.notebookId = notebookId;
      drafts.push({ hit, entry: result });
    }
  }
  return Promise.all(drafts.map((draft) => finish(index, draft)));
}

async function finish(index: LibraryIndex, draft: Draft): Promise<SearchHit> {
  const { hit } = draft;
  if (draft.chunk && hit.docId) {
    const offset = typeof draft.chunk.offset === 'number' ? draft.chunk.offset : 0;
    const length = typeof draft.chunk.length === 'number' ? draft.chunk.length : 0;
    const text = await index.source.chunkText(hit.docId, offset, length);
    if (text !== undefined) {
      const { snippet, matchOffset } = makeSnippet(text, draft.chunk.terms);
      hit.snippet = snippet;
      hit.offset = offset + Math.max(0, matchOffset);
      return hit;
    }
  }
  const source = draft.meta ?? draft.entry ?? draft.chunk;
  if (source) hit.snippet = makeSnippet(str(source.preview) ?? hit.title, source.terms).snippet;
  return hit;
}
