// Opening a 500,000-word document with 2,000 highlights in Chromium: time to first paint and
// DOM node count, against a baseline measured in the same page: putting the same paragraphs
// into the DOM as plain <p> elements, the way a reader without virtualization would.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { fileURLToPath } from 'node:url';
import { startStaticServer } from '../scripts/static-server.mjs';
import { launch, openApp } from '../tests/e2e/browser';
import { longDocumentText } from '../tests/support/long-document';
import { writeResult } from './harness';

const repo = fileURLToPath(new URL('..', import.meta.url));
const outDir = mkdtempSync(`${tmpdir()}/lectern-bench-web-`);
const build = spawnSync(process.execPath, ['node_modules/vite/bin/vite.js', 'build', '--config', 'renderer/vite.config.ts', '--logLevel', 'error', '--outDir', outDir, '--emptyOutDir'], { cwd: repo, stdio: 'inherit' });
if (build.status !== 0) throw new Error('web build failed');
const { server, url } = await startStaticServer(outDir);
const browser = await launch();
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

try {
  const { page } = await openApp(browser, url);
  // tsx keeps function names with a __name helper that the page does not have.
  await page.evaluate('window.__name = (f) => f');
  const text = longDocumentText(500_000);
  await page.evaluate((content) => {
    const transfer = new DataTransfer();
    transfer.items.add(new File([content], 'long-book.txt'));
    window.dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true }));
  }, text);
  const row = page.locator('.library-row', { hasText: 'A Long Book for Testing' });
  await row.waitFor({ timeout: 120_000 });

  // 2,000 highlights spread through the book, written straight into the store.
  const highlightCount = await page.evaluate(async () => {
    const open = indexedDB.open('lectern');
    const db = await new Promise<IDBDatabase>((resolve) => (open.onsuccess = () => resolve(open.result)));
    const read = <T,>(store: string) =>
      new Promise<T[]>((resolve) => {
        const request = db.transaction(store).objectStore(store).getAll();
        request.onsuccess = () => resolve(request.result as T[]);
      });
    const [doc] = await read<{ id: string }>('documents');
    const [content] = await read<{ text: string }>('contents');
    const body = content!.text;
    const tx = db.transaction('annotations', 'readwrite');
    const colors = ['yellow', 'green', 'blue', 'pink', 'purple'];
    for (let i = 0; i < 2000; i++) {
      const start = Math.floor(((i + 0.5) / 2000) * (body.length - 400));
      const end = start + 40 + (i % 7) * 30;
      tx.objectStore('annotations').put({
        id: `bench-${i}`,
        docId: doc!.id,
        selectors: [
          { type: 'TextQuoteSelector', exact: body.slice(start, end), prefix: body.slice(Math.max(0, start - 32), start), suffix: body.slice(end, end + 32) },
          { type: 'TextPositionSelector', start, end },
        ],
        color: colors[i % 5],
        noteJson: null,
        noteText: '',
        createdAt: i,
        updatedAt: i,
      });
    }
    await new Promise((resolve) => (tx.oncomplete = resolve));
    return 2000;
  });

  const open: number[] = [];
  let domNodes = 0;
  for (let run = 0; run < 7; run++) {
    await page.getByRole('button', { name: 'Library' }).click();
    await row.waitFor();
    const elapsed = await page.evaluate(
      () =>
        new Promise<number>((resolve) => {
          const start = performance.now();
          (document.querySelector('.library-row') as HTMLElement).click();
          const check = () => {
            if (document.querySelector('.pane-article .doc-paragraph') && document.querySelector('.highlight-card')) {
              requestAnimationFrame(() => resolve(performance.now() - start));
            } else requestAnimationFrame(check);
          };
          requestAnimationFrame(check);
        }),
    );
    open.push(elapsed);
    domNodes = await page.locator('.pane-article *').count();
  }

  const baseline: number[] = [];
  let baselineNodes = 0;
  for (let run = 0; run < 3; run++) {
    const result = await page.evaluate(
      (content) =>
        new Promise<{ ms: number; nodes: number }>((resolve) => {
          const host = document.createElement('div');
          host.style.cssText = 'position:fixed;inset:0;overflow:auto;background:white;z-index:99';
          const start = performance.now();
          host.innerHTML = content
            .split('\n\n')
            .map((p) => `<p>${p.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</p>`)
            .join('');
          document.body.append(host);
          requestAnimationFrame(() =>
            requestAnimationFrame(() => {
              const nodes = host.querySelectorAll('*').length;
              host.remove();
              resolve({ ms: performance.now() - start, nodes });
            }),
          );
        }),
      text,
    );
    baseline.push(result.ms);
    baselineNodes = result.nodes;
  }

  writeResult('reader-paint', {
    document: { words: 500_000, characters: text.length, highlights: highlightCount },
    lectern: { what: 'click in the library to first paint of the reader with its highlights', medianMs: Math.round(median(open)), samples: open.map(Math.round), domNodes },
    baseline: { what: 'the same paragraphs as plain <p> elements in one page, to first paint', medianMs: Math.round(median(baseline)), samples: baseline.map(Math.round), domNodes: baselineNodes },
    ratio: Math.round((median(open) / median(baseline)) * 1000) / 1000,
    domRatio: Math.round((domNodes / baselineNodes) * 1000) / 1000,
  });
} finally {
  await browser.close();
  server.close();
  rmSync(outDir, { recursive: true, force: true });
}
