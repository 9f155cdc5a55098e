import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { fileURLToPath } from 'node:url';

/** Deterministic pseudo-random numbers in [0, 1) (mulberry32), so every run of a benchmark sees the same data. */
export { seededRandom } from '../app/citations/perceptron';

/**
 * Smoke mode (BENCH_SMOKE=1): every benchmark runs once at a small size, so CI sees at once when
 * one breaks. Nothing about time is asserted, and the committed results are never overwritten.
 */
export const smoke = process.env.BENCH_SMOKE === '1';

/** The full size of a benchmark, or its small size in smoke mode. */
export function sized<T>(full: T, small: T): T {
  return smoke ? small : full;
}

/** Timing of one measured function: every sample in milliseconds, and their median. */
export interface Timing {
  samples: number[];
  medianMs: number;
}

/** Runs `fn` a few times to warm up, then `runs` times, and returns the timings (once, unwarmed, in smoke mode). */
export async function time(fn: () => unknown, runs = 15, warmup = 3): Promise<Timing> {
  if (smoke) [runs, warmup] = [1, 0];
  for (let i = 0; i < warmup; i++) await fn();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await fn();
    samples.push(performance.now() - start);
  }
  const sorted = [...samples].sort((a, b) => a - b);
  return { samples: samples.map((s) => Math.round(s * 1000) / 1000), medianMs: sorted[Math.floor(sorted.length / 2)]! };
}

/** Where results go: BENCH_RESULTS_DIR when set, a temporary folder in smoke mode, else bench/results. */
function resultsDir(): string {
  if (process.env.BENCH_RESULTS_DIR) return process.env.BENCH_RESULTS_DIR.replace(/\/?$/, '/');
  if (smoke) return `${mkdtempSync(`${tmpdir()}/lectern-bench-smoke-`)}/`;
  return fileURLToPath(new URL('./results/', import.meta.url));
}

/** Writes <results>/<name>.json with the machine and Node version. */
export function writeResult(name: string, result: Record<string, unknown>): void {
  const dir = resultsDir();
  mkdirSync(dir, { recursive: true });
  const payload = { name, date: new Date().toISOString(), node: process.version, ...(smoke ? { smoke: true } : {}), ...result };
  writeFileSync(`${dir}${name}.json`, JSON.stringify(payload, null, 2) + '\n');
  console.log(JSON.stringify(payload, (key, value: unknown) => (key === 'samples' ? undefined : value), 2));
}

/**
 * The built web renderer for the benchmarks that drive Chromium: BENCH_WEB_DIR when a build is
 * given (the smoke run passes the end-to-end suite's), else a fresh build in a temporary folder.
 */
export function webBuild(): string {
  if (process.env.BENCH_WEB_DIR) return process.env.BENCH_WEB_DIR.replace(/\/$/, '');
  const repo = fileURLToPath(new URL('..', import.meta.url));
  const outDir = mkdtempSync(`${tmpdir()}/lectern-bench-web-`);
  const args = ['node_modules/vite/bin/vite.js', 'build', '--config', 'renderer/vite.config.ts', '--logLevel', 'error', '--outDir', outDir, '--emptyOutDir'];
  const build = spawnSync(process.execPath, args, { cwd: repo, stdio: 'inherit' });
  if (build.status !== 0) throw new Error('web build failed');
  return outDir;
}
