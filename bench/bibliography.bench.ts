// An APA bibliography of 1,000 real references (BibTeX files of the development corpus and of
// R packages, read through Lectern's BibTeX import), against `pandoc --citeproc` with the same
// apa.csl on the same CSL-JSON, measured as a whole process in the same run:
// (a) cold: a fresh Node process that reads the CSL-JSON and exports it, as a student's one-off
//     export does (no cache: nothing kept from an earlier run);
// (b) warm: in one process with the store's rendered-entries cache filled (Dexie on
//     fake-indexeddb, the app's repository), after one item changed, as a re-export in the app;
// and, for scale, the same in-process export without the cache (what every export cost before).
// Every cached text is checked against the uncached one: the benchmark fails when they differ.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os, { tmpdir } from 'node:os';
import { fileURLToPath } from 'node:url';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { build } from 'esbuild';
import type { CslItem } from '../app/documents/model';
import { exportItemsCached, type CachedRenderStats } from '../app/export/bibliography-cache';
import { fromBibtexText } from '../app/export/citation-js';
import { exportItems, withCitekeys } from '../app/export/export';
import { registerShippedStyles } from '../app/export/styles-node';
import { openLecternDb } from '../app/store/db';
import { storeEntryCache } from '../app/store/rendered-entries-repo';
import { sized, smoke, time, writeResult } from './harness';

const repo = fileURLToPath(new URL('..', import.meta.url));
const SIZE = sized(1000, 30);
const BIB_FILES = [
  `${repo}eval/citations/made/works.bib`,
  '/usr/lib/R/site-library/plm/REFERENCES.bib',
  '/usr/share/R/share/texmf/bibtex/bib/RJournal.bib',
  '/usr/share/R/share/texmf/bibtex/bib/Rnews.bib',
  '/usr/lib/R/site-library/Rcpp/bib/Rcpp.bib',
];
const PANDOC = '/usr/bin/pandoc';
const APA = `${repo}resources/csl/apa.csl`;
const node = process.execPath;

const sources = BIB_FILES.filter((file) => existsSync(file));
// BibLaTeX list fields come out of citation-js as arrays ("publisher": ["Lawrence", "Wishart"]),
// which CSL-JSON does not allow (pandoc refuses them): joined as BibLaTeX means them, for both.
const asCslJson = (item: CslItem): CslItem =>
  Object.fromEntries(Object.entries(item).map(([field, value]) => [field, Array.isArray(value) && value.every((part) => typeof part === 'string') ? value.join(' and ') : value])) as CslItem;
const items: CslItem[] = withCitekeys(
  sources
    .flatMap((file) => fromBibtexText(readFileSync(file, 'utf8')))
    .slice(0, SIZE)
    .map(asCslJson),
);
const work = mkdtempSync(`${tmpdir()}/lectern-bench-bibliography-`);
const itemsFile = `${work}/items.json`;
writeFileSync(itemsFile, JSON.stringify(items));
writeFileSync(`${work}/doc.md`, "---\nnocite: '@*'\n---\n\n# References\n");

const ok = (result: { ok: true; value: string } | { ok: false; error: string }): string => {
  if (!result.ok) throw new Error(result.error);
  return result.value;
};

// (a) The export as its own process: the app's code built as the CLI is (esbuild, packages from
// node_modules), so Node runs JavaScript, not TypeScript through a compiler.
const exporter = `${work}/export-entry.ts`;
writeFileSync(
  exporter,
  `import { readFileSync } from 'node:fs';
import { exportItems } from ${JSON.stringify(`${repo}app/export/export.ts`)};
import { registerShippedStyles } from ${JSON.stringify(`${repo}app/export/styles-node.ts`)};
const styles = await registerShippedStyles();
if (!styles.ok) throw new Error(styles.error);
const result = exportItems(JSON.parse(readFileSync(process.argv[2], 'utf8')), 'apa');
if (!result.ok) throw new Error(result.error);
process.stdout.write(result.value);
`,
);
// Two folders down from the repository, as out/cli is: styles-node.ts finds resources/csl from there.
mkdirSync(`${repo}out/bench`, { recursive: true });
const bundle = `${repo}out/bench/bibliography-export.mjs`;
await build({ entryPoints: [exporter], bundle: true, platform: 'node', format: 'esm', target: 'node20', outfile: bundle, packages: 'external', logLevel: 'warning' });
const runProcess = (command: string, args: string[]) => () => execFileSync(command, args, { cwd: work, stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 256 * 1024 * 1024 }).toString('utf8');

// CPU seconds (user + system) of the child processes waited for so far (Linux: /proc/self/stat,
// cutime + cstime in clock ticks of 1/100 s): steadier than wall time on a shared machine.
const childCpuMs = (): number | undefined => {
  try {
    const fields = readFileSync('/proc/self/stat', 'utf8').replace(/^.*\) /s, '').split(' ');
    return (Number(fields[13]) + Number(fields[14])) * 10;
  } catch {
    return undefined;
  }
};
/** Runs `fn` (one process) `runs` times and returns the median CPU milliseconds of the child. */
async function processCpu(fn: () => unknown, runs: number): Promise<number | null> {
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const before = childCpuMs();
    await fn();
    const after = childCpuMs();
    if (before === undefined || after === undefined) return null;
    samples.push(after - before);
  }
  return samples.sort((a, b) => a - b)[Math.floor(samples.length / 2)] ?? null;
}

