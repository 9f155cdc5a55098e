import { findDocumentCitations } from '../../../app/citations/document-citations';
import type { ImportContext } from '../../../app/documents/html/sanitize';
import { importFile } from '../../../app/documents/import';
import { fileSizeProblem } from '../../../app/documents/import-limits';
import { citationRows } from '../../../app/store/citation-rows';
import { findPreviousVersion, replaceWithNewVersion } from '../../../app/store/document-versions';
import { describeStorageError, saveImportedDocument, type SaveImportOptions } from '../../../app/store/documents-repo';
import type { LecternDb } from '../../../app/store/db';
import type { FileOutcome } from './protocol';

/** Parses one file and stores it in one transaction; never throws. */
export async function importOne(db: LecternDb, name: string, blob: Blob, context: ImportContext): Promise<FileOutcome> {
  // The selection was checked as a whole before the worker got it; each file is checked here, before it is read.
  const tooLarge = fileSizeProblem(name, blob.size);
  if (tooLarge) return { name, ok: false, error: tooLarge };
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await blob.arrayBuffer());
  } catch {
    return { name, ok: false, error: `“${name}” could not be read. Check that the file still exists and that you may open it.` };
  }
  const parsed = await importFile(name, bytes, context).catch((error: unknown) => ({
    ok: false as const,
    error: `“${name}” could not be imported: ${error instanceof Error ? error.message : 'unexpected error'}.`,
  }));
  if (!parsed.ok) return { name, ok: false, error: parsed.error };
  try {
    // Citations and references are found here, in the worker, and stored with the document in
    // the same transaction; a failure to find them must not cost the student the document.
    let rows: ReturnType<typeof citationRows> = { references: [], citations: [] };
    try {
      rows = citationRows(parsed.value.id, findDocumentCitations(parsed.value));
    } catch {
      rows = { references: [], citations: [] };
    }
    const title = parsed.value.metadata.title ?? name;
    const warning = parsed.value.warning ? { warning: parsed.value.warning } : {};
    // Paged and packaged formats keep their original bytes, so page views can be rebuilt later.
    const keepsOriginal = parsed.value.format === 'pdf' || parsed.value.format === 'epub' || parsed.value.format === 'docx';
    const options: SaveImportOptions = keepsOriginal ? { ...rows, original: blob } : rows;
    const previous = await findPreviousVersion(db, parsed.value);
    if (previous) {
      const replaced = await replaceWithNewVersion(db, previous, parsed.value, options);
      return { name, ok: true, id: replaced.id, title, created: true, replaced: { id: previous, moved: replaced.moved, orphaned: replaced.orphaned }, ...warning };
    }
    const saved = await saveImportedDocument(db, parsed.value, options);
    return { name, ok: true, id: saved.id, title, created: saved.created, ...(saved.created ? warning : {}) };
  } catch (error) {
    return { name, ok: false, error: `“${name}” was not saved: ${describeStorageError(error)}` };
  }
}
