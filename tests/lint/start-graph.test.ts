import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';

/**
 * The app's start loads the library and nothing more (README: "the start of the app loads the
 * library and nothing more"): the modules reached from renderer/src/main.tsx without a dynamic
 * import may use React and Dexie only. A static import that pulls citation-js, the graph library,
 * Lexical or pdf.js into the start (one helper constant is enough) fails here, not in a student's
 * first second.
 */
const ALLOWED = ['dexie', 'dexie-react-hooks', 'react', 'react-dom', 'scheduler'];

async function packagesAtStart(): Promise<string[]> {
  const result = await build({
    entryPoints: ['renderer/src/main.tsx'],
    absWorkingDir: new URL('../..', import.meta.url).pathname,
    bundle: true,
    write: false,
    metafile: true,
    format: 'esm',
    splitting: true,
    outdir: 'out/start-graph',
    platform: 'browser',
    logLevel: 'silent',
    loader: { '.css': 'empty', '.xml': 'text', '.svg': 'text', '.png': 'empty' },
    // Workers and assets load apart from the start; Node-only branches of packages are never run.
    external: ['node:*', 'node-fetch', 'fetch-blob', '*?worker', '*?url', '*?raw'],
  });
  const inputs = result.metafile.inputs;
  const seen = new Set(['renderer/src/main.tsx']);
  const queue = ['renderer/src/main.tsx'];
  for (let file = queue.shift(); file !== undefined; file = queue.shift()) {
    for (const imported of inputs[file]?.imports ?? []) {
      if (imported.kind === 'dynamic-import' || seen.has(imported.path)) continue;
      seen.add(imported.path);
      queue.push(imported.path);
    }
  }
  const packages = [...seen].map((path) => /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(path)?.[1]).filter((name): name is string => name !== undefined);
  return [...new Set(packages)].sort();
}

describe('the start of the app', () => {
  it('statically reaches React and Dexie only; every other library loads with the view that needs it', async () => {
    const packages = await packagesAtStart();
    expect(packages).toContain('react');
    expect(packages.filter((name) => !ALLOWED.includes(name))).toEqual([]);
  });
});
