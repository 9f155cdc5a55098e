// Dropping many files at once on the library, in Chromium, through the built web renderer: the
// time from the drop to every row in the library with the import finished (progress bar gone),
// for 50 and 200 small text articles, and the growth exponent between the two sizes.
//
// Each drop is real-ish: the library already holds earlier versions of every fifth article (each
// with a highlight, so the new version moves it) and exact copies of every twentieth (reported as
// already there), so the drop runs the new-document, new-version and duplicate paths together.
//
// Baseline, in the same browser: the work no import of these files can skip, done as plainly as
// possible in one page: importFile and findDocumentCitations on each file (the parsing the import
// worker does) and one raw Dexie bulkPut of the resulting rows (documents, contents, references,
// citations) into a fresh store. What the app adds on top is the store's per-file checks and
// transactions, the previous-version lookup, the messages between worker and page, the search
// index, and keeping the library view and notices up to date while the drop runs.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import type { Browser } from 'playwright-core';
import { startStaticServer } from '../scripts/static-server.mjs';
import { launch, openApp } from '../tests/e2e/browser';
import { random, syllables } from '../tests/support/long-document';
import { storeHighlights } from '../tests/support/stored-highlights';
import { sized, smoke, writeResult } from './harness';

const repo = fileURLToPath(new URL('..', import.meta.url));
const SIZES = sized([50, 200], [10, 20]);
const RUNS = sized(3, 1);

const surnames = ['Abbott', 'Baranova', 'Chen', 'Dubois', 'Eriksen', 'Fischer', 'Garcia', 'Hughes', 'Ivanova', 'Jensen', 'Kowalski', 'Larsen', 'Moreau', 'Novak'];

function word(next: () => number): string {
  let out = '';
  const count = 1 + Math.floor(next() * 3);
  for (let s = 0; s < count; s++) out += syllables[Math.floor(next() * syllables.length)];
  return out;
}

/** One article of about 3 KB: a title, a byline, paragraphs citing two works, a reference list. */
function article(index: number, version: number): { name: string; text: string } {
  const next = random(1000 + index);
  const title = `On ${word(next)} and ${word(next)}: study ${index + 1}`;
  const author = surnames[index % surnames.length]!;
  const cited = [surnames[(index + 3) % surnames.length]!, surnames[(index + 7) % surnames.length]!];
  const paragraphs: string[] = [title, `by Anna ${author}`];
  for (let p = 0; p < 4; p++) {
    const words: string[] = [];
    for (let i = 0; i < 80; i++) words.push(word(next));
    words[0] = words[0]![0]!.toUpperCase() + words[0]!.slice(1);
    const citation = ` (${cited[p % 2]}, ${2000 + ((index + p) % 20)})`;
    paragraphs.push(words.join(' ') + citation + '.');
  }
  // A new version changes one paragraph and keeps the rest, as a corrected article would.
  if (version > 0) paragraphs[3] = `Corrected in version ${version + 1}: ` + paragraphs[3]!.split(' ').reverse().join(' ');
  paragraphs.push('References');
  for (const [p, name] of cited.entries()) paragraphs.push(`${name}, B. (${2000 + ((index + p) % 20)}). A ${word(next)} of ${word(next)}. Journal of Studies, ${p + 3}, 1-20.`);
  return { name: `article-${String(index + 1).padStart(3, '0')}.txt`, text: paragraphs.join('\n\n') + '\n' };
}

/** What is in the library before the drop, and what is dropped. */
function scenario(count: number) {
  const dropped = Array.from({ length: count }, (_, i) => article(i, i % 5 === 0 ? 1 : 0));
  const earlier = dropped.flatMap((_, i) => (i % 5 === 0 ? [article(i, 0)] : i % 20 === 1 ? [article(i, 0)] : []));
  return { dropped, earlier, versions: dropped.filter((_, i) => i % 5 === 0).length, copies: dropped.filter((_, i) => i % 5 !== 0 && i % 20 === 1).length };
}

const outDir = mkdtempSync(`${tmpdir()}/lectern-bench-drop-`);
const vite = spawnSync(process.execPath, ['node_modules/vite/bin/vite.js', 'build', '--config', 'renderer/vite.config.ts', '--logLevel', 'error', '--outDir', outDir, '--emptyOutDir'], { cwd: repo, stdio: 'inherit' });
if (vite.status !== 0) throw new Error('web build failed');

