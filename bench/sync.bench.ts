// Syncing a library of 10,000 highlights to a fresh profile, against handing over its backup file.
// Profile A (fake-indexeddb, the store's repositories) holds 20 documents made from the seed texts,
// 10,000 highlights on their words (quote with 32 characters either side, position, five colours,
// a short Lexical note on every fifth), tags, collections and notebooks. A's sync engine
// (app/sync/library-sync.ts) pushes it through @hocuspocus/provider (Node's WebSocket) to a sync
// server started in this process (startSyncServer, a temporary data folder). Then, several times,
// a FRESH profile B (empty store, empty Y.Doc) starts its engine and connects: measured from the
// connect until B's store holds every highlight, and the bytes B's WebSocket sends and receives
// (counted on the socket given to the provider: every message, both ways, framing excluded).
// B's rows are then checked against A's. Baseline in the same run, the same library: its backup
// file (app/store/backup.ts exportLibrary: its bytes, the time to write it) restored into a fresh
// store (importLibrary, replace mode: the time). Ratios are sync / backup, medians of the repeats.
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import * as Y from 'yjs';
import { importFile } from '../app/documents/import';
import { describeRange } from '../app/anchoring/describe';
import { exportLibrary, importLibrary } from '../app/store/backup';
import type { LecternDb } from '../app/store/db';
import { saveImportedDocument } from '../app/store/documents-repo';
import { putAnnotations, type StoredAnnotation } from '../app/store/annotations-repo';
import { putNotebook } from '../app/store/notebooks-repo';
import { addToCollection, createCollection } from '../app/store/collections-repo';
import { setTags } from '../app/store/tags-repo';
import { openTestDb } from '../app/store/test-support';
import { createBlobClient } from '../app/sync/blob-client';
import { createDocumentTransfer } from '../app/sync/documents/document-transfer';
import { createLibrarySync, type LibrarySync } from '../app/sync/library-sync';
import { startSyncServer } from '../app/sync/server/sync-server';
import { createNoteBridge } from '../renderer/src/sync/notes/note-bridge';
import { seededRandom, sized, writeResult } from './harness';

const HIGHLIGHTS = sized(10_000, 300);
const DOCUMENTS = 20;
const REPEATS = sized(5, 1);
const LIBRARY = 'bench-library';
const TOKEN = 'bench-token-0123456789abcdef';
/** A bound against a sync that never completes (a broken engine), not a speed target. */
const GIVE_UP_MS = 10 * 60_000;
const COLORS = ['yellow', 'green', 'blue', 'pink', 'purple'];
const SEEDS = new URL('../../shared/seeds/', import.meta.url);
const SEED_FILES = ['000_62b2ac4b49efefbf.txt', '001_94063d3630a703df.txt', '002_3e439b9731b77bf4.txt', '003_79ae931a7f31934e.txt', '004_0b201c9d2cc86d46.txt'];

/** A short note as the Lexical editor saves it. */
function lexicalNote(text: string): unknown {
  const textNode = { detail: 0, format: 0, mode: 'normal', style: '', text, type: 'text', version: 1 };
  const paragraph = { children: [textNode], direction: 'ltr', format: '', indent: 0, type: 'paragraph', version: 1, textFormat: 0, textStyle: '' };
  return { root: { children: [paragraph], direction: 'ltr', format: '', indent: 0, type: 'root', version: 1 } };
}

