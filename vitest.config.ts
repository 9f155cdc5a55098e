import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

// One worker per core but one, at least one: on CI's 2-core machine the whole run is one test
// file at a time, so a spec's Chromium and the static server have the other core. End-to-end
// specs never run side by side (each drives its own browser).
const workers = Math.max(1, availableParallelism() - 1);

export default defineConfig({
  test: {
    maxWorkers: workers,
    projects: [
      {
        test: {
          name: 'unit',
          include: ['app/**/*.test.ts', 'main/**/*.test.ts', 'renderer/**/*.test.ts', 'renderer/**/*.test.tsx', 'tests/lint/**/*.test.ts', 'scripts/**/*.test.ts'],
          environment: 'node',
          // A bound against a hung test, not a speed target: tests that start a process or read a
          // PDF take many times longer on a busy 2-core machine than on a quiet one.
          testTimeout: 30_000,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.spec.ts'],
          environment: 'node',
          testTimeout: 60_000,
          hookTimeout: 180_000,
          fileParallelism: false,
          globalSetup: ['tests/e2e/global-setup.ts'],
        },
      },
    ],
  },
});
