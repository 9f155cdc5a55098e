// App start in Chromium: from navigation to an interactive library (every row present and the
// first one focused), with an empty library and with documents already in IndexedDB, median of
// several reloads. Baseline in the same run and the same server: a static page of the same size
// (the built index.html without its script, the app's stylesheet, the same rows as plain HTML).
// Also reports the scripts fetched before the library was interactive (page and workers, from the
// server's log) and every chunk of the build with its size.
import { readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import type { IncomingMessage } from 'node:http';
import type { Browser, Page } from 'playwright-core';
import { startStaticServer } from '../scripts/static-server.mjs';
import { launch } from '../tests/e2e/browser';
import { longDocumentText } from '../tests/support/long-document';
import { sized, webBuild, writeResult } from './harness';

const DOCUMENTS = sized(200, 10);
const RELOADS = sized(15, 2);
const WORDS_PER_DOCUMENT = sized(6000, 1500);

const outDir = webBuild();
/** The static baseline pages written beside the build, removed at the end. */
const staticPages: string[] = [];

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const round = (value: number) => Math.round(value * 10) / 10;

/** Every file the build wrote under assets/, largest first. */
function chunkList(): { file: string; bytes: number }[] {
  return readdirSync(`${outDir}/assets`, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => {
      const path = `${entry.parentPath}/${entry.name}`;
      return { file: path.slice(outDir.length + 1), bytes: statSync(path).size };
    })
    .sort((a, b) => b.bytes - a.bytes);
}

const surnames = ['Ezerova', 'Hartmann', 'Okafor', 'Lindqvist', 'Moreau', 'Tanaka', 'Silva', 'Novak', 'Brennan', 'Kowalski', 'Haddad', 'Ferreira', 'Ivanova', 'Schulz', 'Dubois'];
const topics = ['reading habits', 'annotation practice', 'citation networks', 'study groups', 'note taking', 'library use', 'peer review', 'source criticism'];

/** An article with a title, an author, cited works in its text and a reference list; each one different. */
function article(index: number): { name: string; text: string } {
  const author = surnames[index % surnames.length]!;
  const topic = topics[index % topics.length]!;
  const title = `On ${topic} in cohort ${index + 1}: a study`;
  const cited = Array.from({ length: 12 }, (_, k) => ({ name: surnames[(index + k * 4 + 1) % surnames.length]!, year: 1990 + ((index * 7 + k * 3) % 33) }));
  const body = longDocumentText(WORDS_PER_DOCUMENT, index + 11)
    .split('\n\n')
    .slice(1)
    .map((paragraph, k) => (k % 3 === 0 ? paragraph.replace(/\.$/, ` (${cited[k % cited.length]!.name}, ${cited[k % cited.length]!.year}).`) : paragraph));
  const references = cited.map(({ name, year }, k) => `${name}, A. (${year}). Notes on ${topics[(k + index) % topics.length]} and their readers. Journal of Study Practice, ${k + 3}(2), ${10 + k}–${30 + k}.`);
  const text = [title, `${author}, B.`, `${2000 + (index % 24)}`, ...body, 'References', ...references].join('\n\n') + '\n';
  return { name: `article-${String(index).padStart(3, '0')}.txt`, text };
}

/** Drops the articles on the window in batches and waits until the library lists them all. */
async function seed(page: Page, count: number): Promise<void> {
  for (let from = 0; from < count; from += 25) {
    const files = Array.from({ length: Math.min(25, count - from) }, (_, k) => article(from + k));
    await page.evaluate((list) => {
      const transfer = new DataTransfer();
      for (const file of list) transfer.items.add(new File([file.text], file.name));
      window.dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true }));
    }, files);
    await page.waitForFunction((rows) => document.querySelectorAll('tr.library-row').length >= rows, from + files.length, { timeout: 600_000, polling: 500 });
  }
  // The search index persists itself a moment after the last change: wait for it, so every reload
  // starts as the next launch of the app would, from a library whose index is saved.
  await page.waitForFunction(
    async (rows) => {
      const open = indexedDB.open('lectern');
      const db = await new Promise<IDBDatabase>((resolve) => (open.onsuccess = () => resolve(open.result)));
      const row = await new Promise<{ value?: { fingerprint?: string } } | undefined>((resolve) => {
        const request = db.transaction('searchIndex').objectStore('searchIndex').get('library');
        request.onsuccess = () => resolve(request.result as { value?: { fingerprint?: string } } | undefined);
      });
      db.close();
      return row?.value?.fingerprint?.startsWith(`[${rows},`) ?? false;
    },
    count,
    { timeout: 120_000, polling: 1000 },
  );
}

