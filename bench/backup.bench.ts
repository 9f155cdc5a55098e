// Restoring crafted and hostile backups (app/store/crafted-backups.ts) against valid backups of
// the same library, in the same run: outcome, seconds and peak memory for each. Every restore runs
// in a process of its own (this file, started again with --case), so its peak resident memory is
// its own; the file is read from disk as a file-backed Blob, as the app reads a chosen file. The
// size-driven cases are scaled up here: a 1 GB deflate bomb, a 40 MB title, 1,000,000 levels of
// nesting. Baselines: the valid backup the crafted files start from, and a valid backup of 10,000
// highlights (restored into an empty library, and written).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, openAsBlob, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { exportLibrary, importLibrary } from '../app/store/backup';
import { dumpAll, fillLibrary } from '../app/store/backup-fixtures';
import { CRAFTED_BACKUPS, type ValidBackups } from '../app/store/crafted-backups';
import { exportLegacyBackup } from '../app/store/legacy-export';
import { openTestDb } from '../app/store/test-support';
import { sized, smoke, writeResult } from './harness';

/** How much bigger the size-driven cases are made here than in the unit tests. */
const SCALE: Record<string, number> = {
  'zip bomb: a part that unpacks far past its declared size': 16,
  'zip bomb: a part packed into more bytes than it claims to unpack to': 16,
  'huge title': 2,
  'note nested 100,000 levels deep': 10,
};
const LARGE = sized(10_000, 200);

interface Measured {
  outcome: string;
  seconds: number;
  peakMb: number;
  /** Resident memory just before the restore: what the process held for the library and the runtime. */
  startMb: number;
}

const mb = (kb: number) => Math.round(kb / 102.4) / 10;

/** Child: restores one file over a small library and reports what happened. */
async function measure(path: string, empty: boolean): Promise<Measured> {
  const db = await openTestDb();
  if (!empty) await fillLibrary(db, 3);
  const before = empty ? null : JSON.stringify(await dumpAll(db));
  const file = await openAsBlob(path);
  global.gc?.();
  const startMb = mb(process.memoryUsage().rss / 1024);
  const started = performance.now();
  const result = await importLibrary(db, file, { mode: 'replace' });
  const seconds = (performance.now() - started) / 1000;
  const peakMb = mb(process.resourceUsage().maxRSS);
  if (!result.ok && before !== null && JSON.stringify(await dumpAll(db)) !== before) throw new Error(`${path}: a refused restore changed the library`);
  const outcome = result.ok ? `restored ${Object.values(result.value.written).reduce((a, b) => a + b, 0)} rows` : `refused: ${result.error}`;
  return { outcome, seconds: Math.round(seconds * 1000) / 1000, peakMb, startMb };
}

function runChild(path: string, empty = false): Measured {
  const child = spawnSync(process.execPath, ['--expose-gc', '--import', 'tsx', fileURLToPath(import.meta.url), '--measure', path, empty ? '--empty' : ''], {
    encoding: 'utf8',
    maxBuffer: 16 * 1024 * 1024,
  });
  if (child.status !== 0) throw new Error(`measuring ${path} failed:\n${child.stderr}`);
  return JSON.parse(child.stdout.trim().split('\n').at(-1)!) as Measured;
}

const measureAt = process.argv.indexOf('--measure');
if (measureAt >= 0) {
  console.log(JSON.stringify(await measure(process.argv[measureAt + 1]!, process.argv.includes('--empty'))));
  process.exit(0);
}

const dir = mkdtempSync(join(tmpdir(), 'lectern-bench-backup-'));
try {
  const source = await openTestDb();
  await fillLibrary(source, 12);
  const valid: ValidBackups = { archive: await exportLibrary(source), legacy: await exportLegacyBackup(source) };
  const save = async (name: string, blob: Blob) => {
    const path = join(dir, name);
    writeFileSync(path, new Uint8Array(await blob.arrayBuffer()));
    return path;
  };
  const validArchive = await save('valid.zip', valid.archive);
  const validLegacy = await save('valid.json', valid.legacy);

  const large = await openTestDb();
  await fillLibrary(large, LARGE);
  let started = performance.now();
  const largeFile = await exportLibrary(large);
  const exportSeconds = (performance.now() - started) / 1000;
  const largeArchive = await save('large.zip', largeFile);

  // Baselines, measured like the cases, in this run.
  const baseline = runChild(validArchive);
  const baselines = [
    { kind: 'baseline', name: 'valid backup the crafted files start from (archive)', bytes: statSync(validArchive).size, ...baseline },
    { kind: 'baseline', name: 'valid backup the crafted files start from (old JSON format)', bytes: statSync(validLegacy).size, ...runChild(validLegacy) },
    { kind: 'baseline', name: `valid backup of ${LARGE.toLocaleString('en')} highlights, into an empty library`, bytes: statSync(largeArchive).size, ...runChild(largeArchive, true) },
  ];

  const rows = [];
  // Smoke runs take every fourth case, so CI still sees a break in the harness or the child.
  for (const crafted of CRAFTED_BACKUPS.filter((_, i) => !smoke || i % 4 === 0)) {
    started = performance.now();
    const path = await save(`case-${rows.length}`, await crafted.make(valid, sized(SCALE[crafted.name] ?? 1, 1)));
    const made = runChild(path);
    if (!crafted.message.test(made.outcome)) throw new Error(`${crafted.name}: unexpected outcome ${made.outcome}`);
    rows.push({
      kind: crafted.kind,
      name: crafted.name,
      scale: sized(SCALE[crafted.name] ?? 1, 1),
      bytes: statSync(path).size,
      ...made,
      secondsRatio: Math.round((made.seconds / baseline.seconds) * 100) / 100,
      peakRatio: Math.round((made.peakMb / baseline.peakMb) * 100) / 100,
    });
  }

  writeResult('backup', {
    what: 'restoring each crafted backup in a process of its own (Node, fake-indexeddb, replace mode over a small library): outcome, seconds, peak resident memory',
    baseline: 'the valid backup the crafted files are made from, restored the same way in the same run; ratios are against it',
    exportOf10000Highlights: { seconds: Math.round(exportSeconds * 1000) / 1000, bytes: largeFile.size },
    worstSecondsRatio: Math.max(...rows.map((row) => row.secondsRatio)),
    worstPeakRatio: Math.max(...rows.map((row) => row.peakRatio)),
    baselines,
    rows,
  });
  source.close();
  large.close();
} finally {
  rmSync(dir, { recursive: true, force: true });
}
