import type { DocumentCitations } from '../citations/document-citations';
import type { CitationInput, ReferenceInput } from './documents-repo';

/**
 * Turns a document's citation facts into store rows. Reference ids are made unique across the
 * library by prefixing the document id (two documents may both cite "smith2019"); the CSL item
 * keeps the plain citekey for export.
 */
export function citationRows(docId: string, found: DocumentCitations): { references: ReferenceInput[]; citations: CitationInput[] } {
  const rowId = (citekey: string) => `${docId}:${citekey}`;
  return {
    references: found.references.map((reference, index) => ({
      id: rowId(reference.id),
      index,
      raw: reference.raw,
      start: reference.start,
      end: reference.end,
      csl: reference.csl,
    })),
    citations: found.citations.map((citation) => ({
      id: citation.id,
      start: citation.start,
      end: citation.end,
      kind: citation.kind,
      referenceIds: citation.referenceIds.map(rowId),
      ...(citation.locator ? { locator: citation.locator } : {}),
    })),
  };
}
