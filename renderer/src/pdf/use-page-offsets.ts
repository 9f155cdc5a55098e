import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useMemo } from 'react';
import { getPageMap } from '../../../app/store/page-maps-repo';
import { useDatabase } from '../store/hooks';
import { PageOffsets } from './page-offsets';
import { requestPageMap } from './page-map-request';

/**
 * The document's page map, decoded; null while it loads or when there is none. A PDF imported
 * before maps were kept gets one built from its original, off the UI thread, the first time its
 * pages are shown; the live query then brings it in.
 */
export function usePageOffsets(docId: string): PageOffsets | null {
  const db = useDatabase();
  const stored = useLiveQuery(async () => (await getPageMap(db, docId)) ?? null, [db, docId]);
  useEffect(() => {
    if (stored === null) void requestPageMap(docId);
  }, [stored, docId]);
  return useMemo(() => {
    if (!stored) return null;
    try {
      return new PageOffsets(stored.pages);
    } catch {
      return null;
    }
  }, [stored]);
}
