/**
 * Which Dexie rows a synced library carries and how a row becomes the fields of its Y.Map (and
 * back). Every field has one direction of truth (FIELD_TRUTH): synced fields go through Yjs, the
 * rest stay on this machine (note content goes through the NoteContentBridge, a document's text
 * through its package blob). JSON-valued fields travel as JSON text and are replaced whole.
 *
 * A row coming from Yjs is checked field by field with the same schemas a backup restore uses
 * (storedRecordSchemas), so a hostile or damaged row is refused before anything is written.
 */
import type { DocumentSummary, StoredAnnotation, StoredCollection, StoredCollectionItem, StoredNotebook } from '../store/records';
import { storedRecordSchemas } from '../store/record-schemas';
import { parseSafeJson } from '../store/safe-json';

/** The Dexie tables whose rows sync, each through the Y map of the same name. */
export type RowTable = 'documents' | 'collections' | 'collectionItems' | 'annotations' | 'notebooks';

/** In the order a remote change is written: documents before what hangs off them. */
export const ROW_TABLES: readonly RowTable[] = ['documents', 'collections', 'collectionItems', 'annotations', 'notebooks'];

/** A value a row's Y.Map holds. */
export type FieldValue = string | number | null;

/** The fields of one row as its Y.Map holds them. */
export type RowFields = Record<string, FieldValue>;

/** The rows of each table. */
export interface RowOf {
  documents: DocumentSummary;
  collections: StoredCollection;
  collectionItems: StoredCollectionItem;
  annotations: StoredAnnotation;
  notebooks: StoredNotebook;
}

/**
 * Per table: `synced` fields go through Yjs; `local` ones stay in Dexie (filled with defaults
 * when a row arrives from another machine); `yOnly` exist in the Y row alone (the engine keeps
 * them from the trash, purges and the document transfer).
 */
export const FIELD_TRUTH = {
  documents: {
    synced: ['title', 'authorsLabel', 'year', 'format', 'fileName', 'byteLength', 'addedAt', 'updatedAt', 'metadata', 'provenance', 'tags'],
    local: ['id', 'encoding', 'parsedMetadata'],
    yOnly: ['trashedAt', 'purgedAt', 'packageSha', 'originalSha'],
  },
  collections: { synced: ['name', 'createdAt', 'updatedAt'], local: ['id'], yOnly: [] },
  collectionItems: { synced: ['collectionId', 'docId', 'addedAt'], local: [], yOnly: [] },
  annotations: { synced: ['docId', 'selectors', 'color', 'createdAt', 'updatedAt'], local: ['id', 'noteJson', 'noteText'], yOnly: [] },
  // A notebook row has no creation time, so none goes through Yjs.
  notebooks: { synced: ['title', 'updatedAt'], local: ['id', 'content'], yOnly: [] },
} as const satisfies Record<RowTable, { synced: readonly string[]; local: readonly string[]; yOnly: readonly string[] }>;

/** Fields of a row that hold JSON text in Yjs. */
const JSON_FIELDS: ReadonlySet<string> = new Set(['metadata', 'provenance', 'tags', 'selectors']);

/** Fields that may be absent on the row (null in Yjs). */
const OPTIONAL_FIELDS: ReadonlySet<string> = new Set(['authorsLabel', 'year', 'createdAt']);

/** The key of a row in its Y map. */
export function rowKey<T extends RowTable>(table: T, row: RowOf[T]): string {
  if (table === 'collectionItems') {
    const item = row as StoredCollectionItem;
    return `${item.collectionId}/${item.docId}`;
  }
  return (row as { id: string }).id;
}

/** The Dexie primary key of a row from its Y key. */
export function primaryKey(table: RowTable, key: string): string | [string, string] {
  if (table !== 'collectionItems') return key;
  const slash = key.indexOf('/');
  return [key.slice(0, slash), key.slice(slash + 1)];
}

/** The synced fields of a Dexie row, as its Y.Map holds them. */
export function rowToFields<T extends RowTable>(table: T, row: RowOf[T]): RowFields {
  const fields: RowFields = {};
  const record = row as unknown as Record<string, unknown>;
  for (const name of FIELD_TRUTH[table].synced) {
    const value = record[name];
    if (JSON_FIELDS.has(name)) fields[name] = JSON.stringify(value ?? null);
    else if (value === undefined) fields[name] = null;
    else fields[name] = value as FieldValue;
  }
  return fields;
}

/** A row rebuilt from Yjs, or why it was refused. */
export type RowResult<T extends RowTable> = { ok: true; row: RowOf[T] } | { ok: false; error: string };

/**
 * The Dexie row for Y fields: the synced fields from Yjs, the local ones from `existing` (or
 * defaults for a row new here), checked with the store's record schema.
 */
export function fieldsToRow<T extends RowTable>(table: T, key: string, fields: Readonly<Record<string, unknown>>, existing?: RowOf[T]): RowResult<T> {
  const row: Record<string, unknown> = existing ? { ...(existing as unknown as Record<string, unknown>) } : localDefaults(table, key);
  for (const name of FIELD_TRUTH[table].synced) {
    const value = fields[name];
    if (JSON_FIELDS.has(name)) {
      if (typeof value !== 'string') return { ok: false, error: `${name} is not JSON text` };
      try {
        row[name] = parseSafeJson(value);
      } catch (error) {
        return { ok: false, error: `${name}: ${error instanceof Error ? error.message : 'unreadable'}` };
      }
    } else if ((value === null || value === undefined) && OPTIONAL_FIELDS.has(name)) {
      delete row[name];
    } else {
      row[name] = value;
    }
  }
  if (table === 'collectionItems' && key !== `${String(row.collectionId)}/${String(row.docId)}`) return { ok: false, error: 'the key does not match the collection and document' };
  if (table === 'annotations' && (!Array.isArray(row.selectors) || row.selectors.length === 0)) return { ok: false, error: 'a highlight without selectors' };
  const schema = storedRecordSchemas[table];
  const parsed = schema.safeParse(row);
  if (!parsed.success) return { ok: false, error: parsed.error.issues.map((issue) => `${issue.path.join('.') || 'row'}: ${issue.message}`).join('; ') };
  return { ok: true, row: row as unknown as RowOf[T] };
}

function localDefaults(table: RowTable, key: string): Record<string, unknown> {
  switch (table) {
    case 'annotations':
      return { id: key, noteJson: null, noteText: '' };
    case 'notebooks':
      return { id: key, content: null };
    case 'collections':
    case 'documents':
      return { id: key };
    case 'collectionItems':
      return {};
  }
}

/** True when a Y row's field holds what the Dexie row says. */
export function sameField(a: unknown, b: FieldValue): boolean {
  return a === b || ((a === undefined || a === null) && b === null);
}
