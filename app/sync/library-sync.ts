/**
 * The sync engine: keeps a library's Y.Doc and its Dexie store in step.
 *
 * - Every Yjs update (any origin) is appended to db.syncLog. An update that did not come from
 *   this machine's Dexie (LOCAL_ORIGIN) is applied to Dexie in the same Dexie transaction as its
 *   syncLog row, so the saved Yjs state never runs ahead of Dexie. Hence at start, after loading
 *   the log, every difference between Dexie and the doc is a local change not yet pushed.
 * - Local Dexie changes ('storagemutated') are diffed against the Y maps after a quiet moment and
 *   pushed, field by field, in one LOCAL_ORIGIN transaction; the engine's own Dexie writes come
 *   back as events whose diff is empty.
 * - One serial queue runs remote applies and local reconciles. Rows touched remotely and not yet
 *   written to Dexie are skipped by a reconcile, so it never reads them as local edits or deletions.
 * - Documents: a document in Yjs this machine never had is fetched (DocumentTransfer); a local
 *   one Yjs lacks is published; trash, restore and delete-forever travel as trashedAt / purgedAt.
 * - Note content goes through the NoteContentBridge; the rows carry no note text.
 */
import { cmp, Dexie, type Table } from 'dexie';
import * as Y from 'yjs';
import type { LecternDb } from '../store/db';
import type { DocumentSummary, StoredTrashEntry } from '../store/records';
import { describeStorageError } from '../store/storage-errors';
import { moveDocumentToTrash, restoreFromTrash } from '../store/trash-repo';
import { LOCAL_ORIGIN, type DocumentBlobs, type DocumentTransfer, type NoteContentBridge, type NoteKey } from './contract';
import { fieldsToRow, primaryKey, rowKey, rowToFields, ROW_TABLES, sameField, type RowFields, type RowOf, type RowTable } from './row-maps';

export interface LibrarySyncOptions {
  db: LecternDb;
  doc: Y.Doc;
  notes?: NoteContentBridge;
  documents?: DocumentTransfer;
  /** A sentence the student can read: a refused change, a failed write (the sync then stops). */
  onError?: (message: string) => void;
  /** Rows a remote change wrote or removed here, once written (the app tells its search index). */
  onRemoteRows?: (rows: readonly { table: RowTable; key: string }[]) => void;
}

export interface LibrarySync {
  /** Loads the saved updates into the doc, pushes local changes made meanwhile, then listens. */
  start(): Promise<void>;
  stop(): void;
  /** Resolves when no work is queued (documents being moved included). */
  idle(): Promise<void>;
  /** Local changes not yet written into the doc or blobs not yet published: best effort. */
  pending(): number;
}

/** Log rows after which the log is replaced by one row holding the whole state. */
export const COMPACT_AFTER = 500;
/** Quiet time before local changes are diffed. */
const DEBOUNCE_MS = 50;
/** When a document could not be published or fetched, how long before it is tried again. */
const RETRY_MS = 30_000;

/** syncMeta keys. */
const KNOWN_DOCS = 'known-docs';
const REFUSED = 'refused';
const PURGED = 'purged:';

/** What a remote change touched in a row: some fields, or the whole row (added, replaced, deleted). */
type Touch = Set<string> | 'row';
type Mode = 'local' | 'join';

