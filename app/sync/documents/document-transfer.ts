/**
 * Moves documents between a student's machines through the sync server's blobs: publish uploads
 * a document's package (document-package.ts) and its original file; fetch downloads the package on
 * another machine, checks it and writes every row in one transaction, as an import does, so a
 * document is either all there or not there at all; the original follows on demand (fetchOriginal),
 * when its pages are first shown. Nothing downloaded is trusted: a blob that is
 * not what its name says, or rows that are not the document's, are refused with a sentence and
 * nothing is written.
 */
import { citekeyIdentity } from '../../citations/citekeys';
import type { DocumentFormat } from '../../documents/model';
import { sha256Hex } from '../../documents/hash';
import type { LecternDb } from '../../store/db';
import type { StoredCitekey } from '../../store/records';
import { BLOB_SHA, isUnreachable, type BlobClient } from '../blob-client';
import type { DocumentBlobs, DocumentTransfer } from '../contract';
import { pack, unpack, type DocumentPackageRows } from './document-package';

/** The largest original file sent by default. */
export const DEFAULT_MAX_ORIGINAL_BYTES = 200 * 1024 * 1024;

export interface DocumentTransferOptions {
  db: LecternDb;
  blobs: BlobClient;
  /** The largest original file sent or accepted; defaults to DEFAULT_MAX_ORIGINAL_BYTES. */
  maxBytes?: number;
  /**
   * A fetched document was written: tell the search index, as an import does (the Cited Works
   * index follows the documents table by itself).
   */
  onAdded?: (docId: string) => void;
}

/** What publish gives: the blobs, and why the original stayed behind when it did. */
export interface PublishedBlobs extends DocumentBlobs {
  /** Set when the document keeps an original that was not sent (too large, or not the file the id names). */
  notice?: string;
}

/** The transfer, its publish telling why an original stayed behind. */
export interface LibraryDocumentTransfer extends DocumentTransfer {
  publish(docId: string): Promise<PublishedBlobs | null>;
}

const MIME: Partial<Record<DocumentFormat, string>> = {
  pdf: 'application/pdf',
  epub: 'application/epub+zip',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
};

function megabytes(bytes: number): string {
  return `${Math.round(bytes / (1024 * 1024)).toLocaleString('en')} MB`;
}

function titleOf(rows: { summary: { title: string } }): string {
  return rows.summary.title.length > 80 ? `${rows.summary.title.slice(0, 79)}…` : rows.summary.title;
}

