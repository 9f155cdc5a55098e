import { withReferenceModel } from '../../../app/citations/default-parser';
import { findDocumentCitations } from '../../../app/citations/document-citations';
import type { ImportContext } from '../../../app/documents/html/sanitize';
import { importFile } from '../../../app/documents/import';
import { fileSizeProblem } from '../../../app/documents/import-limits';
import type { ParsedDocument } from '../../../app/documents/model';
import { citationRows } from '../../../app/store/citation-rows';
import { findPreviousVersion, replaceWithNewVersion } from '../../../app/store/document-versions';
import { describeStorageError, saveImportedDocument, type SaveImportOptions } from '../../../app/store/documents-repo';
import type { LecternDb } from '../../../app/store/db';
import type { FileOutcome } from './protocol';

/** A file parsed and ready to store: the document and what is stored with it. */
export interface ParsedFile {
  name: string;
  doc: ParsedDocument;
  title: string;
  warning?: string;
  options: SaveImportOptions;
  /** Roughly what storing it writes, to bound how much one batch holds in memory. */
  bytes: number;
}

/** What the student reads when a document was imported but its citations could not be found. */
function citationFailure(name: string, error: unknown): string {
  const reason = error instanceof Error && error.message ? `: ${error.message.replace(/\.$/, '')}` : '';
  return `“${name}” was imported, but Lectern could not find its citations and references${reason}. Its Works Cited panel stays empty.`;
}

/** Reads and parses one file and finds its citations; a file that cannot be read is an outcome. Never throws. */
export async function parseOne(name: string, blob: Blob, context: ImportContext): Promise<{ ok: true; file: ParsedFile } | { ok: false; outcome: FileOutcome }> {
  // The selection was checked as a whole before the worker got it; each file is checked here, before it is read.
  const tooLarge = fileSizeProblem(name, blob.size);
  if (tooLarge) return { ok: false, outcome: { name, ok: false, error: tooLarge } };
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await blob.arrayBuffer());
  } catch {
    return { ok: false, outcome: { name, ok: false, error: `“${name}” could not be read. Check that the file still exists and that you may open it.` } };
  }
  const parsed = await importFile(name, bytes, context).catch((error: unknown) => ({
    ok: false as const,
    error: `“${name}” could not be imported: ${error instanceof Error ? error.message : 'unexpected error'}.`,
  }));
  if (!parsed.ok) return { ok: false, outcome: { name, ok: false, error: parsed.error } };
  // Citations and references are found here, in the worker, and stored with the document in
  // the same transaction; a failure to find them must not cost the student the document, but the
  // student is told, so a document without its Works Cited is not taken for one that has none.
  let rows: ReturnType<typeof citationRows>;
  let citationWarning: string | undefined;
  try {
    // The reference parser's model is fetched when the first reference list is parsed.
    const { value } = parsed;
    rows = citationRows(value.id, await withReferenceModel(() => findDocumentCitations(value)));
  } catch (error) {
    rows = { references: [], citations: [] };
    citationWarning = citationFailure(name, error);
  }
  const warning = [parsed.value.warning, citationWarning].filter(Boolean).join(' ');
  // Paged and packaged formats keep their original bytes, so page views can be rebuilt later.
  const keepsOriginal = parsed.value.format === 'pdf' || parsed.value.format === 'epub' || parsed.value.format === 'docx';
  const options: SaveImportOptions = keepsOriginal ? { ...rows, original: blob } : rows;
  return {
    ok: true,
    file: {
      name,
      doc: parsed.value,
      title: parsed.value.metadata.title ?? name,
      ...(warning ? { warning } : {}),
      options,
      bytes: parsed.value.text.length * 2 + (keepsOriginal ? blob.size : 0),
    },
  };
}

/**
 * Stores a parsed file: in place of its earlier version when it is a new version of a document in
 * the library, else as a new document (or not at all when the same bytes are there). Rejects on
 * storage failure. Inside an open transaction it joins it; alone, each write is its own transaction.
 */
async function store(db: LecternDb, file: ParsedFile): Promise<FileOutcome> {
  const { name, doc, title, options } = file;
  const warning = file.warning ? { warning: file.warning } : {};
  const previous = await findPreviousVersion(db, doc);
  if (previous) {
    const replaced = await replaceWithNewVersion(db, previous, doc, options);
    return { name, ok: true, id: replaced.id, title, created: true, replaced: { id: previous, moved: replaced.moved, orphaned: replaced.orphaned }, ...warning };
  }
  const saved = await saveImportedDocument(db, doc, options);
  return { name, ok: true, id: saved.id, title, created: saved.created, ...(saved.created ? warning : {}) };
}

/** Stores one parsed file in its own transaction; a failure is the file's outcome. Never throws. */
export async function storeOne(db: LecternDb, file: ParsedFile): Promise<FileOutcome> {
  try {
    return await store(db, file);
  } catch (error) {
    return { name: file.name, ok: false, error: `“${file.name}” was not saved: ${describeStorageError(error)}` };
  }
}

/**
 * Stores parsed files in order, all in one transaction: one commit (and one wait for the disk)
 * for the lot instead of one per file, and one change for the library view to follow. Each file
 * is looked up and written exactly as storeOne would, and sees the files before it in the batch.
 * When the batch fails (one file's write is refused, the disk is full), nothing of it is kept and
 * the files are stored again one transaction each, so every file gets the outcome it would have
 * had alone. Never throws.
 */
export async function storeBatch(db: LecternDb, files: readonly ParsedFile[]): Promise<FileOutcome[]> {
  if (files.length === 1) return [await storeOne(db, files[0]!)];
  if (files.length === 0) return [];
  const tables = [db.documents, db.contents, db.originals, db.references, db.citations, db.annotations, db.collectionItems, db.pageMaps];
  try {
    return await db.transaction('rw', tables, async () => {
      const outcomes: FileOutcome[] = [];
      for (const file of files) outcomes.push(await store(db, file));
      return outcomes;
    });
  } catch {
    const outcomes: FileOutcome[] = [];
    for (const file of files) outcomes.push(await storeOne(db, file));
    return outcomes;
  }
}

/** Parses one file and stores it in one transaction; never throws. */
export async function importOne(db: LecternDb, name: string, blob: Blob, context: ImportContext): Promise<FileOutcome> {
  const parsed = await parseOne(name, blob, context);
  return parsed.ok ? storeOne(db, parsed.file) : parsed.outcome;
}
