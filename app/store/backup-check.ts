/**
 * Checks a backup's rows before anything is written: the number of rows against what the file
 * declares, every row against its table's record schema, one row per key, and the references
 * between tables (a highlight's document, a citation's references, a trashed document's parts).
 * The first problem found is the refusal, phrased for the student.
 */
import type { z } from 'zod';
import { BACKUP_TABLES, recordSchemas, type BackupTable } from './record-schemas';
import { BackupRefusal, TABLE_WORDS, countOf, damaged, type FileRef } from './backup-format';
import type { RawBackup } from './backup-archive';
import type {
  DocumentContent,
  DocumentOriginal,
  DocumentSummary,
  StoredAnnotation,
  StoredCitation,
  StoredCitekey,
  StoredCollection,
  StoredCollectionItem,
  StoredNotebook,
  StoredPageMap,
  StoredReference,
  StoredTrashEntry,
  StoredWork,
} from './records';

/** Checked rows per table; originals hold `Binary` (a FileRef in an archive, bytes in a legacy file). */
export interface CheckedRows<Binary> {
  documents: DocumentSummary[];
  contents: DocumentContent[];
  originals: (Omit<DocumentOriginal, 'data'> & { data: Binary })[];
  references: StoredReference[];
  citations: StoredCitation[];
  annotations: StoredAnnotation[];
  notebooks: StoredNotebook[];
  collections: StoredCollection[];
  collectionItems: StoredCollectionItem[];
  trash: (Omit<StoredTrashEntry, 'payload'> & {
    payload: Omit<StoredTrashEntry['payload'], 'original'> & { original?: Omit<DocumentOriginal, 'data'> & { data: Binary } };
  })[];
  pageMaps: StoredPageMap[];
  works: StoredWork[];
  citekeys: StoredCitekey[];
}

/** Rows written under an older schema, brought up to date as the schema's upgrades would. */
function upgradeRows(backup: RawBackup): void {
  if (backup.schemaVersion >= 2) return;
  const withTags = (row: unknown) => {
    const doc = row as Partial<DocumentSummary> | null;
    if (doc && typeof doc === 'object' && doc.tags === undefined) doc.tags = [];
  };
  backup.rows.documents.forEach(withTags);
  for (const entry of backup.rows.trash) withTags((entry as Partial<StoredTrashEntry> | null)?.payload?.summary);
}

/** The first issue zod found, as a phrase: where, and what was wrong. */
function describeIssue(table: BackupTable, index: number, error: z.ZodError): string {
  const issue = error.issues[0];
  const field = issue?.path.length ? `, field “${issue.path.join('.')}”` : '';
  const what = issue?.message ? issue.message.charAt(0).toLowerCase() + issue.message.slice(1) : 'not what Lectern writes';
  return `${TABLE_WORDS[table].one} ${(index + 1).toLocaleString('en')} of ${TABLE_WORDS[table].many}${field}: ${what}`;
}

const KEYS: Record<BackupTable, (row: never) => string> = {
  documents: (row: DocumentSummary) => row.id,
  contents: (row: DocumentContent) => row.docId,
  originals: (row: DocumentOriginal) => row.docId,
  references: (row: StoredReference) => row.id,
  citations: (row: StoredCitation) => row.id,
  annotations: (row: StoredAnnotation) => row.id,
  notebooks: (row: StoredNotebook) => row.id,
  collections: (row: StoredCollection) => row.id,
  collectionItems: (row: StoredCollectionItem) => `${row.collectionId}\u0000${row.docId}`,
  trash: (row: StoredTrashEntry) => row.id,
  pageMaps: (row: StoredPageMap) => row.docId,
  works: (row: StoredWork) => row.id,
  citekeys: (row: StoredCitekey) => row.owner,
};

/** A short form of an id for messages (document ids are 64 hex digits). */
function shortId(id: string): string {
  return id.length > 24 ? `${id.slice(0, 12)}…` : id;
}

/**
 * Checks every row; resolves them typed, or throws a BackupRefusal naming the first problem.
 * `binary` is the schema of an original's data as this file holds it.
 */
