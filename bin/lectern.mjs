#!/usr/bin/env node
// `lectern`: runs the CLI built by `npm ci` (scripts/build-cli.mjs, out/cli) while it is newer
// than every file in app/; otherwise (a source edited since, or no build) the TypeScript
// sources through tsx, so the command is never stale and always works right after `npm ci`.
import { readdirSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const repo = fileURLToPath(new URL('..', import.meta.url));

function builtIsFresh() {
  let built;
  try {
    built = statSync(`${repo}out/cli/built-at`).mtimeMs;
  } catch {
    return false;
  }
  for (const entry of readdirSync(`${repo}app`, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !/\.(ts|json)$/.test(entry.name) || entry.name.endsWith('.test.ts')) continue;
    if (statSync(`${entry.parentPath ?? entry.path}/${entry.name}`).mtimeMs > built) return false;
  }
  return true;
}

let main;
if (process.env.LECTERN_FROM_SOURCES !== '1' && builtIsFresh()) {
  ({ main } = await import(`${repo}out/cli/cli.js`));
} else {
  const { register } = await import('tsx/esm/api');
  register();
  ({ main } = await import('../app/cli.ts'));
}
process.exitCode = await main(process.argv.slice(2));