/**
 * Runs in every page before its own scripts: watches the DOM until the library is interactive
 * (the empty library's Import button, or every row listed), focuses it, and records the time of
 * the next task after the next frame, when the thread is free for a click. The scripts counted as
 * initial are those fetched before the rows were there (a focused row may start loading more).
 */
function readinessProbe(expected: number): void {
  const find = (): HTMLElement | null => {
    if (expected === 0) return document.querySelector<HTMLElement>('.empty-library button');
    const rows = document.querySelectorAll<HTMLElement>('tr.library-row');
    if (rows.length < expected) return null;
    return document.querySelector<HTMLElement>('tr.library-row[tabindex="0"]');
  };
  const probe = window as unknown as { __appStart?: { readyMs: number; shownMs: number; scripts: { name: string; bytes: number }[] } };
  let done = false;
  const check = () => {
    if (done) return;
    const target = find();
    if (!target) return;
    const shownMs = performance.now();
    target.focus();
    if (document.activeElement !== target) return;
    done = true;
    observer.disconnect();
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => {
        const readyMs = performance.now();
        const scripts = performance
          .getEntriesByType('resource')
          .filter((entry) => entry.startTime < shownMs && /\.m?js$/.test(new URL(entry.name).pathname))
          .map((entry) => ({ name: new URL(entry.name).pathname, bytes: (entry as PerformanceResourceTiming).decodedBodySize }));
        probe.__appStart = { readyMs, shownMs, scripts };
      };
      channel.port2.postMessage(null);
    });
  };
  const observer = new MutationObserver(check);
  observer.observe(document, { childList: true, subtree: true, attributes: true, attributeFilter: ['tabindex'] });
  document.addEventListener('DOMContentLoaded', check);
}

/** The built index.html without its scripts, showing `rows` as the library would list them. */
function staticPage(rows: { title: string; authorsLabel?: string; year?: number; format: string }[]): string {
  const html = readFileSync(`${outDir}/index.html`, 'utf8')
    .replace(/<script\b[^>]*>[\s\S]*?<\/script>/g, '')
    .replace(/<link rel="modulepreload"[^>]*>/g, '');
  const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  const header = '<header class="app-header"><div class="app-header-start"><h1 class="app-name">Lectern</h1></div><div class="app-header-actions"><button type="button" class="button button-primary">Import…</button></div></header>';
  const library = rows.length
    ? `<main class="library library-layout"><section class="library-content"><div class="library-content-header"><h2>All documents</h2><span class="muted">${rows.length} documents</span></div><table class="library-table"><thead><tr><th>Title</th><th>Author</th><th>Year</th><th>Format</th></tr></thead><tbody>${rows
        .map((row, index) => `<tr class="library-row" tabindex="${index === 0 ? 0 : -1}"><td class="col-title"><span class="doc-title">${escape(row.title)}</span></td><td class="col-author">${escape(row.authorsLabel ?? '')}</td><td class="col-year">${row.year ?? ''}</td><td class="col-format"><span class="format-badge">${row.format.toUpperCase()}</span></td></tr>`)
        .join('')}</tbody></table></section></main>`
    : '<main class="library library-layout"><div class="empty-library"><div class="empty-card"><h2>Your library is empty</h2><button type="button" class="button button-primary">Import files…</button></div></div></main>';
  return html.replace('<div id="root"></div>', `<div id="root"><div class="app">${header}${library}</div></div>`);
}

interface Load {
  readyMs: number;
  pageScripts: { name: string; bytes: number }[];
  /** Scripts the server sent between the navigation and the ready time (workers' included). */
  servedScripts: { name: string; bytes: number }[];
}

