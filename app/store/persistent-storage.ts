/**
 * Asking the browser to keep Lectern's storage: without it, IndexedDB is "best effort" and the
 * browser may evict the library under disk pressure, notes included.
 */

/** The part of `navigator` this needs, so tests can pass their own. */
export interface StorageNavigator {
  storage?: { persist?: () => Promise<boolean>; persisted?: () => Promise<boolean> };
}

/** 'granted': the browser will not evict the library; 'denied': it may; 'unavailable': no such API here. */
export type PersistenceState = 'granted' | 'denied' | 'unavailable';

/** Requests persistent storage once; safe to call on every start (a granted request stays granted). */
export async function requestPersistentStorage(nav: StorageNavigator | undefined = globalThis.navigator): Promise<PersistenceState> {
  const storage = nav?.storage;
  if (!storage?.persist) return 'unavailable';
  try {
    if (storage.persisted && (await storage.persisted())) return 'granted';
    return (await storage.persist()) ? 'granted' : 'denied';
  } catch {
    return 'denied';
  }
}
