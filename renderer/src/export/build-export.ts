/**
 * What the export dialog produces: gathers the chosen items from the store and turns them into
 * the chosen format. Pure app/ code does the formatting; this module only reads and assembles.
 */
import { buildCitedWorks } from '../../../app/citations/cited-works';
import type { CslItem, Result } from '../../../app/documents/model';
import { annotationsToMarkdown, lecternLink, type ExportedAnnotation } from '../../../app/export/annotations-markdown';
import { annotationsToWebAnnotations } from '../../../app/export/web-annotation';
import { listAnnotationsByDoc } from '../../../app/store/annotations-repo';
import { getDocument, listCitations, listReferences, type DocumentSummary } from '../../../app/store/documents-repo';
import type { LecternDb } from '../../../app/store/db';
import { getLocatedText, highlightLocator } from '../../../app/store/passage-locators';
import { storeEntryCache } from '../../../app/store/rendered-entries-repo';
import { listWorks } from '../../../app/store/works-repo';
import { loadExport } from '../citations/styles';

import type { ExportScope } from './export-formats';

async function exportedAnnotations(db: LecternDb, docId: string): Promise<ExportedAnnotation[]> {
  const [annotations, located] = await Promise.all([listAnnotationsByDoc(db, docId), getLocatedText(db, docId)]);
  // A PDF's highlights are cited by printed page, whether made on the page view or in the text.
  return annotations.map((annotation) => ({ ...annotation, locator: located ? highlightLocator(located, annotation.selectors) : null }));
}

async function bibliographicItems(db: LecternDb, scope: ExportScope, docIds: readonly string[], documents: readonly DocumentSummary[]): Promise<CslItem[]> {
  const chosen = documents.filter((doc) => docIds.includes(doc.id));
  if (scope === 'documents') return chosen.map((doc) => doc.metadata);
  if (scope === 'works-cited') {
    const lists = await Promise.all(chosen.map((doc) => listReferences(db, doc.id)));
    return lists.flat().map((reference) => reference.csl);
  }
  // The Cited Works index: every work cited anywhere in the library, the same work merged once,
  // with the works imported from the student's bibliography files.
  const [references, citations, works] = await Promise.all([
    Promise.all(documents.map((doc) => listReferences(db, doc.id))).then((lists) => lists.flat()),
    Promise.all(documents.map((doc) => listCitations(db, doc.id))).then((lists) => lists.flat()),
    listWorks(db),
  ]);
  return buildCitedWorks({ documents: documents.map((doc) => ({ id: doc.id, title: doc.title, metadata: doc.metadata })), references, citations, works }).map((work) => work.csl);
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
        parts.push(annotationsToMarkdown({ document, annotations, style, appLink: lecternLink, noteMarkdown: noteToMarkdown }));
      }
    }
    if (parts.length === 0 && collections.length === 0) return { ok: false, error: 'The chosen documents have no highlights yet.' };
    return { ok: true, value: format === 'web-annotation' ? JSON.stringify(collections.length === 1 ? collections[0] : collections, null, 2) : parts.join('\n\n---\n\n') };
  }
  const items = await bibliographicItems(db, scope, docIds, documents);
  if (items.length === 0) return { ok: false, error: scope === 'documents' ? 'Choose at least one document.' : 'The chosen documents cite no works Lectern found.' };
  await loadExport();
  // Styled bibliographies reuse the entries kept in the store: only new or changed ones render.
  const { exportItemsCached } = await import('../../../app/export/bibliography-cache');
  return exportItemsCached(items, format, storeEntryCache(db));
}