async function measure(browser: Browser, served: { at: number; path: string }[], url: string, documents: number) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 820 }, colorScheme: 'light' });
  // tsx keeps function names with a __name helper that the page does not have.
  await context.addInitScript({ content: 'window.__name = (f) => f' });
  await context.addInitScript(readinessProbe, documents);
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  await page.goto(url);
  await page.waitForSelector('.app-header');
  if (documents > 0) await seed(page, documents);
  const rows = await page.evaluate(async () => {
    const open = indexedDB.open('lectern');
    const db = await new Promise<IDBDatabase>((resolve) => (open.onsuccess = () => resolve(open.result)));
    const all = await new Promise<{ title: string; authorsLabel?: string; year?: number; format: string; addedAt: number }[]>((resolve) => {
      const request = db.transaction('documents').objectStore('documents').getAll();
      request.onsuccess = () => resolve(request.result as { title: string; authorsLabel?: string; year?: number; format: string; addedAt: number }[]);
    });
    db.close();
    return all.sort((a, b) => b.addedAt - a.addedAt).map(({ title, authorsLabel, year, format }) => ({ title, authorsLabel, year, format }));
  });
  const staticName = `static-library-${documents}.html`;
  writeFileSync(`${outDir}/${staticName}`, staticPage(rows));
  staticPages.push(`${outDir}/${staticName}`);

  const load = async (target: string): Promise<Load> => {
    // Let the previous page's late work (index loading, persisting) finish before navigating away.
    await page.waitForTimeout(sized(1500, 300));
    const from = served.length;
    await page.goto(target);
    await page.waitForFunction(() => (window as unknown as { __appStart?: unknown }).__appStart !== undefined, undefined, { timeout: 60_000 });
    const result = await page.evaluate(() => ({ ...(window as unknown as { __appStart: { readyMs: number; shownMs: number; scripts: { name: string; bytes: number }[] } }).__appStart, origin: performance.timeOrigin }));
    const shownAt = result.origin + result.shownMs;
    const servedScripts = served
      .slice(from)
      .filter((entry) => entry.at <= shownAt && /\.m?js$/.test(entry.path))
      .map((entry) => ({ name: entry.path, bytes: statSync(`${outDir}${entry.path}`).size }));
    return { readyMs: result.readyMs, pageScripts: result.scripts, servedScripts };
  };

  // One load of each to warm the server's file cache and the browser's code cache, not counted.
  const warm = sized(1, 0);
  const app: Load[] = [];
  const baseline: Load[] = [];
  for (let run = 0; run < RELOADS + warm; run++) {
    const appLoad = await load(url);
    const staticLoad = await load(`${url}${staticName}`);
    if (run < warm) continue;
    app.push(appLoad);
    baseline.push(staticLoad);
  }
  const listed = await page.evaluate(() => document.querySelectorAll('tr.library-row').length);
  await context.close();
  if (errors.length) throw new Error(`the app logged errors: ${errors.join('; ')}`);
  const last = app[app.length - 1]!;
  const total = (scripts: { bytes: number }[]) => scripts.reduce((sum, script) => sum + script.bytes, 0);
  return {
    documents,
    lectern: { what: 'navigation to an interactive library (all rows listed, the first focused, the next task run)', medianMs: round(median(app.map((l) => l.readyMs))), samples: app.map((l) => round(l.readyMs)) },
    baseline: { what: 'the same rows in a static page (the built index.html without scripts) on the same server', medianMs: round(median(baseline.map((l) => l.readyMs))), samples: baseline.map((l) => round(l.readyMs)) },
    ratio: Math.round((median(app.map((l) => l.readyMs)) / median(baseline.map((l) => l.readyMs))) * 100) / 100,
    rowsListed: documents === 0 ? 0 : listed,
    initialScripts: {
      what: 'scripts fetched before the library was shown: the page’s own (resource timing) and every one the server sent, workers’ included',
      pageBytes: total(last.pageScripts),
      servedBytes: total(last.servedScripts),
      served: last.servedScripts,
    },
  };
}

const served: { at: number; path: string }[] = [];
const { server, url } = await startStaticServer(outDir);
server.on('request', (request: IncomingMessage) => served.push({ at: Date.now(), path: new URL(request.url ?? '/', 'http://localhost').pathname }));
const browser = await launch();
try {
  const empty = await measure(browser, served, url, 0);
  const full = await measure(browser, served, url, DOCUMENTS);
  const chunks = chunkList();
  writeResult('app-start', {
    reloads: RELOADS,
    wordsPerDocument: WORDS_PER_DOCUMENT,
    empty,
    library: full,
    chunks: {
      what: 'every file of the web build under assets/, largest first',
      scriptBytes: chunks.filter((chunk) => /\.m?js$/.test(chunk.file)).reduce((sum, chunk) => sum + chunk.bytes, 0),
      files: chunks,
    },
  });
  if (full.rowsListed !== DOCUMENTS) throw new Error(`the library listed ${full.rowsListed} of ${DOCUMENTS} documents`);
} finally {
  await browser.close();
  server.close();
  for (const file of staticPages) rmSync(file, { force: true });
  if (!process.env.BENCH_WEB_DIR) rmSync(outDir, { recursive: true, force: true });
}
