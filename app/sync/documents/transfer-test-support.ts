/** Test helpers for the document transfer: real imports into a store, and blobs kept in memory. Imported by tests only. */
import { readFileSync } from 'node:fs';
import { withReferenceModel } from '../../citations/default-parser';
import { findDocumentCitations } from '../../citations/document-citations';
import { importFile } from '../../documents/import';
import { sha256Hex } from '../../documents/hash';
import type { ParsedDocument } from '../../documents/model';
import { citationRows } from '../../store/citation-rows';
import type { LecternDb } from '../../store/db';
import { saveImportedDocument } from '../../store/documents-repo';
import type { BlobClient } from '../blob-client';

/** A file of the shared seeds or of the end-to-end fixtures, as bytes. */
export function readFixture(name: string): Uint8Array {
  const url = name.endsWith('.pdf') ? new URL(`../../../tests/e2e/files/${name}`, import.meta.url) : new URL(`../../../../shared/seeds/${name}`, import.meta.url);
  return new Uint8Array(readFileSync(url));
}

type Parsed = { doc: ParsedDocument; rows: ReturnType<typeof citationRows> };
const parsedFiles = new Map<string, Promise<Parsed>>();

/** Parses a file and finds its citations as the importer does, once per test file (a PDF takes seconds). */
function parseOnce(name: string, bytes: Uint8Array): Promise<Parsed> {
  let parsed = parsedFiles.get(name);
  if (!parsed) {
    parsed = (async () => {
      const result = await importFile(name, bytes);
      if (!result.ok) throw new Error(result.error);
      const doc = result.value;
      return { doc, rows: citationRows(doc.id, await withReferenceModel(() => findDocumentCitations(doc))) };
    })();
    parsedFiles.set(name, parsed);
  }
  return parsed;
}

/** Imports a file as the app does: parsed, its citations found, its original kept for PDF, EPUB and DOCX. */
export async function importInto(db: LecternDb, name: string, bytes: Uint8Array = readFixture(name)): Promise<ParsedDocument> {
  const { doc, rows } = await parseOnce(name, bytes);
  const keeps = doc.format === 'pdf' || doc.format === 'epub' || doc.format === 'docx';
  await saveImportedDocument(db, doc, keeps ? { ...rows, original: new Blob([bytes as Uint8Array<ArrayBuffer>], { type: 'application/pdf' }) } : rows);
  return doc;
}

/** Blobs kept in a map, checked on put as the server checks them; `calls` counts the requests. */
export class MemoryBlobs implements BlobClient {
  readonly store = new Map<string, Uint8Array>();
  readonly calls = { put: 0, get: 0, has: 0 };
  /** Set to make every request fail as a network failure would. */
  unreachable: Error | null = null;

  async put(sha: string, bytes: Uint8Array): Promise<void> {
    this.calls.put++;
    if (this.unreachable) throw this.unreachable;
    if ((await sha256Hex(bytes)) !== sha) throw new Error('The sync server refused a file whose contents do not match its name. Nothing was stored there.');
    this.store.set(sha, bytes.slice());
  }

  get(sha: string): Promise<Uint8Array | null> {
    this.calls.get++;
    if (this.unreachable) return Promise.reject(this.unreachable);
    return Promise.resolve(this.store.get(sha)?.slice() ?? null);
  }

  has(sha: string): Promise<boolean> {
    this.calls.has++;
    if (this.unreachable) return Promise.reject(this.unreachable);
    return Promise.resolve(this.store.has(sha));
  }
}

/** Every row a document has in a store, originals as bytes, for comparing two stores. */
export async function documentRows(db: LecternDb, docId: string) {
  const original = await db.originals.get(docId);
  return {
    summary: await db.documents.get(docId),
    content: await db.contents.get(docId),
    references: await db.references.where('docId').equals(docId).sortBy('index'),
    citations: await db.citations.where('docId').equals(docId).sortBy('start'),
    pageMap: await db.pageMaps.get(docId),
    original: original ? (original.data instanceof Blob ? new Uint8Array(await original.data.arrayBuffer()) : original.data) : undefined,
  };
}

/** How many rows each table a document is written to holds. */
export async function tableCounts(db: LecternDb): Promise<Record<string, number>> {
  const tables = [db.documents, db.contents, db.references, db.citations, db.pageMaps, db.originals, db.citekeys];
  const counts: Record<string, number> = {};
  for (const table of tables) counts[table.name] = await table.count();
  return counts;
}
