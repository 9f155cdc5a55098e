/**
 * The trash: deleting a document moves it, with everything hanging off it (text, original,
 * references, citations, highlights with their notes, collection memberships), into one trash
 * row. Restoring puts every row back exactly; entries expire after a number of days.
 */
import type { Table } from 'dexie';
import type { LecternDb } from './db';
import type { TrashedDocumentPayload } from './records';

export type { StoredTrashEntry, TrashedDocumentPayload } from './records';

/** How long a trashed document is kept before emptyExpiredTrash removes it. */
export const TRASH_RETENTION_DAYS = 30;

const DAY_MS = 24 * 60 * 60 * 1000;

/** What the trash list shows, without the (possibly large) payload. */
export interface TrashListItem {
  id: string;
  kind: 'document';
  deletedAt: number;
  docId: string;
  title: string;
  authorsLabel?: string;
  /** How many highlights (with their notes) would come back on restore. */
  annotationCount: number;
}

/** Outcome of a restore: the document id, or a message the student can act on. */
export type RestoreResult = { ok: true; docId: string } | { ok: false; error: string };

function documentTables(db: LecternDb): Table[] {
  return [db.documents, db.contents, db.originals, db.references, db.citations, db.annotations, db.collections, db.collectionItems, db.trash, ...db.tables.filter((table) => table.name === 'pageMaps')];
}

function newTrashId(): string {
  return globalThis.crypto.randomUUID();
}

/**
 * Moves a document and everything that belongs to it into the trash, in one transaction.
 * Resolves the trash entry's id, or null when there is no such document.
 */
export function moveDocumentToTrash(db: LecternDb, docId: string, now: number = Date.now()): Promise<string | null> {
  return db.transaction('rw', documentTables(db), async () => {
    const summary = await db.documents.get(docId);
    if (!summary) return null;
    const payload: TrashedDocumentPayload = {
      summary,
      references: await db.references.where('docId').equals(docId).toArray(),
      citations: await db.citations.where('docId').equals(docId).toArray(),
      annotations: await db.annotations.where('docId').equals(docId).toArray(),
      collectionItems: await db.collectionItems.where('docId').equals(docId).toArray(),
    };
    const content = await db.contents.get(docId);
    if (content) payload.content = content;
    const original = await db.originals.get(docId);
    if (original) payload.original = original;
    const id = newTrashId();
    await db.trash.add({ id, kind: 'document', deletedAt: now, payload });
    await db.documents.delete(docId);
    await db.contents.delete(docId);
    await db.originals.delete(docId);
    // Derived from the original: built again the first time the pages are shown after a restore.
    if (db.tables.some((table) => table.name === 'pageMaps')) await db.pageMaps.delete(docId);
    await db.references.bulkDelete(payload.references.map((r) => r.id));
    await db.citations.bulkDelete(payload.citations.map((c) => c.id));
    await db.annotations.bulkDelete(payload.annotations.map((a) => a.id));
    await db.collectionItems.where('docId').equals(docId).delete();
    return id;
  });
}

/** How many entries the trash holds, without reading them (each holds a whole document). */
export function countTrash(db: LecternDb): Promise<number> {
  return db.trash.count();
}

/** The trash, most recently deleted first. */
export async function listTrash(db: LecternDb): Promise<TrashListItem[]> {
  const entries = await db.trash.orderBy('deletedAt').reverse().toArray();
  return entries.map((entry) => {
    const { summary, annotations } = entry.payload;
    const item: TrashListItem = { id: entry.id, kind: entry.kind, deletedAt: entry.deletedAt, docId: summary.id, title: summary.title, annotationCount: annotations.length };
    if (summary.authorsLabel) item.authorsLabel = summary.authorsLabel;
    return item;
  });
}

/**
 * Puts a trashed document back with every row it had, in one transaction. Refuses, changing
 * nothing, when the same document (same bytes) was imported again meanwhile.
 */
export function restoreFromTrash(db: LecternDb, trashId: string): Promise<RestoreResult> {
  return db.transaction('rw', documentTables(db), async (): Promise<RestoreResult> => {
    const entry = await db.trash.get(trashId);
    if (!entry) return { ok: false, error: 'This item is no longer in the trash.' };
    const { payload } = entry;
    if (await db.documents.get(payload.summary.id)) {
      return {
        ok: false,
        error: `“${payload.summary.title}” is already in the library (it was imported again). Delete that copy first if you want this one back with its highlights.`,
      };
    }
    await db.documents.add(payload.summary);
    if (payload.content) await db.contents.add(payload.content);
    if (payload.original) await db.originals.add(payload.original);
    // put, not add: an id taken meanwhile belongs to this document by construction (ids derive
    // from the document id), and a highlight must never be left behind in the trash.
    await db.references.bulkPut(payload.references);
    await db.citations.bulkPut(payload.citations);
    await db.annotations.bulkPut(payload.annotations);
    const collections = new Set(await db.collections.toCollection().primaryKeys());
    await db.collectionItems.bulkPut(payload.collectionItems.filter((item) => collections.has(item.collectionId)));
    await db.trash.delete(trashId);
    return { ok: true, docId: payload.summary.id };
  });
}

/** Removes one trash entry for good; resolves false when there was none. */
export function deleteForever(db: LecternDb, trashId: string): Promise<boolean> {
  return db.transaction('rw', db.trash, async () => {
    const existed = (await db.trash.get(trashId)) !== undefined;
    await db.trash.delete(trashId);
    return existed;
  });
}

/** Removes entries deleted more than `days` days before `now`; resolves how many went. */
export function emptyExpiredTrash(db: LecternDb, now: number = Date.now(), days: number = TRASH_RETENTION_DAYS): Promise<number> {
  return db.trash.where('deletedAt').below(now - days * DAY_MS).delete();
}
