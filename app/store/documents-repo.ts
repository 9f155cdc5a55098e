/**
 * The documents repository: the one way the UI and the import worker read and write documents
 * and what hangs off them (content, original bytes, references, citations).
 */
import type { Block, ParsedDocument } from '../documents/model';
import type { LecternDb } from './db';
import { toSummary } from './document-summary';
import type { DocumentSummary, StoredCitation, StoredReference } from './records';

export type { DocumentSummary } from './records';
export { describeStorageError, asStorageResult } from './storage-errors';

/** A reference-list entry to store with its document; the store fills in `docId`. */
export type ReferenceInput = Omit<StoredReference, 'docId'>;

/** An in-text citation to store with its document; the store fills in `docId`. */
export type CitationInput = Omit<StoredCitation, 'docId'>;

/** What an import stores besides the parsed document. */
export interface SaveImportOptions {
  /** The original file, kept for page views (PDF, EPUB, DOCX). */
  original?: Blob | Uint8Array;
  /** The document's reference list, in order. */
  references?: ReferenceInput[];
  /** The document's in-text citations. */
  citations?: CitationInput[];
}

/** Outcome of an import: `created` is false when the same bytes were already in the library. */
export interface SaveImportResult {
  id: string;
  created: boolean;
}

/**
 * Stores a parsed document and everything found in it in one transaction, so a failure leaves
 * no half-imported document. Re-importing the same bytes changes nothing. Rejects on storage
 * failure; boundaries turn that into a message with describeStorageError.
 */
export function saveImportedDocument(db: LecternDb, doc: ParsedDocument, options: SaveImportOptions = {}): Promise<SaveImportResult> {
  // A PDF's page map is written with it (schema 5 on); other formats have none.
  const tables = [db.documents, db.contents, db.originals, db.references, db.citations, ...(doc.pageItems ? [db.pageMaps] : [])];
  return db.transaction('rw', tables, async () => {
    // Checked inside the transaction: two windows importing the same file cannot both create it.
    if (await db.documents.get(doc.id)) return { id: doc.id, created: false };
    // add, not put: an id already taken (say, a reference id shared with another document)
    // must abort the import rather than overwrite someone else's row.
    await db.documents.add(toSummary(doc, Date.now()));
    await db.contents.add({ docId: doc.id, text: doc.text, blocks: doc.blocks });
    if (options.original) await db.originals.add({ docId: doc.id, data: options.original });
    if (doc.pageItems) await db.pageMaps.put({ docId: doc.id, pages: doc.pageItems, labels: doc.pageLabels ?? null });
    const references = (options.references ?? []).map((r) => ({ ...r, docId: doc.id }));
    if (references.length) await db.references.bulkAdd(references);
    const citations = (options.citations ?? []).map((c) => ({ ...c, docId: doc.id }));
    if (citations.length) await db.citations.bulkAdd(citations);
    return { id: doc.id, created: true };
  });
}

/** The whole library, summary rows only (no texts), newest first. */
export async function listDocuments(db: LecternDb): Promise<DocumentSummary[]> {
  return db.documents.orderBy('addedAt').reverse().toArray();
}

/** One document's summary row. */
export function getDocument(db: LecternDb, id: string): Promise<DocumentSummary | undefined> {
  return db.documents.get(id);
}

/** How many documents the library holds. */
export function countDocuments(db: LecternDb): Promise<number> {
  return db.documents.count();
}

/** The text and blocks of a document, loaded only when it is opened. */
export async function getDocumentContent(db: LecternDb, id: string): Promise<{ text: string; blocks: Block[] } | undefined> {
  const content = await db.contents.get(id);
  return content ? { text: content.text, blocks: content.blocks } : undefined;
}

/** The original bytes of a document, when they were kept. */
export async function getDocumentOriginal(db: LecternDb, id: string): Promise<Blob | Uint8Array | undefined> {
  return (await db.originals.get(id))?.data;
}

/** A document's reference list, in printed order. */
export function listReferences(db: LecternDb, docId: string): Promise<StoredReference[]> {
  return db.references.where('docId').equals(docId).sortBy('index');
}

/** A document's in-text citations, in reading order. */
export function listCitations(db: LecternDb, docId: string): Promise<StoredCitation[]> {
  return db.citations.where('docId').equals(docId).sortBy('start');
}

/**
 * Removes a document and every row that belongs to it, highlights included, in one transaction.
 * Resolves false when there was no such document.
 */
export function deleteDocument(db: LecternDb, id: string): Promise<boolean> {
  const tables = [db.documents, db.contents, db.originals, db.references, db.citations, db.annotations, db.collectionItems];
  return db.transaction('rw', tables, async () => {
    const existed = (await db.documents.get(id)) !== undefined;
    await db.collectionItems.where('docId').equals(id).delete();
    await db.documents.delete(id);
    await db.contents.delete(id);
    await db.originals.delete(id);
    await db.references.where('docId').equals(id).delete();
    await db.citations.where('docId').equals(id).delete();
    await db.annotations.where('docId').equals(id).delete();
    return existed;
  });
}
