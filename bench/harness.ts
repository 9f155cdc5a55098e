import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** Timing of one measured function: every sample in milliseconds, and their median. */
export interface Timing {
  samples: number[];
  medianMs: number;
}

/** Runs `fn` a few times to warm up, then `runs` times, and returns the timings. */
export async function time(fn: () => unknown, runs = 15, warmup = 3): Promise<Timing> {
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

/** Writes bench/results/<name>.json with the machine and Node version. */
export function writeResult(name: string, result: Record<string, unknown>): void {
  const dir = fileURLToPath(new URL('./results/', import.meta.url));
  mkdirSync(dir, { recursive: true });
  const payload = { name, date: new Date().toISOString(), node: process.version, ...result };
  writeFileSync(`${dir}${name}.json`, JSON.stringify(payload, null, 2) + '\n');
  console.log(JSON.stringify(payload, (key, value: unknown) => (key === 'samples' ? undefined : value), 2));
}
