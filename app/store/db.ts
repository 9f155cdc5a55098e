import { Dexie, type Table } from 'dexie';
import type {
  DocumentContent,
  DocumentOriginal,
  DocumentSummary,
  StoredAnnotation,
  StoredCitation,
  StoredCollection,
  StoredCitekey,
  StoredCollectionItem,
  StoredNotebook,
  StoredPageMap,
  StoredReference,
  StoredSearchIndex,
  StoredSyncMeta,
  StoredSyncUpdate,
  StoredTrashEntry,
  StoredWork,
} from './records';
import type { CachedEntry } from '../export/bibliography-cache';
import { schemaVersions, type SchemaVersion } from './schema';

/** The database name the app uses; tests pass their own. */
export const DEFAULT_DB_NAME = 'lectern';

/** How to open the store: defaults suit the app; tests pass fake-indexeddb and a unique name. */
export interface OpenLecternDbOptions {
  /** Database name; defaults to DEFAULT_DB_NAME. */
  name?: string;
  /** IndexedDB implementation; defaults to the global one. */
  indexedDB?: IDBFactory;
  /** Key-range constructor matching `indexedDB`. */
  IDBKeyRange?: typeof IDBKeyRange;
  /**
   * Apply schema versions only up to this number. Migration tests open an older schema, fill it,
   * close it and reopen at the latest version; the app leaves this unset.
   */
  schemaVersion?: number;
}

/** Lectern's local IndexedDB store. Reach it through the repositories, not its tables. */
export class LecternDb extends Dexie {
  declare readonly documents: Table<DocumentSummary, string>;
  declare readonly contents: Table<DocumentContent, string>;
  declare readonly originals: Table<DocumentOriginal, string>;
  declare readonly references: Table<StoredReference, string>;
  declare readonly citations: Table<StoredCitation, string>;
  declare readonly annotations: Table<StoredAnnotation, string>;
  declare readonly notebooks: Table<StoredNotebook, string>;
  declare readonly collections: Table<StoredCollection, string>;
  declare readonly collectionItems: Table<StoredCollectionItem, [string, string]>;
  declare readonly trash: Table<StoredTrashEntry, string>;
  declare readonly searchIndex: Table<StoredSearchIndex, string>;
  /** PDF page maps, one row per PDF document (page-maps-repo.ts). */
  declare readonly pageMaps: Table<StoredPageMap, string>;
  /** Citation keys, kept once given (citekeys-repo.ts). */
  declare readonly citekeys: Table<StoredCitekey, string>;
  /** Works imported from bibliography files (works-repo.ts). */
  declare readonly works: Table<StoredWork, string>;
  /** Rendered bibliography entries: a cache, not part of backups (rendered-entries-repo.ts). */
  declare readonly renderedEntries: Table<CachedEntry, string>;
  /** The synced library's Yjs updates: this machine's sync state, not part of backups (app/sync). */
  declare readonly syncLog: Table<StoredSyncUpdate, number>;
  /** Small facts the sync keeps between runs, not part of backups (app/sync). */
  declare readonly syncMeta: Table<StoredSyncMeta, string>;

  constructor(options: OpenLecternDbOptions = {}) {
    super(options.name ?? DEFAULT_DB_NAME, {
      // An import or a note lost to a crash is work the student would have to redo, so writes
      // wait for the disk rather than Chromium's faster relaxed default.
      chromeTransactionDurability: 'strict',
      ...(options.indexedDB ? { indexedDB: options.indexedDB } : {}),
      ...(options.IDBKeyRange ? { IDBKeyRange: options.IDBKeyRange } : {}),
    });
    const upTo = options.schemaVersion ?? Number.POSITIVE_INFINITY;
    for (const schema of schemaVersions) {
      if (schema.version <= upTo) applyVersion(this, schema);
    }
  }
}

function applyVersion(db: Dexie, schema: SchemaVersion): void {
  const version = db.version(schema.version).stores(schema.stores);
  if (schema.upgrade) version.upgrade(schema.upgrade);
}

/**
 * Creates the store. It opens on first use (Dexie's auto-open), so callers can hold it
 * synchronously; `await db.open()` where a failure to open (newer schema, no IndexedDB) should
 * surface at once.
 */
export function openLecternDb(options?: OpenLecternDbOptions): LecternDb {
  return new LecternDb(options);
}
