/**
 * Editing bibliographic details. Edits replace what exports use (the document's `metadata`, a
 * reference's `csl`), while the parser's first reading is kept beside them, so the student can
 * always see what the file said and go back to it.
 */
import type { CslItem } from '../documents/model';
import type { LecternDb } from './db';
import { authorsLabel, issuedYear } from './document-summary';

/** Saves a document's edited item and refreshes the library columns derived from it. */
export function updateDocumentMetadata(db: LecternDb, docId: string, item: CslItem, now = Date.now()): Promise<boolean> {
  return db.transaction('rw', db.documents, async () => {
    const row = await db.documents.get(docId);
    if (!row) return false;
    const metadata: CslItem = { ...item, id: row.metadata.id };
    const title = metadata.title?.trim();
    const next = {
      ...row,
      metadata,
      parsedMetadata: row.parsedMetadata ?? row.metadata,
      title: title || row.title,
      provenance: { ...row.provenance, titleIsFallback: title ? false : row.provenance.titleIsFallback },
      updatedAt: now,
    };
    const authors = authorsLabel(metadata);
    const year = issuedYear(metadata);
    // Absent rather than undefined, so cleared values leave their indexes.
    if (authors) next.authorsLabel = authors;
    else delete next.authorsLabel;
    if (year !== undefined) next.year = year;
    else delete next.year;
    await db.documents.put(next);
    return true;
  });
}

/** Saves a reference entry's edited item; the citekey stays, so citations keep pointing at it. */
export function updateReferenceItem(db: LecternDb, referenceId: string, csl: CslItem): Promise<boolean> {
  return db.transaction('rw', db.references, async () => {
    const row = await db.references.get(referenceId);
    if (!row) return false;
    await db.references.put({ ...row, csl: { ...csl, id: row.csl.id }, parsedCsl: row.parsedCsl ?? row.csl });
    return true;
  });
}
