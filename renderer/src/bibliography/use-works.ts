import { useLiveQuery } from 'dexie-react-hooks';
import { worksRevision } from '../../../app/store/works-repo';
import { useDatabase } from '../store/hooks';

/** A string that changes whenever the imported works change; undefined while first read. */
export function useWorksRevision(): string | undefined {
  const db = useDatabase();
  return useLiveQuery(() => worksRevision(db), [db]);
}