// The baseline page: the importer and citation finder as the worker runs them, and raw Dexie.
const baselineEntry = `
import { Dexie } from 'dexie';
import { importFile } from './app/documents/import';
import { findDocumentCitations } from './app/citations/document-citations';
import { citationRows } from './app/store/citation-rows';
import { toSummary } from './app/store/document-summary';

window.baseline = async (files, run) => {
  const name = 'bench-baseline-' + run;
  const db = new Dexie(name, { chromeTransactionDurability: 'strict' });
  db.version(1).stores({ documents: 'id', contents: 'docId', references: 'id, docId', citations: 'id, docId' });
  await db.open();
  const encoder = new TextEncoder();
  const start = performance.now();
  const rows = { documents: [], contents: [], references: [], citations: [] };
  for (const file of files) {
    const parsed = await importFile(file.name, encoder.encode(file.text), { sanitizeHtml: async (html) => html });
    if (!parsed.ok) throw new Error(parsed.error);
    const found = citationRows(parsed.value.id, findDocumentCitations(parsed.value));
    rows.documents.push(toSummary(parsed.value, Date.now()));
    rows.contents.push({ docId: parsed.value.id, text: parsed.value.text, blocks: parsed.value.blocks });
    for (const r of found.references) rows.references.push({ ...r, docId: parsed.value.id });
    for (const c of found.citations) rows.citations.push({ ...c, docId: parsed.value.id });
  }
  await db.transaction('rw', db.tables, async () => {
    for (const [table, list] of Object.entries(rows)) await db.table(table).bulkPut(list);
  });
  const ms = performance.now() - start;
  const stored = await db.table('documents').count();
  db.close();
  await Dexie.delete(name);
  return { ms, stored };
};
`;
await build({
  stdin: { contents: baselineEntry, resolveDir: repo, loader: 'ts', sourcefile: 'drop-baseline-page.ts' },
  bundle: true,
  format: 'esm',
  platform: 'browser',
  target: 'chrome120',
  outfile: `${outDir}/drop-baseline.js`,
  logLevel: 'error',
});
writeFileSync(`${outDir}/drop-baseline.html`, '<!doctype html><meta charset="utf-8"><title>baseline</title><script type="module" src="drop-baseline.js"></script>');

const { server, url } = await startStaticServer(outDir);
const browser: Browser = await launch();
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

type Files = { name: string; text: string }[];

/** Drops `files` on the window as one DataTransfer, in the page. */
const dropScript = (files: Files) => {
  const transfer = new DataTransfer();
  for (const file of files) transfer.items.add(new File([file.text], file.name, { type: 'text/plain' }));
  window.dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true }));
};

/** One timed drop in a fresh profile: seconds from the drop to every row shown and the progress bar gone. */
async function timedDrop(count: number): Promise<{ ms: number; rows: number; replacedNotices: number; duplicateNotices: number; errors: string[] }> {
  const { dropped, earlier } = scenario(count);
  const { context, page, errors } = await openApp(browser, url);
  try {
    await page.evaluate('window.__name = (f) => f');
    // The library before the drop: earlier versions and copies, each earlier version highlighted.
    await page.evaluate(dropScript, earlier);
    await page
      .waitForFunction((n) => document.querySelectorAll('.library-row').length === n && !document.querySelector('.import-progress'), earlier.length, { timeout: sized(300_000, 60_000) })
      .catch(async (error: unknown) => {
        const state = await page.evaluate(() => ({ rows: document.querySelectorAll('.library-row').length, progress: document.querySelector('.import-progress')?.textContent, notices: [...document.querySelectorAll('.notice')].map((n) => n.textContent) }));
        throw new Error(`the library before the drop never appeared: ${JSON.stringify(state)}; page errors: ${errors.join('; ')}`, { cause: error });
      });
    await storeHighlights(page, { idPrefix: 'bench', placement: 'each-document', lengths: [60], context: 20, colors: ['yellow'] });
    await page.evaluate((files) => {
      // Every message shown from now on is recorded: the list keeps only the last few.
      const seen: string[] = [];
      (window as unknown as { noticesSeen: string[] }).noticesSeen = seen;
      new MutationObserver((records) => {
        for (const record of records) {
          for (const node of record.addedNodes) {
            if (!(node instanceof HTMLElement)) continue;
            const notices = node.classList.contains('notice') ? [node] : [...node.querySelectorAll('.notice')];
            for (const notice of notices) seen.push(notice.textContent ?? '');
          }
        }
      }).observe(document.body, { childList: true, subtree: true });
      const transfer = new DataTransfer();
      for (const file of files) transfer.items.add(new File([file.text], file.name, { type: 'text/plain' }));
      (window as unknown as { dropStarted: number }).dropStarted = performance.now();
      window.dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true }));
    }, dropped);
    const ms = await page.evaluate(
      (n) =>
        new Promise<number>((resolve) => {
          const check = () => {
            if (document.querySelectorAll('.library-row').length === n && !document.querySelector('.import-progress')) {
              resolve(performance.now() - (window as unknown as { dropStarted: number }).dropStarted);
            } else setTimeout(check, 5);
          };
          check();
        }),
      count,
    );
    const notices = await page.evaluate(() => (window as unknown as { noticesSeen: string[] }).noticesSeen);
    // Every highlight of the library before the drop still belongs to a document in it: moved
    // onto the new version, or left on the copy that was already there.
    const highlighted = await page.evaluate(async () => {
      const open = indexedDB.open('lectern');
      const db = await new Promise<IDBDatabase>((resolve) => (open.onsuccess = () => resolve(open.result)));
      const read = <T,>(store: string) =>
        new Promise<T[]>((resolve) => {
          const request = db.transaction(store).objectStore(store).getAll();
          request.onsuccess = () => resolve(request.result as T[]);
        });
      const ids = new Set((await read<{ id: string }>('documents')).map((doc) => doc.id));
      const annotations = await read<{ docId: string }>('annotations');
      db.close();
      return { total: annotations.length, placed: annotations.filter((a) => ids.has(a.docId)).length };
    });
    if (highlighted.total !== earlier.length || highlighted.placed !== earlier.length) throw new Error(`highlights: ${JSON.stringify(highlighted)} of ${earlier.length}`);
    return {
      ms,
      rows: await page.locator('.library-row').count(),
      replacedNotices: notices.filter((text) => text.includes('is a new version')).length,
      duplicateNotices: notices.filter((text) => text.includes('is already in your library')).length,
      errors: [...errors],
    };
  } finally {
    await context.close();
  }
}

