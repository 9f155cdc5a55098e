/** Narrowing the library list by tag and collection; sorting lives in documents-sort.ts. */
import type { DocumentSummary } from './records';

/** What to narrow the library to; every field given must match. */
export interface LibraryFilter {
  /** Only documents carrying this tag (compared ignoring case). */
  tag?: string;
  /** Only documents in this collection; needs `collectionDocIds` (from collectionDocIds()). */
  collectionId?: string;
  /** The member ids of `collectionId`. */
  collectionDocIds?: readonly string[];
}

/** The documents of `list` that pass `filter`, in their original order. */
export function filterDocuments(list: readonly DocumentSummary[], filter: LibraryFilter): DocumentSummary[] {
  const tag = filter.tag?.trim().toLocaleLowerCase();
  const members = filter.collectionId !== undefined || filter.collectionDocIds ? new Set(filter.collectionDocIds ?? []) : null;
  return list.filter((doc) => {
    if (tag && !(doc.tags ?? []).some((t) => t.toLocaleLowerCase() === tag)) return false;
    if (members && !members.has(doc.id)) return false;
    return true;
  });
}
