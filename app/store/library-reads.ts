/**
 * Library-wide reads: every reference, citation and text at once, for the indexes that look
 * across documents (Cited Works, People). Per-document reads live in documents-repo.ts.
 */
import type { CslItem } from '../documents/model';
import type { LecternDb } from './db';
import type { StoredCitation, StoredReference, StoredWork } from './records';

/** Every reference-list entry of every document, by document then printed order. */
export async function listAllReferences(db: LecternDb): Promise<StoredReference[]> {
  const all = await db.references.toArray();
  return all.sort((a, b) => (a.docId < b.docId ? -1 : a.docId > b.docId ? 1 : a.index - b.index));
}

/** Every in-text citation and mention of every document, by document then text order. */
export async function listAllCitations(db: LecternDb): Promise<StoredCitation[]> {
  const all = await db.citations.toArray();
  return all.sort((a, b) => (a.docId < b.docId ? -1 : a.docId > b.docId ? 1 : a.start - b.start));
}

/** Every document's canonical text, without its blocks. */
export async function listAllContents(db: LecternDb): Promise<{ docId: string; text: string }[]> {
  const all = await db.contents.toArray();
  return all.map(({ docId, text }) => ({ docId, text }));
}

/** One document as the library indexes need it: its description and its text. */
export interface IndexedDocument {
  id: string;
  title: string;
  metadata: CslItem;
  /** The canonical text; "" when the content row is missing. */
  text: string;
}

/** Everything the library indexes are built from, read in one transaction so the parts agree. */
export interface LibrarySources {
  /** In the library's order (newest first). */
  documents: IndexedDocument[];
  references: StoredReference[];
  citations: StoredCitation[];
  /** Works imported from bibliography files, oldest import first (absent: none). */
  works?: StoredWork[];
}

/** Reads the sources of the library indexes; rows of documents no longer in the library are left out. */
export function readLibrarySources(db: LecternDb): Promise<LibrarySources> {
  return db.transaction('r', [db.documents, db.contents, db.references, db.citations, db.works], async () => {
    const works = await db.works.orderBy('addedAt').toArray();
    const summaries = await db.documents.orderBy('addedAt').reverse().toArray();
    const texts = new Map((await listAllContents(db)).map((c) => [c.docId, c.text]));
    const ids = new Set(summaries.map((d) => d.id));
    return {
      documents: summaries.map((d) => ({ id: d.id, title: d.title, metadata: d.metadata, text: texts.get(d.id) ?? '' })),
      references: (await listAllReferences(db)).filter((r) => ids.has(r.docId)),
      citations: (await listAllCitations(db)).filter((c) => ids.has(c.docId)),
      ...(works.length > 0 ? { works } : {}),
    };
  });
}
