/** Tags on documents: free words the student attaches, searchable through the `*tags` index. */
import type { LecternDb } from './db';
import type { DocumentSummary } from './records';

/** Collator for listing tags: case- and accent-insensitive, numeric ("week 2" before "week 10"). */
const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });

/**
 * Trimmed, inner whitespace collapsed, empty ones dropped, duplicates (ignoring case) removed,
 * first spelling kept, so "Film", " film " and "FILM" are one tag.
 */
export function normalizeTags(tags: readonly string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const raw of tags) {
    const tag = raw.replace(/\s+/g, ' ').trim();
    const key = tag.toLocaleLowerCase();
    if (!tag || seen.has(key)) continue;
    seen.add(key);
    out.push(tag);
  }
  return out;
}

/** Replaces a document's tags; resolves false when there is no such document. */
export function setTags(db: LecternDb, docId: string, tags: readonly string[]): Promise<boolean> {
  return db.transaction('rw', db.documents, async () => {
    const updated = await db.documents.update(docId, { tags: normalizeTags(tags), updatedAt: Date.now() });
    return updated === 1;
  });
}

/** Every tag in the library with how many documents carry it, in alphabetical order. */
export async function listAllTags(db: LecternDb): Promise<{ tag: string; count: number }[]> {
  const counts = new Map<string, number>();
  // Walks the index keys only: no document rows are read.
  await db.documents.orderBy('tags').eachKey((key) => {
    const tag = key as string;
    counts.set(tag, (counts.get(tag) ?? 0) + 1);
  });
  return [...counts].map(([tag, count]) => ({ tag, count })).sort((a, b) => collator.compare(a.tag, b.tag) || (a.tag < b.tag ? -1 : 1));
}

/** The documents carrying `tag` (exact spelling, as listAllTags gives it). */
export function documentsWithTag(db: LecternDb, tag: string): Promise<DocumentSummary[]> {
  return db.documents.where('tags').equals(tag).toArray();
}
