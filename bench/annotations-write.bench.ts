// Writing 10,000 highlights at once in Chromium's real IndexedDB: through the repository
// (putAnnotations, one transaction on Lectern's store with strict durability) against raw Dexie
// table.bulkPut in the same page, once with the same strict durability (the repository's own
// overhead) and once with Dexie's defaults. The page also runs a backup round trip
// of 10,000 highlights (exportLibrary -> importLibrary into an empty store) against a raw copy of
// the same rows (toArray -> bulkPut per table), so the size the unit test leaves out is measured here.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { startStaticServer } from '../scripts/static-server.mjs';
import { launch } from '../tests/e2e/browser';
import { sized, writeResult } from './harness';

const repo = fileURLToPath(new URL('..', import.meta.url));
const COUNT = sized(10_000, 200);
const RUNS = sized(7, 1);

// The page's code, bundled from app/ as the renderer would load it.
const entry = `
import { Dexie } from 'dexie';
import { openLecternDb } from './app/store/db';
import { putAnnotations } from './app/store/annotations-repo';
import { saveImportedDocument } from './app/store/documents-repo';
import { putNotebook } from './app/store/notebooks-repo';
import { exportLibrary, importLibrary } from './app/store/backup';

function highlights(count, run) {
  const colors = ['yellow', 'green', 'blue', 'pink', 'purple'];
  return Array.from({ length: count }, (_, i) => ({
    id: 'bench-' + run + '-' + i,
    docId: 'doc-' + (i % 20),
    selectors: [
      { type: 'TextQuoteSelector', exact: 'quoted passage number ' + i, prefix: 'before ', suffix: ' after' },
      { type: 'TextPositionSelector', start: i * 40, end: i * 40 + 25 },
    ],
    color: colors[i % 5],
    noteJson: i % 3 === 0 ? { root: { children: [{ type: 'paragraph', children: [{ type: 'text', text: 'A note on passage ' + i }] }] } } : null,
    noteText: i % 3 === 0 ? 'A note on passage ' + i : '',
    createdAt: i,
    updatedAt: i,
  }));
}

async function timed(write) {
  const start = performance.now();
  await write();
  return performance.now() - start;
}

window.bench = {
  async lectern(run) {
    const name = 'bench-lectern-' + run;
    const db = openLecternDb({ name });
    await db.open();
    const list = highlights(${COUNT}, run);
    const ms = await timed(() => putAnnotations(db, list));
    const stored = await db.annotations.count();
    db.close();
    await Dexie.delete(name);
    return { ms, stored };
  },
  async raw(run, strict) {
    const name = 'bench-raw-' + run + (strict ? '-strict' : '');
    const db = new Dexie(name, strict ? { chromeTransactionDurability: 'strict' } : {});
    db.version(1).stores({ annotations: 'id, docId, updatedAt' });
    await db.open();
    const list = highlights(${COUNT}, run);
    const ms = await timed(() => db.table('annotations').bulkPut(list));
    const stored = await db.table('annotations').count();
    db.close();
    await Dexie.delete(name);
    return { ms, stored };
  },
  async backupRoundTrip() {
    const source = openLecternDb({ name: 'bench-backup-source' });
    const doc = {
      id: 'f'.repeat(64), format: 'pdf', fileName: 'a.pdf', byteLength: 4, text: 'Some text', blocks: [],
      metadata: { id: 'a', type: 'book', title: 'A book' }, provenance: { titleIsFallback: false },
    };
    await saveImportedDocument(source, doc, { original: new Blob([new Uint8Array([37, 80, 68, 70])], { type: 'application/pdf' }) });
    await putAnnotations(source, highlights(${COUNT}, 'b').map((h) => ({ ...h, docId: doc.id })));
    await putNotebook(source, { id: 'n', title: 'Notes', content: { root: { children: [] } }, updatedAt: 1 });
    const started = performance.now();
    const file = await exportLibrary(source);
    const target = openLecternDb({ name: 'bench-backup-target' });
    const result = await importLibrary(target, file, { mode: 'replace' });
    const roundTripMs = performance.now() - started;
    const copyStarted = performance.now();
    const copy = openLecternDb({ name: 'bench-backup-copy' });
    await copy.open();
    for (const table of source.tables) await copy.table(table.name).bulkPut(await table.toArray());
    const rawCopyMs = performance.now() - copyStarted;
    copy.close();
    await Dexie.delete('bench-backup-copy');
    const bytes = [...new Uint8Array(await (await target.originals.get(doc.id)).data.arrayBuffer())];
    const same = JSON.stringify(await target.annotations.toArray()) === JSON.stringify(await source.annotations.toArray());
    const out = { roundTripMs, rawCopyMs, ratio: roundTripMs / rawCopyMs, ok: result.ok, annotations: await target.annotations.count(), notebooks: await target.notebooks.count(), originalBytes: bytes.join(','), annotationsEqual: same, fileBytes: file.size };
    source.close();
    target.close();
    await Dexie.delete('bench-backup-source');
    await Dexie.delete('bench-backup-target');
    return out;
  },
};
document.title = 'ready';
`;

