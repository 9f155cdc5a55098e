import type { Transaction } from 'dexie';

/**
 * One numbered version of the store's schema. Versions are applied in order; a version that
 * reshapes existing rows carries an upgrade, and gets a test that opens a database of the
 * previous version holding data.
 */
export interface SchemaVersion {
  /** Schema version number, from 1, strictly increasing. */
  version: number;
  /** Dexie stores spec: table name -> "primaryKey, index, ..."; null deletes a table. */
  stores: Record<string, string | null>;
  /** Rewrites rows written under the previous version; runs inside the version-change transaction. */
  upgrade?: (tx: Transaction) => Promise<void> | void;
}
