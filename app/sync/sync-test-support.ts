/**
 * Test helpers for the sync engine: machines (a fake IndexedDB store, a Y.Doc and an engine) whose
 * docs are linked directly, as a server would relay their updates, with a switch for going
 * offline. Imported by tests and benchmarks only.
 */
import { IDBFactory } from 'fake-indexeddb';
import * as Y from 'yjs';
import type { LecternDb } from '../store/db';
import type { StoredAnnotation } from '../store/records';
import type { ParsedDocument } from '../documents/model';
import { saveImportedDocument } from '../store/documents-repo';
import { openTestDb } from '../store/test-support';
import type { DocumentBlobs, DocumentTransfer, NoteContentBridge, NoteKey } from './contract';
import { createLibrarySync, type LibrarySync } from './library-sync';

/** The origin a linked doc's updates arrive with. */
export const RELAYED = 'relayed';

/** One machine: its store (reopened on restart from the same fake IndexedDB), doc and engine. */
export interface Machine {
  name: string;
  db: LecternDb;
  doc: Y.Doc;
  sync: LibrarySync;
  errors: string[];
  /** Rows remote changes wrote here, as "table/key", in order (what the app's search index hears). */
  arrived: string[];
  indexedDB: IDBFactory;
  dbName: string;
}

/** A fake document transfer: documents "published" by one machine are imported on another from the same parsed document. */
export class FakeTransfer implements DocumentTransfer {
  readonly published: string[] = [];
  readonly fetched: string[] = [];
  /** When false, publish returns null (as when the server cannot take it yet). */
  canPublish = true;

  constructor(
    private readonly db: () => LecternDb,
    private readonly shelf: Map<string, ParsedDocument>,
  ) {}

  publish(docId: string): Promise<DocumentBlobs | null> {
    if (!this.canPublish) return Promise.resolve(null);
    this.published.push(docId);
    return Promise.resolve({ packageSha: `package-${docId}`, originalSha: null });
  }

  async fetch(docId: string, blobs: DocumentBlobs): Promise<boolean> {
    const parsed = this.shelf.get(docId);
    if (!parsed || blobs.packageSha !== `package-${docId}`) return false;
    this.fetched.push(docId);
    await saveImportedDocument(this.db(), parsed);
    return true;
  }

  /** The fake's documents carry no original (publish gives originalSha null). */
  fetchOriginal(): Promise<boolean> {
    return Promise.resolve(false);
  }
}

/** A fake note bridge that records the keys the engine hands it. */
export class FakeNotes implements NoteContentBridge {
  readonly applied: NoteKey[] = [];
  readonly pushed: NoteKey[] = [];

  applyRemote(keys: readonly NoteKey[]): Promise<void> {
    this.applied.push(...keys);
    return Promise.resolve();
  }

  pushLocal(keys: readonly NoteKey[]): Promise<void> {
    this.pushed.push(...keys);
    return Promise.resolve();
  }
}

export interface MachineOptions {
  documents?: DocumentTransfer;
  notes?: NoteContentBridge;
  /** Reopen this machine's store rather than making a new one. */
  reopen?: Machine;
}

/** Opens (or reopens) a machine's store and starts its engine. */
export async function startMachine(name: string, options: MachineOptions = {}): Promise<Machine> {
  const indexedDB = options.reopen?.indexedDB ?? new IDBFactory();
  const dbName = options.reopen?.dbName ?? `sync-${name}-${Math.random().toString(36).slice(2)}`;
  const db = await openTestDb({ indexedDB, name: dbName });
  return startEngine({ name, db, indexedDB, dbName }, options);
}

/** Starts an engine on an open store with a fresh doc. */
export async function startEngine(base: { name: string; db: LecternDb; indexedDB: IDBFactory; dbName: string }, options: MachineOptions = {}): Promise<Machine> {
  const doc = new Y.Doc();
  const errors: string[] = [];
  const arrived: string[] = [];
  const sync = createLibrarySync({ db: base.db, doc, onError: (text) => errors.push(text), onRemoteRows: (rows) => rows.forEach(({ table, key }) => arrived.push(`${table}/${key}`)), ...(options.documents ? { documents: options.documents } : {}), ...(options.notes ? { notes: options.notes } : {}) });
  await sync.start();
  return { ...base, doc, sync, errors, arrived };
}

/** Stops a machine's engine and closes its store (a restart reopens it). */
export function shutDown(machine: Machine): void {
  machine.sync.stop();
  machine.db.close();
}

/** Relays updates between docs while `connected`; reconnecting exchanges what each missed. */
export class Link {
  connected = true;
  private readonly docs: Y.Doc[] = [];
  private readonly offs: (() => void)[] = [];

  constructor(...docs: Y.Doc[]) {
    for (const doc of docs) this.add(doc);
  }

  add(doc: Y.Doc): void {
    this.docs.push(doc);
    const relay = (update: Uint8Array, origin: unknown) => {
      if (origin === RELAYED || !this.connected) return;
      for (const other of this.docs) if (other !== doc) Y.applyUpdate(other, update, RELAYED);
    };
    doc.on('update', relay);
    this.offs.push(() => doc.off('update', relay));
    if (this.connected) this.exchange();
  }

  remove(doc: Y.Doc): void {
    const index = this.docs.indexOf(doc);
    if (index < 0) return;
    this.docs.splice(index, 1);
    this.offs.splice(index, 1)[0]?.();
  }

  reconnect(): void {
    this.connected = true;
    this.exchange();
  }

  private exchange(): void {
    for (const from of this.docs) {
      for (const to of this.docs) {
        if (from !== to) Y.applyUpdate(to, Y.encodeStateAsUpdate(from, Y.encodeStateVector(to)), RELAYED);
      }
    }
  }
}

/** Waits until every machine's engine has nothing left to do, twice in a row. */
export async function settle(...machines: Machine[]): Promise<void> {
  for (let round = 0; round < 4; round += 1) {
    await new Promise((resolve) => setTimeout(resolve, 5));
    for (const machine of machines) await machine.sync.idle();
  }
}

/** A highlight row of a test library, as the repositories store it. */
export function highlight(id: string, docId: string, overrides: Partial<StoredAnnotation> = {}): StoredAnnotation {
  return {
    id,
    docId,
    selectors: [{ type: 'TextQuoteSelector', exact: 'earlier work' }, { type: 'TextPositionSelector', start: 30, end: 42 }],
    color: 'yellow',
    noteJson: null,
    noteText: '',
    createdAt: 1_000,
    updatedAt: 1_000,
    ...overrides,
  };
}
