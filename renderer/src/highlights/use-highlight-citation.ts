import { useLiveQuery } from 'dexie-react-hooks';
import { useCallback, useEffect } from 'react';
import type { AnnotationSelector } from '../../../app/anchoring/selectors';
import { quoteCitation } from '../../../app/citations/quote-citation';
import type { Block } from '../../../app/documents/model';
import type { DocumentSummary } from '../../../app/store/documents-repo';
import { getPageMap } from '../../../app/store/page-maps-repo';
import { highlightLocator } from '../../../app/store/passage-locators';
import { requestPageMap } from '../pdf/page-map-request';
import { useDatabase } from '../store/hooks';

/**
 * The short citation of a highlight in an open document, "(Hothorn 2021, p. ii)", for what a
 * highlight carries when dragged out of Lectern. A PDF's page map and printed labels are read
 * here too; one kept from before labels were read has them read from its original, off the UI
 * thread, once, so the document's quotes cite the printed page from then on.
 */
export function useHighlightCitation(
  docId: string,
  summary: DocumentSummary | null | undefined,
  content: { text: string; blocks: Block[] } | null | undefined,
): (selectors: readonly AnnotationSelector[]) => string | undefined {
  const db = useDatabase();
  const isPdf = summary?.format === 'pdf';
  // Wrapped, so "still loading" (undefined from the hook) and "no map yet" (null) differ.
  const map = useLiveQuery(async () => (isPdf ? { row: (await getPageMap(db, docId)) ?? null } : null), [db, docId, isPdf]);
  useEffect(() => {
    if (map && map.row?.labels === undefined) void requestPageMap(docId);
  }, [map, docId]);
  return useCallback(
    (selectors) => {
      if (!summary || !content) return undefined;
      const row = map?.row;
      const source = { format: summary.format, blocks: content.blocks, text: content.text, ...(row ? { pageMap: row.pages, pageLabels: row.labels ?? null } : {}) };
      return quoteCitation(summary.metadata, highlightLocator(source, selectors));
    },
    [summary, content, map],
  );
}
