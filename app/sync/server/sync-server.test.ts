// The sync server end to end over loopback: Hocuspocus providers (Node 22's WebSocket) on one
// library, its refusals, its SQLite persistence, a kill mid-sync, and the blob routes.
import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { launchSyncServer, type LaunchedSyncServer } from '../../../tests/e2e/sync-server';
import { startSyncServer, type RunningSyncServer } from './sync-server';

const LIBRARY = 'study-group';
const TOKEN = 'correct-horse-battery-staple';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'lectern-sync-server-'));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

async function serve(dataDir: string, extra: { maxBlobBytes?: number } = {}): Promise<RunningSyncServer> {
  const server = await startSyncServer({ port: 0, dataDir, libraries: { [LIBRARY]: TOKEN }, quiet: true, ...extra });
  cleanups.push(() => server.close());
  return server;
}

/** Polls until `check` holds; a bound against a hang, not a speed target. */
async function until(check: () => boolean, what: string, timeoutMs = 20_000): Promise<void> {
  const start = Date.now();
  while (!check()) {
    if (Date.now() - start > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

interface Client {
  doc: Y.Doc;
  provider: HocuspocusProvider;
  failures: string[];
  synced: () => boolean;
}

function connect(url: string, options: { name?: string; token?: string | null; doc?: Y.Doc } = {}): Client {
  const doc = options.doc ?? new Y.Doc();
  const failures: string[] = [];
  let synced = false;
  const provider = new HocuspocusProvider({
    url,
    name: options.name ?? LIBRARY,
    document: doc,
    token: options.token === undefined ? TOKEN : options.token,
    onAuthenticationFailed: ({ reason }) => failures.push(reason),
    onSynced: () => {
      synced = true;
    },
  });
  cleanups.push(() => provider.destroy());
  return { doc, provider, failures, synced: () => synced };
}

/** A library as the SQLite file holds it, read directly: the merged state and the updates kept since. */
function stored(dataDir: string, name = LIBRARY): { doc: Y.Doc; pendingUpdates: number } {
  const db = new DatabaseSync(join(dataDir, 'lectern-sync.sqlite'), { readOnly: true });
  try {
    const row = db.prepare('SELECT state FROM documents WHERE name = ?').get(name) as { state: Uint8Array } | undefined;
    const updates = db.prepare('SELECT data FROM updates WHERE name = ? ORDER BY seq').all(name) as { data: Uint8Array }[];
    const doc = new Y.Doc();
    if (row) Y.applyUpdate(doc, row.state);
    for (const update of updates) Y.applyUpdate(doc, update.data);
    return { doc, pendingUpdates: updates.length };
  } finally {
    db.close();
  }
}

const wrongToken = `The sync server refused the token for “${LIBRARY}”. Check the token in Lectern’s sync settings.`;

describe('sync server: Yjs over WebSocket', () => {
  it('two clients of one library converge on a map edit, both ways', async () => {
    const server = await serve(tempDir());
    const a = connect(server.url);
    const b = connect(server.url);
    await until(() => a.synced() && b.synced(), 'both clients to sync');
    a.doc.getMap('annotations').set('h1', 'yellow');
    await until(() => b.doc.getMap('annotations').get('h1') === 'yellow', 'B to see A’s highlight');
    b.doc.getMap('notebooks').set('n1', 'Week 3');
    await until(() => a.doc.getMap('notebooks').get('n1') === 'Week 3', 'A to see B’s notebook');
    expect(a.failures).toEqual([]);
    expect(b.failures).toEqual([]);
  });

  it('refuses a wrong token, a missing token and an unknown library with a sentence, and exchanges no data', async () => {
    const server = await serve(tempDir());
    const a = connect(server.url);
    await until(() => a.synced(), 'A to sync');
    a.doc.getMap('annotations').set('secret', 'only for the group');
    // Each intruder holds a change of its own that must never reach the library.
    const cases: [string | null, string, string][] = [
      ['not-the-token', LIBRARY, wrongToken],
      [null, LIBRARY, `The sync server needs a token for “${LIBRARY}”. Enter the token in Lectern’s sync settings.`],
      ['', LIBRARY, `The sync server needs a token for “${LIBRARY}”. Enter the token in Lectern’s sync settings.`],
      [TOKEN, 'other-library', 'The sync server does not know the library “other-library”.'],
    ];
    const intruders: Client[] = [];
    for (const [token, name, message] of cases) {
      const doc = new Y.Doc();
      doc.getMap('annotations').set(`intruder-${intruders.length}`, 'pushed without a token');
      const intruder = connect(server.url, { token, name, doc });
      intruders.push(intruder);
      await until(() => intruder.failures.length > 0, `refusal of ${name} / ${String(token)}`);
      expect(intruder.failures).toEqual([message]);
    }
    // A client that connects after the refusals sees what A wrote and nothing of the intruders.
    const c = connect(server.url);
    await until(() => c.synced() && c.doc.getMap('annotations').get('secret') !== undefined, 'C to sync');
    expect([...c.doc.getMap('annotations').keys()]).toEqual(['secret']);
    for (const intruder of intruders) {
      expect(intruder.synced()).toBe(false);
      expect(intruder.doc.getMap('annotations').get('secret')).toBeUndefined();
      expect(intruder.doc.getMap('annotations').size).toBe(1);
    }
  });

  it('checks the token of each library on a shared connection: one library’s token opens no other', async () => {
    const dataDir = tempDir();
    const server = await startSyncServer({ port: 0, dataDir, libraries: { [LIBRARY]: TOKEN, 'other-group': 'other-token' }, quiet: true });
    cleanups.push(() => server.close());
    const owner = connect(server.url, { name: 'other-group', token: 'other-token' });
    await until(() => owner.synced(), 'the other group to sync');
    owner.doc.getMap('annotations').set('theirs', 'private');

    const socket = new HocuspocusProviderWebsocket({ url: server.url });
    cleanups.push(() => socket.destroy());
    const mine = { doc: new Y.Doc(), synced: false };
    const theirs = { doc: new Y.Doc(), failures: [] as string[] };
    const first = new HocuspocusProvider({ websocketProvider: socket, name: LIBRARY, document: mine.doc, token: TOKEN, onSynced: () => (mine.synced = true) });
    const second = new HocuspocusProvider({
      websocketProvider: socket,
      name: 'other-group',
      document: theirs.doc,
      token: TOKEN,
      onAuthenticationFailed: ({ reason }) => theirs.failures.push(reason),
    });
    first.attach();
    second.attach();
    cleanups.push(() => {
      first.destroy();
      second.destroy();
    });
    await until(() => mine.synced && theirs.failures.length > 0, 'one library admitted and the other refused');
    expect(theirs.failures).toEqual(['The sync server refused the token for “other-group”. Check the token in Lectern’s sync settings.']);
    expect(theirs.doc.getMap('annotations').size).toBe(0);
  });

  it('keeps the state across a restart, in an SQLite file that holds every change', async () => {
    const dataDir = tempDir();
    const first = await startSyncServer({ port: 0, dataDir, libraries: { [LIBRARY]: TOKEN }, quiet: true });
    const a = connect(first.url);
    await until(() => a.synced(), 'A to sync');
    const text = a.doc.getText('scratch');
    for (let i = 0; i < 20; i++) {
      a.doc.getMap('annotations').set(`h${i}`, `colour ${i}`);
      text.insert(text.length, `word${i} `);
    }
    a.doc.getMap('annotations').delete('h3');
    await until(() => !a.provider.hasUnsyncedChanges, 'the server to acknowledge A’s changes');
    a.provider.destroy();
    await first.close();

    // Closing rewrites the merged state, which then holds every change on its own.
    const kept = stored(dataDir);
    expect(kept.pendingUpdates).toBe(0);
    expect(kept.doc.getMap('annotations').size).toBe(19);
    expect(kept.doc.getMap('annotations').get('h19')).toBe('colour 19');
    expect(kept.doc.getMap('annotations').has('h3')).toBe(false);
    expect(kept.doc.getText('scratch').toJSON()).toBe(text.toJSON());

    const second = await serve(dataDir);
    const b = connect(second.url);
    await until(() => b.synced() && b.doc.getMap('annotations').size === 19, 'B to get the stored state');
    expect(b.doc.getText('scratch').toJSON()).toBe(text.toJSON());
    expect(Y.encodeStateVector(b.doc)).toEqual(Y.encodeStateVector(a.doc));
  });
});

describe('sync server: killed mid-sync', () => {
  let launched: LaunchedSyncServer | null = null;
  afterEach(async () => {
    await launched?.kill();
    launched = null;
  });

  it('loses nothing: the writer resends after a SIGKILL, a fresh client and the SQLite file see all 50 changes', async () => {
    const dataDir = tempDir();
    launched = await launchSyncServer({ dataDir, libraries: { [LIBRARY]: TOKEN } });
    const a = connect(launched.url);
    await until(() => a.synced(), 'A to sync');
    const highlights = a.doc.getMap('annotations');
    for (let i = 0; i < 50; i++) {
      highlights.set(`h${i}`, { colour: 'yellow', n: i });
      if (i === 24) await launched.kill('SIGKILL');
      else await new Promise((resolve) => setTimeout(resolve, 5));
    }
    await launched.restart();
    await until(() => a.synced() && !a.provider.hasUnsyncedChanges, 'A to reconnect and resend');

    const b = connect(launched.url);
    await until(() => b.synced() && b.doc.getMap('annotations').size === 50, 'B to see all 50 changes');
    for (let i = 0; i < 50; i++) expect(b.doc.getMap('annotations').get(`h${i}`)).toEqual({ colour: 'yellow', n: i });

    // Killed again, with no chance to store anything: the file already holds every change.
    await launched.kill('SIGKILL');
    launched = null;
    const kept = stored(dataDir).doc.getMap('annotations');
    expect(kept.size).toBe(50);
    for (let i = 0; i < 50; i++) expect(kept.get(`h${i}`)).toEqual({ colour: 'yellow', n: i });
  });
});

describe('sync server: blobs', () => {
  const sha = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
  const auth = { Authorization: `Bearer ${TOKEN}` };

  it('puts, heads and gets a blob; refuses a wrong name, a large body, a wrong token; answers CORS preflight', async () => {
    const dataDir = tempDir();
    const server = await serve(dataDir, { maxBlobBytes: 1024 });
    const bytes = new TextEncoder().encode('%PDF-1.7 a small original');
    const name = sha(bytes);
    const at = `${server.httpUrl}/blobs/${LIBRARY}/${name}`;

    expect((await fetch(at, { method: 'HEAD', headers: auth })).status).toBe(404);
    expect((await fetch(at, { headers: auth })).status).toBe(404);
    const put = await fetch(at, { method: 'PUT', headers: auth, body: bytes });
    expect(put.status).toBe(201);
    expect((await fetch(at, { method: 'PUT', headers: auth, body: bytes })).status).toBe(200);
    const head = await fetch(at, { method: 'HEAD', headers: auth });
    expect(head.status).toBe(200);
    expect(head.headers.get('content-length')).toBe(String(bytes.byteLength));
    const got = await fetch(at, { headers: auth });
    expect(got.status).toBe(200);
    expect(got.headers.get('content-type')).toBe('application/octet-stream');
    expect(got.headers.get('access-control-allow-origin')).toBe('*');
    expect(new Uint8Array(await got.arrayBuffer())).toEqual(bytes);

    const other = new TextEncoder().encode('something else');
    const misnamed = await fetch(`${server.httpUrl}/blobs/${LIBRARY}/${sha(other).replace(/^./, (c) => (c === '0' ? '1' : '0'))}`, {
      method: 'PUT',
      headers: auth,
      body: other,
    });
    expect(misnamed.status).toBe(400);
    expect(((await misnamed.json()) as { error: string }).error).toMatch(/SHA-256/);

    const large = new Uint8Array(2048).fill(7);
    const tooLarge = await fetch(`${server.httpUrl}/blobs/${LIBRARY}/${sha(large)}`, { method: 'PUT', headers: auth, body: large });
    expect(tooLarge.status).toBe(413);
    expect((await fetch(`${server.httpUrl}/blobs/${LIBRARY}/${sha(large)}`, { method: 'HEAD', headers: auth })).status).toBe(404);

    // A body sent without a length is cut off as soon as it passes the limit.
    const streamed = await fetch(`${server.httpUrl}/blobs/${LIBRARY}/${sha(large)}`, {
      method: 'PUT',
      headers: auth,
      body: new ReadableStream({
        start(controller) {
          controller.enqueue(large.subarray(0, 1000));
          controller.enqueue(large.subarray(1000));
          controller.close();
        },
      }),
      duplex: 'half',
    } as RequestInit).catch((error: unknown) => error);
    if (streamed instanceof Response) expect(streamed.status).toBe(413);
    expect((await fetch(`${server.httpUrl}/blobs/${LIBRARY}/${sha(large)}`, { method: 'HEAD', headers: auth })).status).toBe(404);

    for (const headers of [{ Authorization: 'Bearer wrong' }, {}] as Record<string, string>[]) {
      const refused = await fetch(at, { headers });
      expect(refused.status).toBe(401);
      expect(((await refused.json()) as { error: string }).error).toMatch(/^The sync server (refused the|needs a) token for “study-group”\./);
      expect((await fetch(at, { method: 'PUT', headers, body: bytes })).status).toBe(401);
    }
    const unknown = await fetch(`${server.httpUrl}/blobs/other-library/${name}`, { headers: auth });
    expect(unknown.status).toBe(401);
    expect(((await unknown.json()) as { error: string }).error).toBe('The sync server does not know the library “other-library”.');

    const preflight = await fetch(at, {
      method: 'OPTIONS',
      headers: { Origin: 'http://127.0.0.1:5173', 'Access-Control-Request-Method': 'PUT', 'Access-Control-Request-Headers': 'authorization' },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe('*');
    expect(preflight.headers.get('access-control-allow-methods')).toContain('PUT');
    expect(preflight.headers.get('access-control-allow-headers')).toContain('Authorization');

    expect((await fetch(`${server.httpUrl}/`)).status).toBe(404);
    expect((await fetch(`${server.httpUrl}/blobs/${LIBRARY}`, { headers: auth })).status).toBe(404);
    expect((await fetch(`${server.httpUrl}/blobs/${LIBRARY}/not-a-sha`, { headers: auth })).status).toBe(400);

    // The blob lives in the same SQLite file as the documents.
    await server.close();
    const db = new DatabaseSync(join(dataDir, 'lectern-sync.sqlite'), { readOnly: true });
    const rows = db.prepare('SELECT library, sha, size FROM blobs').all();
    db.close();
    expect(rows.map((row) => ({ ...row }))).toEqual([{ library: LIBRARY, sha: name, size: bytes.byteLength }]);
  });
});

describe('sync server: libraries and tokens', () => {
  it('keeps only token digests in libraries.json, readable by its owner alone', async () => {
    const dataDir = tempDir();
    await serve(dataDir);
    const text = readFileSync(join(dataDir, 'libraries.json'), 'utf8');
    expect(text).not.toContain(TOKEN);
    expect(JSON.parse(text)).toEqual({ [LIBRARY]: { tokenSha256: createHash('sha256').update(TOKEN).digest('hex') } });
    expect(statSync(join(dataDir, 'libraries.json')).mode & 0o777).toBe(0o600);
  });
});
