// `npm run web`: builds the renderer for the browser and serves it on 127.0.0.1.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { startStaticServer } from './static-server.mjs';

const repo = fileURLToPath(new URL('..', import.meta.url));
// LECTERN_WEB_OUT lets a test build elsewhere, so it never races the end-to-end build in dist/web.
const outDir = process.env.LECTERN_WEB_OUT ?? `${repo}dist/web`;
const build = spawnSync(process.execPath, ['node_modules/vite/bin/vite.js', 'build', '--config', 'renderer/vite.config.ts', '--logLevel', 'warn', '--outDir', outDir, '--emptyOutDir'], {
  cwd: repo,
  stdio: 'inherit',
});
if (build.status !== 0) process.exit(build.status ?? 1);

const port = Number(process.env.PORT ?? 5183);
const { url } = await startStaticServer(outDir, port);
console.log(`Lectern (web) is running at ${url}  (Ctrl+C to stop)`);