const outDir = mkdtempSync(`${tmpdir()}/lectern-bench-annotations-`);
await build({
  stdin: { contents: entry, resolveDir: repo, loader: 'ts', sourcefile: 'annotations-write-page.ts' },
  bundle: true,
  format: 'esm',
  platform: 'browser',
  target: 'chrome120',
  outfile: `${outDir}/bench.js`,
  logLevel: 'error',
});
writeFileSync(`${outDir}/index.html`, '<!doctype html><meta charset="utf-8"><title>loading</title><script type="module" src="bench.js"></script>');
const { server, url } = await startStaticServer(outDir);
const browser = await launch();
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const round = (ms: number) => Math.round(ms * 10) / 10;

try {
  const page = await browser.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(url);
  await page.waitForFunction('document.title === "ready"');

  type Write = { ms: number; stored: number };
  const lectern: number[] = [];
  const rawStrict: number[] = [];
  const rawDefault: number[] = [];
  // Warm up each path once, then interleave so drift in the machine hits all three alike.
  await page.evaluate('window.bench.lectern("warm")');
  await page.evaluate('window.bench.raw("warm", true)');
  for (let run = 0; run < RUNS; run++) {
    const a = await page.evaluate<Write>(`window.bench.lectern(${run})`);
    const b = await page.evaluate<Write>(`window.bench.raw(${run}, true)`);
    const c = await page.evaluate<Write>(`window.bench.raw(${run}, false)`);
    if (a.stored !== COUNT || b.stored !== COUNT || c.stored !== COUNT) throw new Error('a bulk write lost rows');
    lectern.push(a.ms);
    rawStrict.push(b.ms);
    rawDefault.push(c.ms);
  }
  const backup = await page.evaluate<Record<string, unknown>>('window.bench.backupRoundTrip()');
  if (errors.length) throw new Error(errors.join('\n'));
  if (backup.ok !== true || backup.annotations !== COUNT || backup.annotationsEqual !== true) throw new Error(`the backup round trip lost rows: ${JSON.stringify(backup)}`);

  writeResult('annotations-write', {
    annotations: COUNT,
    runs: RUNS,
    lectern: { what: 'putAnnotations(db, list): one bulkPut transaction on the Lectern store (strict durability)', medianMs: round(median(lectern)), samples: lectern.map(round) },
    baseline: { what: 'raw Dexie table.bulkPut, same schema and strict durability, same page', medianMs: round(median(rawStrict)), samples: rawStrict.map(round) },
    baselineDefaultDurability: { what: 'raw Dexie table.bulkPut with Dexie defaults', medianMs: round(median(rawDefault)), samples: rawDefault.map(round) },
    ratio: Math.round((median(lectern) / median(rawStrict)) * 1000) / 1000,
    ratioToDefaultDurability: Math.round((median(lectern) / median(rawDefault)) * 1000) / 1000,
    backupRoundTripInChromium: backup,
  });
} finally {
  await browser.close();
  server.close();
  rmSync(outDir, { recursive: true, force: true });
}