/** Creates the document transfer of one library. */
export function createDocumentTransfer(options: DocumentTransferOptions): LibraryDocumentTransfer {
  const { db, blobs } = options;
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_ORIGINAL_BYTES;

  async function putUnlessThere(sha: string, bytes: Uint8Array): Promise<void> {
    if (!(await blobs.has(sha))) await blobs.put(sha, bytes);
  }

  /** The original to send, or why none is sent. */
  async function originalToSend(docId: string, title: string): Promise<{ bytes: Uint8Array } | { notice: string } | null> {
    const row = await db.originals.get(docId);
    if (!row) return null;
    const size = row.data instanceof Blob ? row.data.size : row.data.byteLength;
    if (size > maxBytes)
      return { notice: `The file of “${title}” (${megabytes(size)}) is larger than the ${megabytes(maxBytes)} Lectern syncs: other machines get its text, references and highlights, but not its pages.` };
    const bytes = row.data instanceof Blob ? new Uint8Array(await row.data.arrayBuffer()) : row.data;
    if ((await sha256Hex(bytes)) !== docId)
      return { notice: `The kept file of “${title}” is not the one it was imported from, so it was not synced: other machines get its text, references and highlights, but not its pages.` };
    return { bytes };
  }

  async function publish(docId: string): Promise<PublishedBlobs | null> {
    const packed = await pack(db, docId);
    if (!packed) return null;
    const summary = await db.documents.get(docId);
    const original = await originalToSend(docId, summary ? titleOf({ summary }) : docId);
    await putUnlessThere(packed.sha, packed.bytes);
    if (original && 'bytes' in original) {
      await putUnlessThere(docId, original.bytes);
      return { packageSha: packed.sha, originalSha: docId };
    }
    return { packageSha: packed.sha, originalSha: null, ...(original ? { notice: original.notice } : {}) };
  }

  /** A blob's bytes; null when the server lacks it or cannot be reached (try later). */
  async function download(sha: string): Promise<Uint8Array | null> {
    try {
      return await blobs.get(sha);
    } catch (error) {
      if (isUnreachable(error)) return null;
      throw error;
    }
  }

  async function fetchDocument(docId: string, wanted: DocumentBlobs): Promise<boolean> {
    if (await db.documents.get(docId)) return true;
    if (!BLOB_SHA.test(docId) || !BLOB_SHA.test(wanted.packageSha) || (wanted.originalSha !== null && wanted.originalSha !== docId))
      throw new Error('The synced library names a document’s files wrongly, so Lectern did not fetch it. Nothing was written.');
    const packageBytes = await download(wanted.packageSha);
    if (!packageBytes) return false;
    if ((await sha256Hex(packageBytes)) !== wanted.packageSha)
      throw new Error('The sync server sent a file that is not the one asked for (its SHA-256 differs). Nothing was written.');
    const rows = unpack(packageBytes, { docId });
    if (wanted.originalSha !== null && !MIME[rows.summary.format])
      throw new Error(`The synced copy of “${titleOf(rows)}” brings a file its format does not keep. Nothing was written.`);
    const written = await write(rows);
    if (written) options.onAdded?.(docId);
    return true;
  }

  /**
   * The original file of a fetched document, on demand (its page view opened): downloaded, checked
   * against the document id and written. False when there is none to fetch or the server cannot
   * give it now (offline, not uploaded yet); a file that is not the one named is refused.
   */
  async function fetchOriginal(docId: string): Promise<boolean> {
    if (await db.originals.get(docId)) return true;
    // The original's blob is named by its SHA-256, which is the document id: no record is needed
    // to find it, so a document restored from a backup without its file can fetch it too.
    const summary = await db.documents.get(docId);
    if (!summary || !MIME[summary.format] || !BLOB_SHA.test(docId)) return false;
    const bytes = await download(docId);
    if (!bytes) return false;
    if (bytes.byteLength > maxBytes) throw new Error(`The file of “${titleOf({ summary })}” is larger than the ${megabytes(maxBytes)} Lectern accepts. Nothing was written.`);
    if ((await sha256Hex(bytes)) !== docId || bytes.byteLength !== summary.byteLength)
      throw new Error(`The synced file of “${titleOf({ summary })}” is not the one it was imported from (its SHA-256 differs). Nothing was written.`);
    return db.transaction('rw', db.documents, db.originals, async () => {
      // Gone meanwhile (trashed, deleted): no file without its document.
      if (!(await db.documents.get(docId))) return false;
      if (!(await db.originals.get(docId))) {
        await db.originals.add({ docId, data: new Blob([bytes as Uint8Array<ArrayBuffer>], { type: MIME[summary.format] ?? 'application/octet-stream' }) });
      }
      return true;
    });
  }

  /** Writes the rows in one transaction; false when the document arrived meanwhile (nothing written). */
  function write(rows: DocumentPackageRows): Promise<boolean> {
    const { summary } = rows;
    const tables = [db.documents, db.contents, db.references, db.citations, db.pageMaps, db.citekeys];
    return db.transaction('rw', tables, async () => {
      if (await db.documents.get(summary.id)) return false;
      // Reference and citation ids are unique across the library: one already taken means the
      // package is not what it claims, and nothing of it may overwrite another document's rows.
      const takenReference = (await db.references.bulkGet(rows.references.map((r) => r.id))).some((row) => row !== undefined);
      const takenCitation = (await db.citations.bulkGet(rows.citations.map((c) => c.id))).some((row) => row !== undefined);
      if (takenReference || takenCitation)
        throw new Error(`The synced copy of “${titleOf(rows)}” holds references that another document of this library already has. Nothing was written.`);
      await db.documents.add(summary);
      await db.contents.add(rows.content);
      if (rows.references.length) await db.references.bulkAdd(rows.references);
      if (rows.citations.length) await db.citations.bulkAdd(rows.citations);
      if (rows.pageMap) await db.pageMaps.put(rows.pageMap);
      // The original comes when its pages are first shown (fetchOriginal): the text, references and
      // highlights are what a machine needs at once, and a library's PDFs can be large.
      const citekeys = await citekeysToKeep(rows.citekeys);
      if (citekeys.length) await db.citekeys.bulkAdd(citekeys);
      return true;
    });
  }

  /**
   * The package's citation keys this library can take: an owner that has a key here keeps it,
   * and a key another work of this library holds stays that work's (two works never share a key);
   * a work left without its key gets one the next time it needs one, as citekeysFor gives it.
   */
  async function citekeysToKeep(incoming: readonly StoredCitekey[]): Promise<StoredCitekey[]> {
    if (incoming.length === 0) return [];
    const existing = await db.citekeys.toArray();
    const owned = new Set(existing.map((row) => row.owner));
    const taken = new Set(existing.map((row) => citekeyIdentity(row.key)));
    return incoming.filter((row) => !owned.has(row.owner) && !taken.has(citekeyIdentity(row.key)));
  }

  return { publish, fetch: fetchDocument, fetchOriginal };
}