/** Fills `db` as a student's library looks: the seeds as 20 documents, highlights on their words, notes, tags, collections, notebooks. */
async function fillLibrary(db: LecternDb, highlights: number): Promise<void> {
  const random = seededRandom(17);
  const texts: { id: string; text: string }[] = [];
  for (let i = 0; i < DOCUMENTS; i++) {
    const seed = SEED_FILES[i % SEED_FILES.length]!;
    // Each seed four times over, told apart by a closing line, so each is a document of its own (its SHA-256).
    const bytes = new Uint8Array(Buffer.concat([readFileSync(new URL(seed, SEEDS)), Buffer.from(`\n\nReading copy ${i + 1}.\n`)]));
    const parsed = await importFile(`reading-${i + 1}.txt`, bytes);
    if (!parsed.ok) throw new Error(`seed ${seed}: ${parsed.error}`);
    await saveImportedDocument(db, parsed.value);
    texts.push({ id: parsed.value.id, text: parsed.value.text });
  }
  const rows: StoredAnnotation[] = [];
  for (let i = 0; i < highlights; i++) {
    const doc = texts[i % DOCUMENTS]!;
    const length = 12 + Math.floor(random() * 80);
    const start = Math.floor(random() * (doc.text.length - length));
    const { quote, position } = describeRange(doc.text, start, start + length);
    const noted = i % 5 === 0;
    const at = 1_700_000_100_000 + i * 1000;
    const note = `Compare with passage ${i}: ${quote.exact.slice(0, 24)}`;
    rows.push({
      id: `${(0x10000000 + i).toString(16)}-5b1e-4c6a-9d2f-${(0x100000000000 + i * 7919).toString(16)}`,
      docId: doc.id,
      selectors: [quote, position],
      color: COLORS[i % COLORS.length]!,
      noteJson: noted ? lexicalNote(note) : null,
      noteText: noted ? note : '',
      createdAt: at,
      updatedAt: at,
    });
  }
  await putAnnotations(db, rows);
  const ids = texts.map((doc) => doc.id);
  for (let i = 0; i < ids.length; i++) await setTags(db, ids[i]!, [['thesis', 'chapter 2'], ['seminar'], ['methods', 'to read'], []][i % 4]!);
  const seminar = await createCollection(db, 'Seminar', 1_700_000_000_500);
  await addToCollection(db, seminar.id, ids.slice(0, 8), 1_700_000_000_600);
  const thesis = await createCollection(db, 'Thesis sources', 1_700_000_000_700);
  await addToCollection(db, thesis.id, ids.filter((_, i) => i % 3 === 0), 1_700_000_000_800);
  await putNotebook(db, { id: 'nb-1', title: 'Seminar notes', content: lexicalNote('Questions for Thursday'), updatedAt: 1_700_000_000_900 });
  await putNotebook(db, { id: 'nb-2', title: 'Chapter 2 outline', content: lexicalNote('Argument, evidence, objections'), updatedAt: 1_700_000_001_000 });
}

/** Bytes of one WebSocket message, either way. */
function byteLength(data: unknown): number {
  if (typeof data === 'string') return Buffer.byteLength(data);
  if (data instanceof ArrayBuffer) return data.byteLength;
  if (ArrayBuffer.isView(data)) return data.byteLength;
  if (data instanceof Blob) return data.size;
  throw new Error(`a WebSocket message of an unknown kind: ${Object.prototype.toString.call(data)}`);
}

interface Wire {
  /** WebSocket messages (Yjs), both ways. */
  sent: number;
  received: number;
  messages: number;
  /** Blob requests and responses over HTTP (documents' packages): bodies, both ways. */
  blobSent: number;
  blobReceived: number;
  blobRequests: number;
}

/** Node's fetch for the blob client, counting the bytes of every body it sends and receives. */
function countingFetch(counter: Wire): typeof fetch {
  return async (input, init) => {
    const body = init?.body;
    if (body !== undefined && body !== null) counter.blobSent += byteLength(body);
    counter.blobRequests += 1;
    const response = await fetch(input, init);
    const bytes = new Uint8Array(await response.arrayBuffer());
    counter.blobReceived += bytes.byteLength;
    const empty = response.status === 204 || response.status === 304 || init?.method === 'HEAD';
    return new Response(empty ? null : bytes, { status: response.status, statusText: response.statusText, headers: response.headers });
  };
}

/** Node's WebSocket, counting every message's bytes it sends and receives. */
function countingWebSocket(counter: Wire): typeof WebSocket {
  return class CountingWebSocket extends WebSocket {
    constructor(url: string | URL, protocols?: string | string[]) {
      super(url, protocols);
      this.addEventListener('message', (event: MessageEvent) => {
        counter.received += byteLength(event.data);
        counter.messages += 1;
      });
    }
    override send(data: string | ArrayBufferLike | Blob | ArrayBufferView): void {
      counter.sent += byteLength(data);
      counter.messages += 1;
      super.send(data);
    }
  };
}

interface Peer {
  db: LecternDb;
  doc: Y.Doc;
  sync: LibrarySync;
  provider: HocuspocusProvider;
  socket: HocuspocusProviderWebsocket;
  wire: Wire;
  errors: string[];
}

