import type { SchemaVersion } from './version';

/**
 * PDF page maps: for each page, where pdf.js's text items fall in the canonical text
 * (documents/pdf/page-items.ts), so the page view places selections and highlights exactly.
 * One row per PDF document, keyed by its id, apart from the contents row the reader loads.
 * Nothing to rewrite: a PDF imported before this version gets its map the first time its pages
 * are shown, built from the kept original by the import code.
 */
export const v5: SchemaVersion = {
  version: 5,
  stores: {
    pageMaps: 'docId',
  },
};
