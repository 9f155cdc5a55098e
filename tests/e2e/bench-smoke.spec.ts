// Every benchmark, run once at its small size (BENCH_SMOKE=1), so a benchmark that breaks fails
// CI. Nothing about time is asserted: a smoke run only has to finish and write its figures, a
// baseline among them. Benchmarks that drive Chromium reuse the suite's web build.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const repo = fileURLToPath(new URL('../..', import.meta.url));
const webDir = process.env.LECTERN_WEB_OUT ?? `${repo}dist/web`;
const results = mkdtempSync(`${tmpdir()}/lectern-bench-smoke-`);
const benches = readdirSync(`${repo}bench`)
  .filter((file) => file.endsWith('.bench.ts'))
  .map((file) => file.slice(0, -'.bench.ts'.length));

afterAll(() => rmSync(results, { recursive: true, force: true }));

describe('benchmarks (smoke run)', () => {
  it('finds the benchmarks', () => {
    expect(benches).toEqual(expect.arrayContaining(['import-text', 'reader-paint', 'search', 'citations-scale']));
  });

  for (const name of benches) {
    it(`${name} runs at its small size and writes its figures against a baseline`, { timeout: 300_000 }, () => {
      const run = spawnSync(process.execPath, ['--import', 'tsx', `bench/${name}.bench.ts`], {
        cwd: repo,
        encoding: 'utf8',
        maxBuffer: 64 << 20,
        env: { ...process.env, BENCH_SMOKE: '1', BENCH_RESULTS_DIR: results, BENCH_WEB_DIR: webDir },
      });
      expect(run.status, `bench/${name} failed:\n${run.stderr.slice(-3000)}`).toBe(0);
      const file = `${results}/${name}.json`;
      expect(existsSync(file), `bench/${name} wrote no ${name}.json`).toBe(true);
      const payload = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
      expect(payload).toMatchObject({ name, smoke: true });
      expect(JSON.stringify(payload)).toMatch(/"baseline/i);
    });
  }
});