/**
 * A profile's sync as the app runs it (engine, note bridge, document transfer), started on its
 * store, then connected to the server (start() loads the saved log first). The clock starts
 * before the engine starts: a fresh profile's start is part of its sync.
 */
async function connect(db: LecternDb, url: string, httpUrl: string): Promise<Peer & { connectedAt: number }> {
  const connectedAt = performance.now();
  const doc = new Y.Doc();
  const errors: string[] = [];
  const onError = (message: string) => errors.push(message);
  const wire: Wire = { sent: 0, received: 0, messages: 0, blobSent: 0, blobReceived: 0, blobRequests: 0 };
  const notes = createNoteBridge({ db, doc, onError });
  const documents = createDocumentTransfer({ db, blobs: createBlobClient({ serverUrl: httpUrl, library: LIBRARY, token: TOKEN, fetch: countingFetch(wire) }) });
  const sync = createLibrarySync({ db, doc, notes, documents, onError });
  await sync.start();
  const socket = new HocuspocusProviderWebsocket({ url, WebSocketPolyfill: countingWebSocket(wire) });
  const provider = new HocuspocusProvider({ websocketProvider: socket, name: LIBRARY, token: TOKEN, document: doc });
  provider.attach();
  return { db, doc, sync, provider, socket, wire, errors, connectedAt };
}

function disconnect(peer: Peer): void {
  peer.provider.destroy();
  peer.socket.destroy();
  peer.sync.stop();
  peer.doc.destroy();
}

