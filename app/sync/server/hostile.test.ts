// Bad input never stops the sync server nor changes a library: malformed requests, an upload cut
// off halfway, garbage WebSocket frames, and a broken Yjs update sent with a valid token.
import { HocuspocusProvider } from '@hocuspocus/provider';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { connect as connectTcp } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { startSyncServer, type RunningSyncServer } from './sync-server';

const LIBRARY = 'hostile-test';
const TOKEN = 'the-right-token';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function serve(): Promise<{ server: RunningSyncServer; lines: string[]; dataDir: string }> {
  const dataDir = mkdtempSync(join(tmpdir(), 'lectern-sync-hostile-'));
  cleanups.push(() => rmSync(dataDir, { recursive: true, force: true }));
  const lines: string[] = [];
  const original = console.error;
  console.error = (...args: unknown[]) => lines.push(args.map(String).join(' '));
  cleanups.push(() => {
    console.error = original;
  });
  const server = await startSyncServer({ port: 0, dataDir, libraries: { [LIBRARY]: TOKEN } });
  cleanups.push(() => server.close());
  return { server, lines, dataDir };
}

/** Sends raw bytes over TCP and resolves with whatever comes back before the socket closes. */
function raw(port: number, text: string, { cut = false } = {}): Promise<string> {
  return new Promise((resolve) => {
    const socket = connectTcp(port, '127.0.0.1');
    let answer = '';
    socket.on('data', (chunk) => (answer += chunk.toString('latin1')));
    socket.on('error', () => resolve(answer));
    socket.on('close', () => resolve(answer));
    socket.write(text, () => {
      if (cut) setTimeout(() => socket.destroy(), 100);
      else setTimeout(() => socket.end(), 300);
    });
  });
}