async function baselineRun(count: number, run: number): Promise<number> {
  const { dropped } = scenario(count);
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    await page.goto(`${url}drop-baseline.html`);
    await page.waitForFunction(() => 'baseline' in window);
    await page.evaluate('window.__name = (f) => f');
    const result = await page.evaluate(({ files, run }) => (window as unknown as { baseline: (f: Files, r: number) => Promise<{ ms: number; stored: number }> }).baseline(files, run), { files: dropped, run });
    if (result.stored !== count) throw new Error(`baseline stored ${result.stored} of ${count}`);
    return result.ms;
  } finally {
    await context.close();
  }
}

try {
  const sizes: Record<string, unknown>[] = [];
  const medians = new Map<number, { lectern: number; baseline: number }>();
  for (const count of SIZES) {
    const { versions, copies } = scenario(count);
    const lectern: number[] = [];
    const baseline: number[] = [];
    const replaced: number[] = [];
    const duplicated: number[] = [];
    for (let run = 0; run < RUNS; run++) {
      const drop = await timedDrop(count);
      if (drop.rows !== count) throw new Error(`${drop.rows} rows after dropping ${count} files`);
      if (drop.errors.length) throw new Error(`page errors: ${drop.errors.join('; ')}`);
      // A new version or copy nobody was told about means its path was not taken. (Messages can
      // follow one another faster than a frame, so fewer seen is not an error; none at all is.)
      if ((versions && !drop.replacedNotices) || (copies && !drop.duplicateNotices)) {
        throw new Error(`expected new-version and duplicate messages, saw ${drop.replacedNotices} and ${drop.duplicateNotices}`);
      }
      replaced.push(drop.replacedNotices);
      duplicated.push(drop.duplicateNotices);
      lectern.push(drop.ms);
      baseline.push(await baselineRun(count, run));
    }
    medians.set(count, { lectern: median(lectern), baseline: median(baseline) });
    sizes.push({
      files: count,
      newVersions: versions,
      duplicates: copies,
      messagesSeen: { newVersion: replaced, alreadyThere: duplicated },
      lectern: { medianSeconds: Math.round(median(lectern)) / 1000, samples: lectern.map((ms) => Math.round(ms)) },
      baseline: { medianSeconds: Math.round(median(baseline)) / 1000, samples: baseline.map((ms) => Math.round(ms)) },
      ratio: Math.round((median(lectern) / median(baseline)) * 100) / 100,
    });
  }
  const [small, large] = SIZES as [number, number];
  const growth = (which: 'lectern' | 'baseline') => Math.round((Math.log(medians.get(large)![which] / medians.get(small)![which]) / Math.log(large / small)) * 100) / 100;
  const top = medians.get(large)!;
  writeResult('drop-files', {
    what: `dropping ${small} and ${large} small text articles at once (every fifth a new version of a highlighted document already in the library, every twentieth else a copy of one): from the drop to every row shown and the progress bar gone`,
    baselineWhat: 'the same files parsed with importFile and findDocumentCitations in one page, and their rows written with one raw Dexie bulkPut',
    runs: RUNS,
    sizes,
    seconds: Math.round(top.lectern) / 1000,
    baselineSeconds: Math.round(top.baseline) / 1000,
    ratio: Math.round((top.lectern / top.baseline) * 100) / 100,
    growthExponent: growth('lectern'),
    baselineGrowthExponent: growth('baseline'),
    ...(smoke ? {} : { target: { seconds: 3, growthExponent: 1.1 } }),
  });
} finally {
  await browser.close();
  server.close();
  rmSync(outDir, { recursive: true, force: true });
}