/** Waits (polling, as the bound is long) until `done` holds; throws with `what` past the bound. */
async function until(what: string, done: () => Promise<boolean> | boolean, errors: string[]): Promise<void> {
  const started = performance.now();
  while (!(await done())) {
    if (errors.length) throw new Error(`${what}: the engine reported ${errors.join('; ')}`);
    if (performance.now() - started > GIVE_UP_MS) throw new Error(`${what}: not done after ${GIVE_UP_MS / 1000} s`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

/** The rows that must arrive, in key order, as comparable text. */
async function syncedRows(db: LecternDb): Promise<string> {
  const annotations = (await db.annotations.toArray()).map(({ id, docId, selectors, color, noteText, createdAt }) => ({ id, docId, selectors, color, noteText, createdAt }));
  const tags = (await db.documents.toArray()).map(({ id, tags: list, title }) => ({ id, tags: list, title }));
  const collections = (await db.collections.toArray()).map(({ id, name }) => ({ id, name }));
  const items = (await db.collectionItems.toArray()).map(({ collectionId, docId }) => ({ collectionId, docId }));
  const notebooks = (await db.notebooks.toArray()).map(({ id, title, content }) => ({ id, title, content }));
  const contents = (await db.contents.toArray()).map(({ docId, text }) => ({ docId, text }));
  return JSON.stringify({ annotations, tags, collections, items, notebooks, contents });
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const round = (value: number, places = 3) => Math.round(value * 10 ** places) / 10 ** places;

const dataDir = mkdtempSync(join(tmpdir(), 'lectern-bench-sync-'));
const server = await startSyncServer({ port: 0, dataDir, libraries: { [LIBRARY]: TOKEN }, quiet: true });
try {
  const a = await openTestDb();
  await fillLibrary(a, HIGHLIGHTS);
  const total = await a.annotations.count();

  // Baseline: the backup file of the same library, written, then restored into a fresh store.
  const backup = { bytes: 0, exportMs: [] as number[], importMs: [] as number[] };
  for (let run = 0; run < REPEATS; run++) {
    let started = performance.now();
    const file = await exportLibrary(a);
    backup.exportMs.push(performance.now() - started);
    backup.bytes = file.size;
    const fresh = await openTestDb();
    started = performance.now();
    const restored = await importLibrary(fresh, file, { mode: 'replace' });
    backup.importMs.push(performance.now() - started);
    if (!restored.ok) throw new Error(`backup restore failed: ${restored.error}`);
    if ((await fresh.annotations.count()) !== total) throw new Error('the backup restore lost highlights');
    fresh.close();
  }

  // A pushes the library: from its engine's start until the server has every update and blob.
  const peerA = await connect(a, server.url, server.httpUrl);
  await until('A pushing its library', async () => {
    await peerA.sync.idle();
    return peerA.provider.isSynced && !peerA.provider.hasUnsyncedChanges && peerA.sync.pending() === 0;
  }, peerA.errors);
  const pushMs = performance.now() - peerA.connectedAt;
  const pushWire = { ...peerA.wire };
  const expected = await syncedRows(a);

  // Fresh profiles B, one after another: from the start of B's sync until B's store holds every
  // highlight; then until everything (documents' texts, notes, notebooks, tags) is the same as A's.
  const runs: (Wire & { ms: number; completeMs: number; syncLogBytes: number })[] = [];
  for (let run = 0; run < REPEATS; run++) {
    const b = await openTestDb();
    const peerB = await connect(b, server.url, server.httpUrl);
    await until('B receiving every highlight', async () => (await b.annotations.count()) >= total, peerB.errors);
    const ms = performance.now() - peerB.connectedAt;
    await until('B holding what A holds', async () => {
      await peerB.sync.idle();
      return (await syncedRows(b)) === expected;
    }, peerB.errors);
    const completeMs = performance.now() - peerB.connectedAt;
    const syncLogBytes = (await b.syncLog.toArray()).reduce((sum, row) => sum + Object.values(row).reduce<number>((bytes, value) => bytes + (value instanceof Uint8Array ? value.byteLength : 0), 0), 0);
    runs.push({ ...peerB.wire, ms, completeMs, syncLogBytes });
    disconnect(peerB);
    b.close();
  }
  disconnect(peerA);
  a.close();

  const wireOf = (run: Wire) => run.sent + run.received + run.blobSent + run.blobReceived;
  const syncMs = median(runs.map((run) => run.ms));
  const completeMs = median(runs.map((run) => run.completeMs));
  const wireBytes = median(runs.map(wireOf));
  const backupMs = median(backup.exportMs) + median(backup.importMs);
  await server.close();
  const sqlite = join(dataDir, 'lectern-sync.sqlite');
  writeResult('sync', {
    what: `${total.toLocaleString('en')} highlights (a fifth with a short Lexical note) on ${DOCUMENTS} documents (the seed texts), with tags, 2 collections and 2 notebooks, synced through a sync server in the same process to a fresh profile (Node 22, fake-indexeddb; the app's engine, note bridge and document transfer; @hocuspocus/provider over Node's WebSocket): from the start of B's sync until B's store holds every highlight, and until it holds everything A holds (texts, notes, notebooks, tags); bytes of every WebSocket message B sent and received plus the blob bodies (documents' packages) over HTTP`,
    baseline: 'the backup file of the same library (exportLibrary) restored into a fresh store (importLibrary, replace): its bytes, and the time to write plus restore it, in the same run',
    repeats: REPEATS,
    highlights: total,
    documents: DOCUMENTS,
    sync: {
      highlightsMedianMs: round(syncMs, 1),
      completeMedianMs: round(completeMs, 1),
      wireBytes,
      webSocketBytes: median(runs.map((run) => run.sent + run.received)),
      blobBytes: median(runs.map((run) => run.blobSent + run.blobReceived)),
      runs: runs.map((run) => ({ ...run, ms: round(run.ms, 1), completeMs: round(run.completeMs, 1) })),
    },
    push: { ms: round(pushMs, 1), ...pushWire },
    server: { sqliteBytes: statSync(sqlite, { throwIfNoEntry: false })?.size ?? null },
    backup: {
      bytes: backup.bytes,
      exportMedianMs: round(median(backup.exportMs), 1),
      importMedianMs: round(median(backup.importMs), 1),
      samples: { exportMs: backup.exportMs.map((ms) => round(ms, 1)), importMs: backup.importMs.map((ms) => round(ms, 1)) },
    },
    // B holding everything A holds, against writing the backup and restoring it.
    timeRatio: round(completeMs / backupMs, 2),
    // B holding every highlight, against the same.
    highlightsTimeRatio: round(syncMs / backupMs, 2),
    // B holding everything, against the restore alone (the backup file already written).
    restoreTimeRatio: round(completeMs / median(backup.importMs), 2),
    bytesRatio: round(wireBytes / backup.bytes, 2),
  });
} finally {
  await server.close();
  rmSync(dataDir, { recursive: true, force: true });
}
