/**
 * What the export dialog produces: gathers the chosen items from the store and turns them into
 * the chosen format. Pure app/ code does the formatting; this module only reads and assembles.
 */
import { buildCitedWorks, type CitedWork } from '../../../app/citations/cited-works';
import type { CslItem, Result } from '../../../app/documents/model';
import { annotationsToMarkdown, lecternLink, type ExportedAnnotation } from '../../../app/export/annotations-markdown';
import { annotationsToWebAnnotations } from '../../../app/export/web-annotation';
import { listAnnotationsByDoc } from '../../../app/store/annotations-repo';
import { getDocument, listReferences, type DocumentSummary } from '../../../app/store/documents-repo';
import { citekeyOwner, citekeysFor, type CitekeyRequest } from '../../../app/store/citekeys-repo';
import type { LecternDb } from '../../../app/store/db';
import { getLocatedText, highlightLocator } from '../../../app/store/passage-locators';
import { storeEntryCache } from '../../../app/store/rendered-entries-repo';
import { readSyncSources, syncEntries } from '../../../app/writing/sync-entries';
import { loadExport } from '../citations/styles';

import type { ExportScope } from './export-formats';

async function exportedAnnotations(db: LecternDb, docId: string): Promise<ExportedAnnotation[]> {
  const [annotations, located] = await Promise.all([listAnnotationsByDoc(db, docId), getLocatedText(db, docId)]);
  // A PDF's highlights are cited by printed page, whether made on the page view or in the text.
  return annotations.map((annotation) => ({ ...annotation, locator: located ? highlightLocator(located, annotation.selectors) : null }));
}

/** Formats that write the keys into a file (a style's bibliography shows none). */
const KEYED_FORMATS = new Set(['bibtex', 'biblatex', 'ris', 'csl-json']);

/** The works an export writes, with what their stored citation keys are found or made from. */
interface ExportedWorks {
  items: CslItem[];
  keys: CitekeyRequest[];
}

async function bibliographicItems(db: LecternDb, scope: ExportScope, docIds: readonly string[], documents: readonly DocumentSummary[]): Promise<ExportedWorks> {
  const chosen = documents.filter((doc) => docIds.includes(doc.id));
  // Keys are asked for with the owners the synced file and copied citations use, so a work has
  // one key wherever it leaves Lectern (a source that is also a cited work takes both's owners).
  const sources = await readSyncSources(db);
  const entryOf = new Map(syncEntries(sources).flatMap((entry) => entry.owners.map((owner) => [owner, entry] as const)));
  const keyOf = (owner: string, csl: CslItem): CitekeyRequest => entryOf.get(owner) ?? { owners: [owner], csl };
  if (scope === 'documents') return { items: chosen.map((doc) => doc.metadata), keys: chosen.map((doc) => keyOf(citekeyOwner.doc(doc.id), doc.metadata)) };
  if (scope === 'works-cited') {
    // Each reference of the chosen documents as it was parsed, in list order; a work two chosen
    // documents cite is written once, under its one key.
    const lists = await Promise.all(chosen.map((doc) => listReferences(db, doc.id)));
    const seen = new Set<CitekeyRequest>();
    const out: ExportedWorks = { items: [], keys: [] };
    for (const reference of lists.flat()) {
      const request = keyOf(citekeyOwner.ref(reference.id), reference.csl);
      if (seen.has(request)) continue;
      seen.add(request);
      out.items.push(reference.csl);
      out.keys.push(request);
    }
    return out;
  }
  // The Cited Works index: every work cited anywhere in the library, the same work merged once,
  // with the works imported from the student's bibliography files.
  const cited = buildCitedWorks({ documents: documents.map((doc) => ({ id: doc.id, title: doc.title, metadata: doc.metadata })), references: sources.references, citations: sources.citations, works: sources.works });
  const owner = (work: CitedWork): string =>
    work.libraryDocId ? citekeyOwner.doc(work.libraryDocId) : work.variants[0] ? citekeyOwner.ref(work.variants[0].referenceId) : citekeyOwner.work(work.workIds?.[0] ?? work.key);
  // Two cited works that are one library document share its entry: written once, under its key.
  const seen = new Set<CitekeyRequest>();
  const out: ExportedWorks = { items: [], keys: [] };
  for (const work of cited) {
    const request = keyOf(owner(work), work.csl);
    if (seen.has(request)) continue;
    seen.add(request);
    out.items.push(work.csl);
    out.keys.push(request);
  }
  return out;
}

/** Builds the export text; an error message when there is nothing to export or a style fails. */
export async function buildExport(
  db: LecternDb,
  scope: ExportScope,
  format: string,
  docIds: readonly string[],
  documents: readonly DocumentSummary[],
  style: string,
): Promise<Result<string>> {
  if (docIds.length === 0 && scope !== 'cited-works') return { ok: false, error: 'Choose at least one document.' };
  if (scope === 'highlights') {
    const parts: string[] = [];
    const collections: unknown[] = [];
    for (const docId of docIds) {
      const document = await getDocument(db, docId);
      if (!document) continue;
      const annotations = await exportedAnnotations(db, docId);
      if (annotations.length === 0) continue;
      if (format === 'web-annotation') collections.push(annotationsToWebAnnotations(document, annotations, { base: 'lectern://app/doc/' }));
      else {
        await loadExport();
        // Notes are written by Lexical's Markdown export, loaded with the first Markdown export.
        const { noteToMarkdown } = await import('../notes/note-markdown');
        // The front matter's key is the document's stored one, and now it has left Lectern.
        const own = syncEntries(await readSyncSources(db)).find((entry) => entry.owners.includes(citekeyOwner.doc(document.id)));
        const [citekey] = await citekeysFor(db, [own ?? { owners: [citekeyOwner.doc(document.id)], csl: document.metadata }], { pin: true });
        parts.push(annotationsToMarkdown({ document: { ...document, ...(citekey ? { citekey } : {}) }, annotations, style, appLink: lecternLink, noteMarkdown: noteToMarkdown }));
      }
    }
    if (parts.length === 0 && collections.length === 0) return { ok: false, error: 'The chosen documents have no highlights yet.' };
    return { ok: true, value: format === 'web-annotation' ? JSON.stringify(collections.length === 1 ? collections[0] : collections, null, 2) : parts.join('\n\n---\n\n') };
  }
  const { items, keys } = await bibliographicItems(db, scope, docIds, documents);
  if (items.length === 0) return { ok: false, error: scope === 'documents' ? 'Choose at least one document.' : 'The chosen documents cite no works Lectern found.' };
  await loadExport();
  // Styled bibliographies reuse the entries kept in the store: only new or changed ones render.
  const { exportItemsCached } = await import('../../../app/export/bibliography-cache');
  // The library's keys, kept once given; a data file takes them out of Lectern, so they are pinned.
  const citekeys = await citekeysFor(db, keys, { pin: KEYED_FORMATS.has(format) });
  return exportItemsCached(items, format, storeEntryCache(db), { citekeys });
}
