import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect } from 'react';
import { getPageLabels } from '../../../app/store/page-maps-repo';
import { useDatabase } from '../store/hooks';
import { requestPageMap } from './page-map-request';

/**
 * A PDF's printed page labels; null while they load, when the PDF states none, or when `docId`
 * is not a PDF (`isPdf` false). A PDF whose map was kept before labels were read has them read
 * from its original off the UI thread, once; the live query then brings them in.
 */
export function usePageLabels(docId: string, isPdf = true): readonly string[] | null {
  const db = useDatabase();
  // Wrapped, so "not loaded yet" (undefined from the hook) and "never read" (labels undefined) differ.
  const stored = useLiveQuery(async () => (isPdf ? { labels: await getPageLabels(db, docId) } : null), [db, docId, isPdf]);
  useEffect(() => {
    if (stored && stored.labels === undefined) void requestPageMap(docId);
  }, [stored, docId]);
  return stored?.labels ?? null;
}