export function checkBackup<Binary>(backup: RawBackup, binary: z.ZodType<Binary>): CheckedRows<Binary> {
  upgradeRows(backup);
  for (const table of BACKUP_TABLES) {
    const declared = backup.declared[table];
    const actual = backup.rows[table].length;
    if (declared !== actual) {
      throw new BackupRefusal(
        `This backup is incomplete or altered: it declares ${countOf(table, declared)} but holds ${countOf(table, actual)}. Nothing was changed.`,
      );
    }
  }
  const schemas = recordSchemas(binary);
  for (const table of BACKUP_TABLES) {
    const schema: z.ZodType = schemas[table];
    const keys = new Set<string>();
    backup.rows[table].forEach((row, index) => {
      const result = schema.safeParse(row);
      if (!result.success) throw damaged(describeIssue(table, index, result.error));
      const key = KEYS[table](row as never);
      if (keys.has(key)) throw damaged(`it holds two ${TABLE_WORDS[table].many} with the same key (“${shortId(key)}”)`);
      keys.add(key);
    });
  }
  const rows = backup.rows as unknown as CheckedRows<Binary>;
  checkReferences(rows);
  return rows;
}

function checkReferences<Binary>(rows: CheckedRows<Binary>): void {
  const documents = new Set(rows.documents.map((d) => d.id));
  const missingDocument = (what: string, docId: string) =>
    damaged(`${what} belongs to a document that is not in the backup (“${shortId(docId)}”)`);
  for (const row of rows.contents) if (!documents.has(row.docId)) throw missingDocument('a document text', row.docId);
  for (const row of rows.originals) if (!documents.has(row.docId)) throw missingDocument('an original file', row.docId);
  for (const row of rows.pageMaps) if (!documents.has(row.docId)) throw missingDocument('a page map', row.docId);
  for (const row of rows.references) if (!documents.has(row.docId)) throw missingDocument(`reference “${shortId(row.id)}”`, row.docId);
  for (const row of rows.annotations) if (!documents.has(row.docId)) throw missingDocument(`highlight “${shortId(row.id)}”`, row.docId);
  for (const row of rows.citations) if (!documents.has(row.docId)) throw missingDocument(`citation “${shortId(row.id)}”`, row.docId);
  checkCitations(rows.citations, rows.references);
  checkCitekeys(rows);

  const collections = new Set(rows.collections.map((c) => c.id));
  for (const item of rows.collectionItems) {
    if (!collections.has(item.collectionId)) throw damaged(`a collection membership points to a collection that is not in the backup (“${shortId(item.collectionId)}”)`);
    if (!documents.has(item.docId)) throw missingDocument('a collection membership', item.docId);
  }

  for (const entry of rows.trash) {
    const { summary, content, original, references, citations, annotations, collectionItems } = entry.payload;
    const parts = [content, original, ...references, ...citations, ...annotations, ...collectionItems].filter((part) => part !== undefined);
    if (parts.some((part) => part.docId !== summary.id)) throw damaged(`trashed document “${summary.title}” holds parts of another document`);
    checkCitations(citations, references);
  }
}

/**
 * A key row whose owner is in the backup (a document or reference, in the library or in the
 * trash, or an imported work) is kept. One whose owner is not is dropped, not refused: the
 * library keeps a deleted work's key (a key once exported is not handed to another work), so a
 * library can hold such rows. Two works may not share a key: that is refused, since a restore
 * would keep it.
 */
function checkCitekeys<Binary>(rows: CheckedRows<Binary>): void {
  const owners = new Set<string>();
  for (const doc of rows.documents) owners.add(`doc:${doc.id}`);
  for (const ref of rows.references) owners.add(`ref:${ref.id}`);
  for (const work of rows.works) owners.add(`work:${work.id}`);
  for (const entry of rows.trash) {
    owners.add(`doc:${entry.payload.summary.id}`);
    for (const ref of entry.payload.references) owners.add(`ref:${ref.id}`);
  }
  rows.citekeys = rows.citekeys.filter((row) => owners.has(row.owner));
}

/** Every citation's references must be in the backup: the reader and exports follow them. */
function checkCitations(citations: readonly StoredCitation[], references: readonly StoredReference[]): void {
  const ids = new Set(references.map((r) => r.id));
  for (const citation of citations) {
    const missing = citation.referenceIds.find((id) => !ids.has(id));
    if (missing !== undefined) throw damaged(`citation “${shortId(citation.id)}” points to a reference that is not in the backup (“${shortId(missing)}”)`);
  }
}

/** For archives: the schema of an original's data is a reference to its file. */
export type ArchiveRows = CheckedRows<FileRef>;
