import { useEffect, useSyncExternalStore } from 'react';
import type { Services } from '../services/services';
import { useServices } from '../services/context';
import { createBibliographySync, type BibliographySync, type SyncStatus } from './bibliography-sync';

// One sync per set of services: the app has one; each test its own.
const syncs = new WeakMap<Services, BibliographySync>();

/** The app's bibliography sync, started on first use. */
export function bibliographySyncOf(services: Services): BibliographySync {
  let sync = syncs.get(services);
  if (!sync) {
    sync = createBibliographySync(services.database, services.platform, services.notices);
    syncs.set(services, sync);
  }
  return sync;
}

/** Starts keeping the bibliography file (desktop), for App to call once. */
export function useBibliographySyncStarted(): void {
  const services = useServices();
  useEffect(() => {
    bibliographySyncOf(services);
  }, [services]);
}

/** The sync and its status, re-rendering when the status changes. */
export function useBibliographySync(): { sync: BibliographySync; status: SyncStatus } {
  const sync = bibliographySyncOf(useServices());
  const status = useSyncExternalStore(sync.subscribe, sync.status);
  return { sync, status };
}