interface TrashInfo {
  trashId: string;
  deletedAt: number;
  summary: DocumentSummary;
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function emptyTouches(): Record<RowTable, Map<string, Touch>> {
  return { documents: new Map(), collections: new Map(), collectionItems: new Map(), annotations: new Map(), notebooks: new Map() };
}

/** The row map under a key of a top-level map, when it is one. */
function rowMap(value: unknown): Y.Map<unknown> | undefined {
  return value instanceof Y.Map ? (value as Y.Map<unknown>) : undefined;
}

/**
 * The keys a storagemutated part names, when it names single keys only (puts, deletes by key);
 * undefined for a range (a clear, a delete by range) or a long list, which mean "look at all".
 */
function changedKeys(tree: unknown, limit = 5_000): unknown[] | undefined {
  const keys: unknown[] = [];
  const stack: unknown[] = [tree];
  while (stack.length) {
    const node = stack.pop() as { from?: unknown; to?: unknown; l?: unknown; r?: unknown; d?: number } | null | undefined;
    if (!node || !node.d) continue;
    if (node.from === undefined || cmp(node.from, node.to) !== 0) return undefined;
    if (typeof node.from !== 'string' && !Array.isArray(node.from)) return undefined;
    keys.push(node.from);
    if (keys.length > limit) return undefined;
    stack.push(node.l, node.r);
  }
  return keys;
}

function isRowTable(name: string): name is RowTable {
  return (ROW_TABLES as readonly string[]).includes(name);
}

/** Creates the engine for one library's doc; start it once (after a failure, make a new doc and engine). */
export function createLibrarySync(options: LibrarySyncOptions): LibrarySync {
  const { db, doc, notes, documents } = options;
  const maps = Object.fromEntries(ROW_TABLES.map((table) => [table, doc.getMap<unknown>(table)])) as Record<RowTable, Y.Map<unknown>>;
  const notesMap = doc.getMap<unknown>('notes');
  const writeTables: Table[] = [
    db.documents,
    db.contents,
    db.originals,
    db.references,
    db.citations,
    db.annotations,
    db.notebooks,
    db.collections,
    db.collectionItems,
    db.trash,
    db.pageMaps,
    db.syncLog,
    db.syncMeta,
  ];

  let state: 'idle' | 'running' | 'stopped' = 'idle';
  let tail: Promise<void> = Promise.resolve();
  let queued = 0;
  const inflight = new Set<Promise<unknown>>();

  // Updates not yet in db.syncLog, and what the remote ones touched.
  const unsaved: Uint8Array[] = [];
  let remote = emptyTouches();
  const remoteNotes = new Set<NoteKey>();
  let flushQueued = false;
  let logRows = 0;
  let fullSaveWanted = false;

  // Local changes waiting for their reconcile.
  /** Tables changed here: the keys that changed, or 'all' when Dexie gave a range. */
  const dirty = new Map<RowTable, Set<string> | 'all'>();
  let logCheck = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let retryTimer: ReturnType<typeof setTimeout> | undefined;

  // What this machine remembers between reconciles.
  let known = new Set<string>();
  let knownSaved = '';
  const purged = new Set<string>();
  /** Rows under these keys were refused: not ours to delete (`${table}/${key}`). */
  const refused = new Set<string>();
  let refusedSaved = '';
  const fingerprints = new Map<NoteKey, string>();
  let trash = new Map<string, TrashInfo>();
  let trashStale = true;
  const publishing = new Set<string>();
  const fetching = new Set<string>();
  const cleanups: (() => void)[] = [];

  const report = (text: string) => options.onError?.(text);

  function enqueue(task: () => Promise<void>): Promise<void> {
    queued += 1;
    const run = tail
      .then(async () => {
        if (state === 'running') await task();
      })
      .catch((error: unknown) => fail(error))
      .finally(() => {
        queued -= 1;
      });
    tail = run;
    return run;
  }

  function fail(error: unknown): void {
    if (state !== 'running') return;
    report(`Sync stopped: a change could not be saved on this machine. ${describeStorageError(error)} Nothing already saved was lost; sync starts again from it the next time it starts.`);
    stop();
  }

  // ---- listening -------------------------------------------------------------------------

  function listen(): void {
    for (const table of ROW_TABLES) {
      const map = maps[table];
      const observer = (events: Y.YEvent<Y.AbstractType<unknown>>[], transaction: Y.Transaction) => {
        if (transaction.origin === LOCAL_ORIGIN) return;
        const touched = remote[table];
        for (const event of events) {
          if (event.target === map) {
            for (const key of (event as Y.YMapEvent<unknown>).keysChanged as Set<string>) touched.set(key, 'row');
          } else {
            const key = String(event.path[0]);
            const previous = touched.get(key);
            if (previous === 'row') continue;
            const fields = previous ?? new Set<string>();
            if (event instanceof Y.YMapEvent) for (const field of event.keysChanged as Set<string>) fields.add(field);
            else touched.set(key, 'row');
            if (touched.get(key) !== 'row') touched.set(key, fields);
          }
        }
      };
      map.observeDeep(observer);
      cleanups.push(() => map.unobserveDeep(observer));
    }
    const notesObserver = (events: Y.YEvent<Y.AbstractType<unknown>>[], transaction: Y.Transaction) => {
      if (transaction.origin === LOCAL_ORIGIN) return;
      for (const event of events) {
        if (event.target === notesMap) for (const key of (event as Y.YMapEvent<unknown>).keysChanged as Set<string>) remoteNotes.add(key as NoteKey);
        else remoteNotes.add(String(event.path[0]) as NoteKey);
      }
    };
    notesMap.observeDeep(notesObserver);
    cleanups.push(() => notesMap.unobserveDeep(notesObserver));

    const onUpdate = (update: Uint8Array) => {
      unsaved.push(update);
      scheduleFlush();
    };
    doc.on('update', onUpdate);
    cleanups.push(() => doc.off('update', onUpdate));

    const prefix = `idb://${db.name}/`;
    const onMutated = (parts: Record<string, unknown>) => {
      const changed = new Map<RowTable, Set<string> | 'all'>();
      let log = false;
      for (const [part, tree] of Object.entries(parts)) {
        if (!part.startsWith(prefix)) continue;
        const [name = '', index] = part.slice(prefix.length).split('/');
        if (isRowTable(name)) {
          // The primary-key part names the rows that changed; index parts add nothing to it.
          if (index !== '') continue;
          const keys = name === 'documents' ? undefined : changedKeys(tree);
          const before = changed.get(name);
          if (!keys || before === 'all') changed.set(name, 'all');
          else changed.set(name, new Set([...(before ?? []), ...keys.map((key) => (Array.isArray(key) ? key.join('/') : String(key)))]));
        } else if (name === 'trash') {
          trashStale = true;
          changed.set('documents', 'all');
        } else if (name === 'syncLog') log = true;
      }
      if (log) logCheck = true;
      if (changed.size || log) markDirty(changed);
    };
    Dexie.on('storagemutated', onMutated);
    cleanups.push(() => Dexie.on('storagemutated').unsubscribe(onMutated));
  }

  function markDirty(changed: Map<RowTable, Set<string> | 'all'>): void {
    for (const [table, keys] of changed) {
      const before = dirty.get(table);
      if (keys === 'all' || before === 'all') dirty.set(table, 'all');
      else if (before) for (const key of keys) before.add(key);
      else dirty.set(table, new Set(keys));
    }
    if (timer !== undefined || state !== 'running') return;
    timer = setTimeout(() => {
      timer = undefined;
      void enqueue(reconcileDirty);
    }, DEBOUNCE_MS);
  }

  function scheduleFlush(): void {
    if (flushQueued || state !== 'running') return;
    flushQueued = true;
    void enqueue(flush);
  }

  // ---- local -> Yjs ------------------------------------------------------------------------

  async function reconcileDirty(): Promise<void> {
    if (timer !== undefined) {
      clearTimeout(timer);
      timer = undefined;
    }
    let mode: Mode = 'local';
    if (logCheck) {
      logCheck = false;
      // A replace restore of a backup clears the log with everything else: the library joins
      // afresh, a union with what the doc holds, and nothing is deleted from it.
      if (logRows > 0 && (await db.syncLog.count()) === 0) {
        mode = 'join';
        logRows = 0;
        known = new Set();
        knownSaved = '';
        purged.clear();
        refused.clear();
        refusedSaved = '';
        fingerprints.clear();
        trashStale = true;
        fullSaveWanted = true;
        for (const table of ROW_TABLES) dirty.set(table, 'all');
      }
    }
    if (!dirty.size) return;
    const tables = ROW_TABLES.filter((table) => dirty.has(table));
    const only = new Map<RowTable, string[]>();
    for (const table of tables) {
      const keys = dirty.get(table);
      if (keys instanceof Set && mode === 'local') only.set(table, [...keys]);
    }
    dirty.clear();
    await reconcile(tables, mode, only);
  }

  async function refreshTrash(): Promise<void> {
    if (!trashStale) return;
    trashStale = false;
    const next = new Map<string, TrashInfo>();
    await db.trash.each((entry: StoredTrashEntry) => {
      next.set(entry.payload.summary.id, { trashId: entry.id, deletedAt: entry.deletedAt, summary: entry.payload.summary });
    });
    trash = next;
  }

  /** Diffs the tables against the doc and pushes what differs (mode 'join': never deletes from the doc). */
  async function reconcile(tables: readonly RowTable[], mode: Mode, only: ReadonlyMap<RowTable, readonly string[]> = new Map()): Promise<void> {
    await refreshTrash();
    const rows = new Map<RowTable, unknown[]>();
    for (const table of tables) {
      const keys = only.get(table);
      const store = db[table] as Table;
      if (keys) rows.set(table, (await store.bulkGet(keys.map((key) => primaryKey(table, key)))).filter((row) => row !== undefined));
      else rows.set(table, await store.toArray());
    }
    const notePush: NoteKey[] = [];
    const toPublish: string[] = [];
    const toFetch: string[] = [];
    const purgedNow: string[] = [];
    const unpurged: string[] = [];
    const joinApply = emptyTouches();
    let joinApplies = false;
    let nextKnown: Set<string> | undefined;
    doc.transact(() => {
      for (const table of tables) {
        const list = rows.get(table) ?? [];
        if (table === 'documents') {
          nextKnown = reconcileDocuments(list as DocumentSummary[], mode, { toPublish, toFetch, purgedNow, unpurged, joinApply: joinApply.documents });
        } else {
          reconcileTable(table, list as RowOf[typeof table][], mode, notePush, joinApply[table], only.get(table));
        }
      }
    }, LOCAL_ORIGIN);
    for (const table of ROW_TABLES) {
      for (const [key, touch] of joinApply[table]) {
        remote[table].set(key, touch);
        joinApplies = true;
      }
    }
    if (joinApplies) scheduleFlush();
    if (purgedNow.length || unpurged.length) {
      await db.transaction('rw', db.syncMeta, async () => {
        await db.syncMeta.bulkPut(purgedNow.map((id) => ({ key: PURGED + id, value: Date.now() })));
        await db.syncMeta.bulkDelete(unpurged.map((id) => PURGED + id));
      });
      for (const id of purgedNow) purged.add(id);
      for (const id of unpurged) purged.delete(id);
    }
    if (nextKnown) await saveKnown(nextKnown);
    if (notes && notePush.length) await callBridge(() => notes.pushLocal(notePush));
    for (const id of toPublish) startPublish(id);
    for (const id of toFetch) startFetch(id);
  }

  function skipped(table: RowTable, key: string): Touch | undefined {
    if (table === 'documents' && fetching.has(key)) return 'row';
    return remote[table].get(key);
  }

  function writeFields(table: RowTable, key: string, fields: RowFields, touch: Touch | undefined): void {
    const map = maps[table];
    const existing = map.get(key);
    if (!(existing instanceof Y.Map)) {
      const row = new Y.Map<unknown>();
      for (const [name, value] of Object.entries(fields)) row.set(name, value);
      map.set(key, row);
      return;
    }
    for (const [name, value] of Object.entries(fields)) {
      if (touch instanceof Set && touch.has(name)) continue;
      if (!sameField(existing.get(name), value)) existing.set(name, value);
    }
  }

  /** `only`: the keys that changed (the rows in `list` are those of them still here); all keys when absent. */
  function reconcileTable<T extends Exclude<RowTable, 'documents'>>(table: T, list: RowOf[T][], mode: Mode, notePush: NoteKey[], joinApply: Map<string, Touch>, only?: readonly string[]): void {
    const map = maps[table];
    const seen = new Set<string>();
    for (const row of list) {
      const key = rowKey(table, row);
      seen.add(key);
      const touch = skipped(table, key);
      if (touch === 'row') continue;
      const fields = rowToFields(table, row);
      const existing = rowMap(map.get(key));
      if (mode === 'join' && existing) {
        const theirs = existing.get('updatedAt');
        const ours = (row as { updatedAt?: unknown }).updatedAt;
        if (typeof theirs === 'number' && typeof ours === 'number' && theirs > ours) {
          joinApply.set(key, 'row');
          continue;
        }
      }
      writeFields(table, key, fields, touch);
      const noteKey = noteKeyOf(table, key);
      if (noteKey) {
        const content = table === 'annotations' ? (row as RowOf['annotations']).noteJson : (row as RowOf['notebooks']).content;
        const print = table === 'annotations' ? `${(row as RowOf['annotations']).updatedAt}|${(row as RowOf['annotations']).noteText}` : JSON.stringify(content ?? null);
        const before = fingerprints.get(noteKey);
        if (before !== print && (content != null || before !== undefined)) notePush.push(noteKey);
        fingerprints.set(noteKey, print);
      }
    }
    const gone: string[] = [];
    for (const key of only ?? [...map.keys()]) {
      const value = map.get(key);
      if (value === undefined || seen.has(key) || skipped(table, key) !== undefined) continue;
      if (mode === 'join' || refused.has(`${table}/${key}`)) {
        if (mode === 'join') joinApply.set(key, 'row');
        continue;
      }
      // A highlight or membership of a document in this machine's trash waits in the trash entry.
      if ((table === 'annotations' || table === 'collectionItems') && value instanceof Y.Map && trash.has(String(value.get('docId')))) continue;
      gone.push(key);
    }
    for (const key of gone) {
      map.delete(key);
      const noteKey = noteKeyOf(table, key);
      if (noteKey) {
        notesMap.delete(noteKey);
        fingerprints.delete(noteKey);
      }
    }
  }

  function reconcileDocuments(
    list: DocumentSummary[],
    mode: Mode,
    out: { toPublish: string[]; toFetch: string[]; purgedNow: string[]; unpurged: string[]; joinApply: Map<string, Touch> },
  ): Set<string> {
    const map = maps.documents;
    const local = new Set<string>();
    for (const row of list) {
      local.add(row.id);
      const touch = skipped('documents', row.id);
      if (touch === 'row') continue;
      const existing = rowMap(map.get(row.id));
      if (!existing) {
        writeFields('documents', row.id, { ...rowToFields('documents', row), trashedAt: null, purgedAt: null, packageSha: null, originalSha: null }, undefined);
        out.toPublish.push(row.id);
        continue;
      }
      if (mode === 'join') {
        const theirs = existing.get('updatedAt');
        if (typeof theirs === 'number' && theirs > row.updatedAt) {
          out.joinApply.set(row.id, 'row');
          continue;
        }
      }
      writeFields('documents', row.id, rowToFields('documents', row), touch);
      const fieldTouched = (name: string) => touch instanceof Set && touch.has(name);
      // Here and in the library: restored here, or imported again after a purge.
      if (existing.get('trashedAt') != null && !fieldTouched('trashedAt')) existing.set('trashedAt', null);
      if (existing.get('purgedAt') != null && !fieldTouched('purgedAt')) {
        existing.set('purgedAt', null);
        out.unpurged.push(row.id);
      }
      if (existing.get('packageSha') == null) out.toPublish.push(row.id);
    }
    for (const [docId, info] of trash) {
      if (local.has(docId)) continue;
      local.add(docId);
      const touch = skipped('documents', docId);
      if (touch === 'row') continue;
      const existing = rowMap(map.get(docId));
      if (!existing) {
        writeFields('documents', docId, { ...rowToFields('documents', info.summary), trashedAt: info.deletedAt, purgedAt: null, packageSha: null, originalSha: null }, undefined);
      } else if (existing.get('trashedAt') == null && !(touch instanceof Set && touch.has('trashedAt'))) {
        existing.set('trashedAt', info.deletedAt);
      }
    }
    for (const [docId, entry] of map) {
      const value = rowMap(entry);
      if (local.has(docId) || skipped('documents', docId) !== undefined || !value) continue;
      if (mode === 'local' && known.has(docId)) {
        // It was here at the last look and has gone: deleted for good on this machine.
        if (value.get('purgedAt') == null) {
          value.set('purgedAt', Date.now());
          out.purgedNow.push(docId);
        }
        continue;
      }
      if (value.get('purgedAt') == null && value.get('trashedAt') == null && !purged.has(docId) && typeof value.get('packageSha') === 'string') out.toFetch.push(docId);
    }
    return local;
  }

  async function saveKnown(next: Set<string>): Promise<void> {
    known = next;
    const text = [...next].sort().join('\n');
    if (text === knownSaved) return;
    await db.syncMeta.put({ key: KNOWN_DOCS, value: [...next] });
    knownSaved = text;
  }

  // ---- Yjs -> Dexie --------------------------------------------------------------------------

  interface Planned {
    table: RowTable;
    key: string;
    /** The row's Y fields, or null when the doc no longer has a row under the key. */
    fields: Record<string, unknown> | null;
    /** The doc holds something under the key that is not a row map. */
    malformed: boolean;
  }

  async function flush(): Promise<void> {
    flushQueued = false;
    // Local changes first, so a remote change to other fields of the same row merges with them.
    if (dirty.size || logCheck) await reconcileDirty();
    const updates = unsaved.splice(0);
    const touched = remote;
    remote = emptyTouches();
    const noteKeys = new Set(remoteNotes);
    remoteNotes.clear();
    const plan: Planned[] = [];
    for (const table of ROW_TABLES) {
      for (const key of touched[table].keys()) {
        const value = maps[table].get(key);
        const row = rowMap(value);
        plan.push({ table, key, fields: row ? row.toJSON() : null, malformed: value !== undefined && !row });
      }
    }
    if (!updates.length && !plan.length && !noteKeys.size) return;
    const problems: string[] = [];
    const toFetch: string[] = [];
    const newNotes: NoteKey[] = [];
    const now = Date.now();
    await db.transaction('rw', writeTables, async () => {
      if (updates.length) await db.syncLog.bulkAdd(updates.map((update) => ({ update, at: now })));
      for (const table of ROW_TABLES) {
        const items = plan.filter((item) => item.table === table);
        if (!items.length) continue;
        if (table === 'documents') {
          for (const item of items) await applyDocument(item, problems, toFetch);
        } else {
          await applyRows(table, items, problems, newNotes);
        }
      }
      const refusedNow = [...refused].sort().join('\n');
      if (refusedNow !== refusedSaved) {
        await db.syncMeta.put({ key: REFUSED, value: [...refused] });
        refusedSaved = refusedNow;
      }
    });
    logRows += updates.length;
    if (plan.length) options.onRemoteRows?.(plan.map(({ table, key }) => ({ table, key })));
    if (problems.length) {
      const shown = problems.slice(0, 3).join('; ');
      report(`${problems.length === 1 ? 'A change' : `${problems.length} changes`} from the sync server ${problems.length === 1 ? 'was' : 'were'} refused and nothing of ${problems.length === 1 ? 'it' : 'them'} was written (${shown}${problems.length > 3 ? '; …' : ''}). The rest was applied.`);
    }
    // Downloads run beside the notes' writes.
    for (const id of toFetch) startFetch(id);
    for (const key of newNotes) noteKeys.add(key);
    if (notes && noteKeys.size) {
      const keys = [...noteKeys];
      await callBridge(() => notes.applyRemote(keys));
      await refreshFingerprints(keys);
    }
    if (unsaved.length === 0 && !hasRemote() && (fullSaveWanted || logRows > COMPACT_AFTER)) await compact();
  }

  function hasRemote(): boolean {
    return remoteNotes.size > 0 || ROW_TABLES.some((table) => remote[table].size > 0);
  }

  async function applyRows(table: Exclude<RowTable, 'documents'>, items: Planned[], problems: string[], newNotes: NoteKey[]): Promise<void> {
    const store = db[table] as Table;
    const keys = items.map((item) => primaryKey(table, item.key));
    const existing = (await store.bulkGet(keys)) as (RowOf[typeof table] | undefined)[];
    const inTrash = table === 'annotations' ? await applyToTrash(items, existing, problems) : new Set<number>();
    const puts: unknown[] = [];
    const deletes: unknown[] = [];
    items.forEach((item, index) => {
      if (inTrash.has(index)) return;
      const before = existing[index];
      const refusedKey = `${table}/${item.key}`;
      if (item.malformed) {
        problems.push(`${table} ${item.key}: not a row`);
        refused.add(refusedKey);
        return;
      }
      if (!item.fields) {
        if (before) deletes.push(keys[index]);
        refused.delete(refusedKey);
        return;
      }
      const result = fieldsToRow(table, item.key, item.fields, before);
      if (!result.ok) {
        problems.push(`${table} ${item.key}: ${result.error}`);
        if (!before) refused.add(refusedKey);
        return;
      }
      refused.delete(refusedKey);
      puts.push(result.row);
      const noteKey = noteKeyOf(table, item.key);
      if (noteKey && !before && notesMap.has(noteKey)) newNotes.push(noteKey);
    });
    if (deletes.length) await store.bulkDelete(deletes);
    if (puts.length) await store.bulkPut(puts);
  }

  /**
   * Highlights of a document in this machine's trash live in its trash entry: a remote change to
   * one is written there, so a restore brings back the newest. Resolves the items it took.
   */
  async function applyToTrash(items: Planned[], existing: readonly unknown[], problems: string[]): Promise<Set<number>> {
    const taken = new Set<number>();
    await refreshTrash();
    if (!trash.size) return taken;
    const changes = new Map<string, Map<string, Record<string, unknown> | null>>();
    const unplaced = new Map<string, number>();
    items.forEach((item, index) => {
      if (existing[index] || item.malformed) return;
      if (!item.fields) {
        unplaced.set(item.key, index);
        return;
      }
      const info = trash.get(String(item.fields.docId));
      if (!info) return;
      const entry = changes.get(info.trashId) ?? new Map<string, Record<string, unknown> | null>();
      entry.set(item.key, item.fields);
      changes.set(info.trashId, entry);
      taken.add(index);
    });
    if (unplaced.size) {
      await db.trash.each((entry) => {
        for (const annotation of entry.payload.annotations) {
          const index = unplaced.get(annotation.id);
          if (index === undefined) continue;
          const entryChanges = changes.get(entry.id) ?? new Map<string, Record<string, unknown> | null>();
          entryChanges.set(annotation.id, null);
          changes.set(entry.id, entryChanges);
          taken.add(index);
        }
      });
    }
    for (const [trashId, entryChanges] of changes) {
      const entry = await db.trash.get(trashId);
      if (!entry) continue;
      const annotations = new Map(entry.payload.annotations.map((annotation) => [annotation.id, annotation]));
      for (const [id, fields] of entryChanges) {
        if (!fields) {
          annotations.delete(id);
          continue;
        }
        const result = fieldsToRow('annotations', id, fields, annotations.get(id));
        if (result.ok) annotations.set(id, result.row);
        else problems.push(`annotations ${id}: ${result.error}`);
      }
      await db.trash.put({ ...entry, payload: { ...entry.payload, annotations: [...annotations.values()] } });
    }
    return taken;
  }

  async function applyDocument(item: Planned, problems: string[], toFetch: string[]): Promise<void> {
    const { key, fields } = item;
    // Lectern never removes a document's row from the doc (purgedAt says it went), so there is nothing to do.
    if (!fields) return;
    const trashedAt = fields.trashedAt ?? null;
    const purgedAt = fields.purgedAt ?? null;
    if ((trashedAt !== null && typeof trashedAt !== 'number') || (purgedAt !== null && typeof purgedAt !== 'number')) {
      problems.push(`documents ${key}: trashedAt or purgedAt is not a time`);
      return;
    }
    await refreshTrash();
    const inTrash = trash.get(key);
    const row = await db.documents.get(key);
    if (purgedAt !== null) {
      if (row) await deleteDocumentRows(key);
      if (inTrash) await db.trash.delete(inTrash.trashId);
      await db.syncMeta.put({ key: PURGED + key, value: purgedAt });
      purged.add(key);
      known.delete(key);
      trashStale = true;
      return;
    }
    if (row) {
      const result = fieldsToRow('documents', key, fields, row);
      if (!result.ok) problems.push(`documents ${key}: ${result.error}`);
      else {
        const next = result.row;
        if (JSON.stringify(next.metadata) !== JSON.stringify(row.metadata)) next.parsedMetadata = row.parsedMetadata ?? row.metadata;
        await db.documents.put(next);
      }
      if (trashedAt !== null) {
        await moveDocumentToTrash(db, key, trashedAt);
        trashStale = true;
      }
      return;
    }
    if (trashedAt !== null) {
      // In the trash here too: an edit made elsewhere goes into the trash entry, so a restore keeps it.
      const entry = inTrash ? await db.trash.get(inTrash.trashId) : undefined;
      if (!entry) return;
      const result = fieldsToRow('documents', key, fields, entry.payload.summary);
      if (!result.ok) problems.push(`documents ${key}: ${result.error}`);
      else if (JSON.stringify(result.row) !== JSON.stringify(entry.payload.summary)) {
        const summary = result.row;
        if (JSON.stringify(summary.metadata) !== JSON.stringify(entry.payload.summary.metadata)) summary.parsedMetadata = entry.payload.summary.parsedMetadata ?? entry.payload.summary.metadata;
        await db.trash.put({ ...entry, payload: { ...entry.payload, summary } });
      }
      return;
    }
    if (inTrash) {
      const restored = await restoreFromTrash(db, inTrash.trashId);
      trashStale = true;
      if (!restored.ok) problems.push(`documents ${key}: ${restored.error}`);
      else {
        const back = await db.documents.get(key);
        const result = back ? fieldsToRow('documents', key, fields, back) : undefined;
        if (result?.ok) await db.documents.put(result.row);
      }
      return;
    }
    if (purged.has(key)) {
      // Deleted for good here once, and back in the library elsewhere (imported again).
      purged.delete(key);
      await db.syncMeta.delete(PURGED + key);
    }
    if (typeof fields.packageSha === 'string') toFetch.push(key);
  }

  async function deleteDocumentRows(id: string): Promise<void> {
    await db.collectionItems.where('docId').equals(id).delete();
    await db.documents.delete(id);
    await db.contents.delete(id);
    await db.originals.delete(id);
    await db.pageMaps.delete(id);
    await db.references.where('docId').equals(id).delete();
    await db.citations.where('docId').equals(id).delete();
    await db.annotations.where('docId').equals(id).delete();
  }

  async function compact(): Promise<void> {
    const whole = Y.encodeStateAsUpdate(doc);
    await db.transaction('rw', db.syncLog, async () => {
      await db.syncLog.clear();
      await db.syncLog.add({ update: whole, at: Date.now() });
    });
    logRows = 1;
    fullSaveWanted = false;
  }

  // ---- notes ---------------------------------------------------------------------------------

  function noteKeyOf(table: RowTable, key: string): NoteKey | undefined {
    if (table === 'annotations') return `annotation:${key}`;
    if (table === 'notebooks') return `notebook:${key}`;
    return undefined;
  }

  async function callBridge(call: () => Promise<void>): Promise<void> {
    try {
      await call();
    } catch (error) {
      report(`Some note content could not be synced (${message(error)}).`);
    }
  }

  async function refreshFingerprints(keys: readonly NoteKey[]): Promise<void> {
    const annotationIds = keys.filter((key) => key.startsWith('annotation:')).map((key) => key.slice('annotation:'.length));
    const notebookIds = keys.filter((key) => key.startsWith('notebook:')).map((key) => key.slice('notebook:'.length));
    for (const row of await db.annotations.bulkGet(annotationIds)) if (row) fingerprints.set(`annotation:${row.id}`, `${row.updatedAt}|${row.noteText}`);
    for (const row of await db.notebooks.bulkGet(notebookIds)) if (row) fingerprints.set(`notebook:${row.id}`, JSON.stringify(row.content ?? null));
  }

  // ---- documents' blobs ------------------------------------------------------------------------

  function retryLater(): void {
    if (retryTimer !== undefined || state !== 'running') return;
    retryTimer = setTimeout(() => {
      retryTimer = undefined;
      markDirty(new Map([['documents', 'all']]));
    }, RETRY_MS);
  }

  function track(promise: Promise<unknown>): void {
    inflight.add(promise);
    void promise.finally(() => inflight.delete(promise));
  }

  function startPublish(id: string): void {
    if (!documents || publishing.has(id)) return;
    publishing.add(id);
    track(
      documents
        .publish(id)
        .then(
          (blobs) => {
            if (!blobs) return retryLater();
            return enqueue(() => {
              const row = rowMap(maps.documents.get(id));
              if (!row) return Promise.resolve();
              doc.transact(() => {
                row.set('packageSha', blobs.packageSha);
                row.set('originalSha', blobs.originalSha);
              }, LOCAL_ORIGIN);
              return Promise.resolve();
            });
          },
          (error: unknown) => {
            report(`A document could not be sent to the sync server yet (${message(error)}); it will be tried again.`);
            retryLater();
          },
        )
        .finally(() => publishing.delete(id)),
    );
  }

  function startFetch(id: string): void {
    const row = rowMap(maps.documents.get(id));
    if (!documents || fetching.has(id) || !row) return;
    const packageSha = row.get('packageSha');
    const originalSha = row.get('originalSha');
    if (typeof packageSha !== 'string') return;
    const blobs: DocumentBlobs = { packageSha, originalSha: typeof originalSha === 'string' ? originalSha : null };
    fetching.add(id);
    track(
      documents
        .fetch(id, blobs)
        .then(
          (ok) => {
            // The package holds the rows as they were published: the doc's fields go over them.
            if (ok) remote.documents.set(id, 'row');
            else retryLater();
          },
          (error: unknown) => {
            report(`A document could not be brought from the sync server yet (${message(error)}); it will be tried again.`);
            retryLater();
          },
        )
        .finally(() => {
          fetching.delete(id);
          scheduleFlush();
        }),
    );
  }

  // ---- lifecycle -------------------------------------------------------------------------------

  async function start(): Promise<void> {
    if (state !== 'idle') throw new Error('This library sync was already started; make a new one with a fresh Y.Doc.');
    const log = await db.syncLog.orderBy(':id').toArray();
    const saved = log.length ? Y.mergeUpdates(log.map((row) => row.update)) : undefined;
    if (doc.store.clients.size > 0) {
      // A doc that holds more than the saved log may have run ahead of Dexie: never diff against it.
      const check = new Y.Doc();
      if (saved) Y.applyUpdate(check, saved);
      const ours = Y.decodeStateVector(Y.encodeStateVector(check));
      for (const [client, clock] of Y.decodeStateVector(Y.encodeStateVector(doc))) {
        if ((ours.get(client) ?? 0) < clock) {
          state = 'stopped';
          const text = 'Sync could not start: its state is ahead of what this machine saved. Open the library again to sync from what was saved.';
          report(text);
          throw new Error(text);
        }
      }
    }
    if (saved) Y.applyUpdate(doc, saved, LOCAL_ORIGIN);
    logRows = log.length;
    const meta = await db.syncMeta.toArray();
    for (const { key, value } of meta) {
      if (key === KNOWN_DOCS && Array.isArray(value)) {
        known = new Set(value.filter((id): id is string => typeof id === 'string'));
        knownSaved = [...known].sort().join('\n');
      } else if (key === REFUSED && Array.isArray(value)) {
        for (const id of value) if (typeof id === 'string') refused.add(id);
        refusedSaved = [...refused].sort().join('\n');
      } else if (key.startsWith(PURGED)) purged.add(key.slice(PURGED.length));
    }
    state = 'running';
    listen();
    // An empty log with rows in Dexie: a new machine, or a library restored from a backup.
    await enqueue(() => reconcile(ROW_TABLES, log.length === 0 ? 'join' : 'local'));
  }

  function stop(): void {
    if (state === 'stopped') return;
    state = 'stopped';
    for (const cleanup of cleanups.splice(0)) cleanup();
    if (timer !== undefined) clearTimeout(timer);
    if (retryTimer !== undefined) clearTimeout(retryTimer);
    timer = undefined;
    retryTimer = undefined;
  }

  async function idle(): Promise<void> {
    for (;;) {
      if (state !== 'running') return;
      if (timer !== undefined) await new Promise((resolve) => setTimeout(resolve, DEBOUNCE_MS));
      await tail;
      if (inflight.size) await Promise.allSettled([...inflight]);
      if (timer === undefined && queued === 0 && inflight.size === 0 && !flushQueued) return;
    }
  }

  function pending(): number {
    let changes = 0;
    for (const keys of dirty.values()) changes += keys === 'all' ? 1 : keys.size;
    return changes + unsaved.length + publishing.size + (timer !== undefined ? 1 : 0);
  }

  return { start, stop, idle, pending };
}
