import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';
import { startStaticServer } from '../../scripts/static-server.mjs';

const repo = fileURLToPath(new URL('../..', import.meta.url));

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
  }
}

/** Builds the web renderer once and serves it for every spec (in LECTERN_WEB_OUT when set, so two runs never race). */
export default async function setup(project: TestProject) {
  const outDir = process.env.LECTERN_WEB_OUT ?? `${repo}dist/web`;
  const build = spawnSync(process.execPath, ['node_modules/vite/bin/vite.js', 'build', '--config', 'renderer/vite.config.ts', '--logLevel', 'error', '--outDir', outDir, '--emptyOutDir'], {
    cwd: repo,
    encoding: 'utf8',
  });
  if (build.status !== 0) throw new Error(`web build failed:\n${build.stdout}\n${build.stderr}`);
  const { server, url } = await startStaticServer(outDir);
  project.provide('baseUrl', url);
  return () => new Promise<void>((done) => server.close(() => done()));
}
