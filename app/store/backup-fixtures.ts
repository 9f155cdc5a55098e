/** Test and benchmark helpers for backups: a library with every kind of row, and a full dump of it. Imported by tests and benches only. */
import type { LecternDb } from './db';
import { saveImportedDocument } from './documents-repo';
import { putAnnotations } from './annotations-repo';
import { putNotebook } from './notebooks-repo';
import { addToCollection, createCollection } from './collections-repo';
import { setTags } from './tags-repo';
import { moveDocumentToTrash } from './trash-repo';
import { citekeysFor } from './citekeys-repo';
import { sampleDocument } from './test-support';
import type { StoredAnnotation } from './records';

/** The first bytes of a PDF, standing in for an original that is a Blob. */
export const PDF_BYTES = [37, 80, 68, 70, 45, 49, 46, 55, 10, 0, 255, 128];

/** One highlight on `docId`, every fourth with a note. */
export function annotation(i: number, docId: string, updatedAt = i): StoredAnnotation {
  return {
    id: `a-${i}`,
    docId,
    selectors: [
      { type: 'TextQuoteSelector', exact: `quote ${i}`, prefix: 'p', suffix: 's' },
      { type: 'TextPositionSelector', start: i, end: i + 7 },
      ...(i % 5 === 0 ? [{ type: 'PageSelector' as const, page: 1 + (i % 3), rects: [{ x: 1.5, y: 2, width: 30, height: 12 }] }] : []),
    ],
    color: ['yellow', 'green', 'blue'][i % 3]!,
    noteJson: i % 4 === 0 ? { root: { children: [{ type: 'paragraph', children: [{ type: 'text', text: `note ${i} — ёлка` }] }] } } : null,
    noteText: i % 4 === 0 ? `note ${i} — ёлка` : '',
    createdAt: i,
    updatedAt,
  };
}

/**
 * A library with every kind of row: documents (one original a Blob, one a Uint8Array), references
 * and citations, highlights with notes, notebooks, tags, a collection, and a trashed document that
 * keeps its original. Resolves the document ids.
 */
export async function fillLibrary(db: LecternDb, highlights: number): Promise<string[]> {
  const docs = ['a', 'b', 'c', 'd'].map((seed) => sampleDocument(seed));
  await saveImportedDocument(db, docs[0]!, { original: new Blob([new Uint8Array(PDF_BYTES)], { type: 'application/pdf' }) });
  await saveImportedDocument(db, docs[1]!, {
    original: new Uint8Array([1, 2, 3]),
    references: [{ id: 'b-ref', index: 0, raw: 'Smith 2001.', start: 50, end: 61, csl: { id: 'smith', type: 'book', title: 'Earlier', issued: { 'date-parts': [[2001]] } } }],
    citations: [{ id: 'b-cit', start: 50, end: 53, kind: 'numeric', referenceIds: ['b-ref'], locator: 'p. 4' }],
  });
  await saveImportedDocument(db, docs[2]!);
  await saveImportedDocument(db, docs[3]!, { original: new Blob([new Uint8Array([9, 8, 7, 6])], { type: 'application/epub+zip' }) });
  const ids = docs.map((d) => d.id);
  // The PDF's page map (schema 5 on): one page, one item of 12 characters, its first 5 on offsets 0-4.
  if (db.tables.some((table) => table.name === 'pageMaps')) await db.pageMaps.put({ docId: ids[0]!, pages: [[12, 715, 1, 0, 0, 5]] });
  // Schema 6 on: an imported work, and keys for a source, a cited work and the imported work.
  if (db.tables.some((table) => table.name === 'citekeys')) {
    const csl = { id: 'w1', type: 'book', title: 'Earlier Work', author: [{ family: 'Smith' }], issued: { 'date-parts': [[2001]] } };
    await db.works.put({ id: 'w1', csl, sourceKey: 'smith2001', origin: { fileName: 'refs.bib', format: 'bibtex' }, addedAt: 3, updatedAt: 3 });
    await citekeysFor(db, [
      { owners: [`doc:${ids[0]!}`], csl: docs[0]!.metadata },
      { owners: ['ref:b-ref', 'work:w1'], csl, sourceKey: 'smith2001' },
      { owners: [`doc:${ids[3]!}`], csl: docs[3]!.metadata },
    ], { pin: true });
  }
  await putAnnotations(db, Array.from({ length: highlights }, (_, i) => annotation(i, ids[i % 3]!)));
  await putAnnotations(db, [annotation(highlights, ids[3]!)]);
  await putNotebook(db, { id: 'n1', title: 'Seminar', content: { root: { children: [{ text: 'plan' }] } }, updatedAt: 5 });
  await putNotebook(db, { id: 'n2', title: 'Thesis', content: { root: { children: [] } }, updatedAt: 6 });
  await setTags(db, ids[0]!, ['film', 'thesis']);
  const course = await createCollection(db, 'Course', 7);
  await addToCollection(db, course.id, [ids[0]!, ids[1]!, ids[3]!], 8);
  await moveDocumentToTrash(db, ids[3]!, 9);
  await db.searchIndex.put({ key: 'library', value: { stale: true } });
  return ids;
}

/** Every table but the search index, rows in key order; Blobs as their type and bytes (toEqual cannot tell two Blobs apart). */
export async function dumpAll(db: LecternDb): Promise<Record<string, unknown[]>> {
  const out: Record<string, unknown[]> = {};
  for (const table of db.tables) {
    if (table.name === 'searchIndex') continue;
    out[table.name] = await Promise.all((await table.toArray()).map((row) => withBlobBytes(row)));
  }
  return out;
}

async function withBlobBytes(value: unknown): Promise<unknown> {
  if (value instanceof Blob) return { blob: value.type, bytes: [...new Uint8Array(await value.arrayBuffer())] };
  if (value instanceof Uint8Array) return { uint8array: [...value] };
  if (Array.isArray(value)) return Promise.all(value.map(withBlobBytes));
  if (value && typeof value === 'object') {
    const entries = await Promise.all(Object.entries(value).map(async ([key, inner]) => [key, await withBlobBytes(inner)] as const));
    return Object.fromEntries(entries);
  }
  return value;
}