async function until(check: () => boolean, what: string, timeoutMs = 20_000): Promise<void> {
  const start = Date.now();
  while (!check()) {
    if (Date.now() - start > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

function client(url: string): { doc: Y.Doc; synced: () => boolean; failures: string[] } {
  const doc = new Y.Doc();
  let synced = false;
  const failures: string[] = [];
  const provider = new HocuspocusProvider({
    url,
    name: LIBRARY,
    document: doc,
    token: TOKEN,
    onSynced: () => (synced = true),
    onAuthenticationFailed: ({ reason }) => failures.push(reason),
  });
  cleanups.push(() => provider.destroy());
  return { doc, synced: () => synced, failures };
}

/** lib0's variable-length unsigned integer. */
function varUint(value: number): number[] {
  const bytes: number[] = [];
  while (value > 0x7f) {
    bytes.push(0x80 | (value & 0x7f));
    value = Math.floor(value / 128);
  }
  bytes.push(value);
  return bytes;
}

function varBytes(bytes: Uint8Array): number[] {
  return [...varUint(bytes.length), ...bytes];
}

/** A Hocuspocus frame: the document name, then the message's parts. */
function frame(...parts: number[][]): Uint8Array {
  return new Uint8Array([...varBytes(new TextEncoder().encode(LIBRARY)), ...parts.flat()]);
}

describe('sync server under bad input', () => {
  it('answers malformed and cut-off HTTP requests and keeps serving', async () => {
    const { server, lines } = await serve();
    const url = new URL(server.httpUrl);
    const port = Number(url.port);

    expect(await raw(port, 'NOT HTTP AT ALL\r\n\r\n')).toMatch(/^HTTP\/1\.1 400/);
    expect(await raw(port, 'GET http://[::1 HTTP/1.1\r\nHost: x\r\n\r\n')).toMatch(/^HTTP\/1\.1 40\d/);
    // An upload that stops before its declared length: nothing is kept.
    const sha = 'a'.repeat(64);
    await raw(
      port,
      `PUT /blobs/${LIBRARY}/${sha} HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer ${TOKEN}\r\nContent-Length: 100000\r\n\r\n${'x'.repeat(500)}`,
      { cut: true },
    );
    const head = await fetch(`${server.httpUrl}/blobs/${LIBRARY}/${sha}`, { method: 'HEAD', headers: { Authorization: `Bearer ${TOKEN}` } });
    expect(head.status).toBe(404);
    await until(() => lines.some((line) => line.includes('stopped before its end; nothing was kept')), 'the cut-off upload to be logged');

    const a = client(server.url);
    await until(() => a.synced(), 'a client to sync after the bad requests');
  });

  it('drops garbage frames and a broken update, and the library stays as it was', async () => {
    const { server, lines } = await serve();
    const a = client(server.url);
    await until(() => a.synced(), 'A to sync');
    a.doc.getMap('annotations').set('kept', 'yes');

    // Garbage before authenticating.
    const junk = new WebSocket(server.url);
    junk.binaryType = 'arraybuffer';
    await new Promise((resolve, reject) => {
      junk.onopen = resolve;
      junk.onerror = reject;
    });
    junk.send(new Uint8Array([0xff, 0xff, 0xff, 0xff, 0x01, 0x02]));
    junk.send('not even binary');

    // A valid token, then a Yjs update that is not one.
    const broken = new WebSocket(server.url);
    broken.binaryType = 'arraybuffer';
    const authenticated = new Promise<void>((resolve, reject) => {
      broken.onmessage = () => resolve();
      broken.onerror = reject;
    });
    await new Promise((resolve, reject) => {
      broken.onopen = resolve;
      broken.onerror = reject;
    });
    // Auth, Token, the token.
    broken.send(frame(varUint(2), varUint(0), varBytes(new TextEncoder().encode(TOKEN))));
    await authenticated;
    // Sync, Update, bytes that do not decode as a Yjs update.
    broken.send(frame(varUint(0), varUint(2), varBytes(new Uint8Array([0x09, 0xff, 0x00, 0x13, 0x37, 0x00, 0xff]))));
    cleanups.push(() => {
      junk.close();
      broken.close();
    });

    // The server still serves, and a fresh client sees exactly what A wrote.
    a.doc.getMap('annotations').set('after', 'still syncing');
    const b = client(server.url);
    await until(() => b.synced() && b.doc.getMap('annotations').get('after') === 'still syncing', 'B to sync after the garbage');
    expect(b.doc.getMap('annotations').toJSON()).toEqual({ kept: 'yes', after: 'still syncing' });
    // The broken update did reach the server, which refused it (Hocuspocus logs it) and went on.
    expect(lines.some((line) => /Yjs update/.test(line))).toBe(true);
  });

  it('refuses every client with a sentence while its library list is broken, and admits them again once it is fixed', async () => {
    const { server, dataDir } = await serve();
    const listPath = join(dataDir, 'libraries.json');
    const good = readFileSync(listPath, 'utf8');
    writeFileSync(listPath, '{ "hostile-test": ');
    const message = 'The sync server cannot read its list of libraries (libraries.json); its operator must check it.';
    const a = client(server.url);
    await until(() => a.failures.length > 0, 'the refusal');
    expect(a.failures).toEqual([message]);
    const blob = await fetch(`${server.httpUrl}/blobs/${LIBRARY}/${'b'.repeat(64)}`, { headers: { Authorization: `Bearer ${TOKEN}` } });
    expect(blob.status).toBe(503);
    expect(((await blob.json()) as { error: string }).error).toBe(message);

    writeFileSync(listPath, good);
    const b = client(server.url);
    await until(() => b.synced(), 'B to sync once the list is fixed');
  });

  it('will not start on a broken library list', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'lectern-sync-hostile-'));
    cleanups.push(() => rmSync(dataDir, { recursive: true, force: true }));
    writeFileSync(join(dataDir, 'libraries.json'), 'not json');
    await expect(startSyncServer({ port: 0, dataDir, quiet: true })).rejects.toThrow(/^The library list .*libraries\.json cannot be read \(.*\); fix or remove it\.$/);
  });
});