const styles = await registerShippedStyles();
if (!styles.ok) throw new Error(styles.error);
const uncachedText = ok(exportItems(items, 'apa'));
if (runProcess(node, [bundle, itemsFile])() !== uncachedText) throw new Error('The exporting process wrote another bibliography than the same code in process.');
const cold = await time(runProcess(node, [bundle, itemsFile]), sized(5, 1), sized(1, 0));
const coldCpu = await processCpu(runProcess(node, [bundle, itemsFile]), sized(3, 1));

const hasPandoc = existsSync(PANDOC);
const pandocArgs = ['--citeproc', '--csl', APA, '--bibliography', itemsFile, '-t', 'plain', `${work}/doc.md`];
const pandoc = hasPandoc ? await time(runProcess(PANDOC, pandocArgs), sized(5, 1), sized(1, 0)) : undefined;
const pandocCpu = hasPandoc ? await processCpu(runProcess(PANDOC, pandocArgs), sized(3, 1)) : null;
const pandocEntries = hasPandoc ? runProcess(PANDOC, pandocArgs)().split(/\n\n+/).filter((block) => block.trim() && !block.startsWith('References')).length : undefined;

// (b) In process, with the store's cache: filled once, then each run exports after one item
// (a different one each time) changed its title.
const db = openLecternDb({ name: 'bench-bibliography', indexedDB: new IDBFactory(), IDBKeyRange });
const cache = storeEntryCache(db);
const filled = ok(await exportItemsCached(items, 'apa', cache));
if (filled !== uncachedText) throw new Error('The cached bibliography differs from the uncached one.');
let current = items;
let round = 0;
const lastStats: CachedRenderStats = { reused: 0, rendered: 0, registered: 0 };
const changeOne = (): CslItem[] => {
  round += 1;
  const at = (round * 37) % current.length;
  current = current.map((item, i) => (i === at ? { ...item, title: `${item.title ?? 'Untitled'} (revised ${round})` } : item));
  return current;
};
let lastText = '';
const warm = await time(
  async () => {
    lastText = ok(await exportItemsCached(changeOne(), 'apa', cache, {}, lastStats));
  },
  sized(9, 1),
  sized(2, 0),
);
if (lastText !== ok(exportItems(current, 'apa'))) throw new Error('The cached bibliography after a change differs from the uncached one.');
const unchanged = await time(async () => ok(await exportItemsCached(current, 'apa', cache)), sized(9, 1), sized(2, 0));
const uncached = await time(() => ok(exportItems(current, 'apa')), sized(3, 1), sized(1, 0));
db.close();

const seconds = (ms: number) => Math.round(ms) / 1000;
const ratio = (ms: number) => (pandoc ? Math.round((ms / pandoc.medianMs) * 100) / 100 : null);
writeResult('bibliography', {
  references: items.length,
  sources: sources.map((file) => file.replace(repo, '')),
  baseline: pandoc
    ? { what: 'pandoc --citeproc --csl apa.csl -t plain on the same CSL-JSON (nocite @*), whole process', medianS: seconds(pandoc.medianMs), cpuS: pandocCpu === null ? null : seconds(pandocCpu), entries: pandocEntries, samplesMs: pandoc.samples }
    : { what: 'pandoc not installed: no baseline', medianS: null },
  cold: {
    what: 'a fresh Node process exporting the CSL-JSON as APA (app code built with esbuild), no cache',
    medianS: seconds(cold.medianMs),
    ratio: ratio(cold.medianMs),
    cpuS: coldCpu === null ? null : seconds(coldCpu),
    cpuRatio: coldCpu !== null && pandocCpu ? Math.round((coldCpu / pandocCpu) * 100) / 100 : null,
    meetsTarget: pandoc ? cold.medianMs < pandoc.medianMs : null,
    samplesMs: cold.samples,
  },
  warm: {
    what: 'in process, store cache filled, one item changed before each export (Dexie on fake-indexeddb)',
    medianS: seconds(warm.medianMs),
    ratio: ratio(warm.medianMs),
    meetsTarget: pandoc ? warm.medianMs < pandoc.medianMs : null,
    lastRun: lastStats,
    samplesMs: warm.samples,
  },
  warmUnchanged: { what: 'in process, store cache filled, nothing changed', medianS: seconds(unchanged.medianMs), ratio: ratio(unchanged.medianMs) },
  warmUncached: { what: 'in process, warm engine, no cache (every export before the cache)', medianS: seconds(uncached.medianMs), ratio: ratio(uncached.medianMs) },
  target: 'faster than pandoc --citeproc as a whole process on the same data',
  runs: smoke ? 1 : { cold: 5, baseline: 5, cpu: 3, warm: 9, warmUnchanged: 9, warmUncached: 3 },
  machine: { loadAverage: os.loadavg().map((load) => Math.round(load * 10) / 10), cpus: os.cpus().length },
});
