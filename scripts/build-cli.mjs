// Builds the `lectern` command to JavaScript in out/cli (run by `npm ci` through `prepare`), so
// it starts in well under half a second: one esbuild bundle of app/cli.ts (and of the import
// worker it starts), a chunk per command
// loaded on use, packages left to node_modules. bin/lectern.mjs uses it while it is newer than
// every source file in app/, and runs the sources through tsx otherwise.
import { build } from 'esbuild';
import { rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const repo = fileURLToPath(new URL('..', import.meta.url));
const outdir = `${repo}out/cli`;
rmSync(outdir, { recursive: true, force: true });
await build({
  // The import worker is an entry of its own: `lectern` runs each import in a worker thread
  // with a memory limit (app/cli/import-in-worker.ts), loaded from out/cli/import-worker.js.
  entryPoints: { cli: `${repo}app/cli.ts`, 'import-worker': `${repo}app/cli/import-worker.ts` },
  bundle: true,
  splitting: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  outdir,
  packages: 'external',
  logLevel: 'warning',
});
// The stamp is written last: a build that stopped halfway never looks fresh.
writeFileSync(`${outdir}/built-at`, new Date().toISOString() + '\n');
