// Opening a 500,000-word document with 2,000 highlights in Chromium, 20 times in one page
// (library -> row each time): time to first paint of the reader with its text, its visible
// highlights and the highlight sidebar, whether that time grows from open to open, and the DOM
// node count of the whole page. The baseline is measured in the same page: the same paragraphs
// put into the DOM as plain <p> elements, the way a reader without virtualization would.
import { rmSync } from 'node:fs';
import { startStaticServer } from '../scripts/static-server.mjs';
import { launch, openApp } from '../tests/e2e/browser';
import { longDocumentText } from '../tests/support/long-document';
import { storeHighlights } from '../tests/support/stored-highlights';
import { sized, webBuild, writeResult } from './harness';

const WORDS = sized(500_000, 20_000);
const HIGHLIGHTS = sized(2_000, 50);
const OPENS = sized(20, 3);
const BASELINE_RUNS = sized(3, 1);

const outDir = webBuild();
const { server, url } = await startStaticServer(outDir);
const browser = await launch();
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const round = (value: number, places = 0) => Math.round(value * 10 ** places) / 10 ** places;

/** Least-squares slope of `values` against their index: how much each open adds. */
function slope(values: number[]): number {
  const n = values.length;
  if (n < 2) return 0;
  const meanX = (n - 1) / 2;
  const meanY = values.reduce((sum, v) => sum + v, 0) / n;
  let num = 0;
  let den = 0;
  values.forEach((v, x) => {
    num += (x - meanX) * (v - meanY);
    den += (x - meanX) ** 2;
  });
  return num / den;
}

try {
  const { page, errors } = await openApp(browser, url);
  const cdp = await page.context().newCDPSession(page);
  // tsx keeps function names with a __name helper that the page does not have.
  await page.evaluate('window.__name = (f) => f');
  const text = longDocumentText(WORDS);
  await page.evaluate((content) => {
    const transfer = new DataTransfer();
    transfer.items.add(new File([content], 'long-book.txt'));
    window.dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true }));
  }, text);
  const row = page.locator('.library-row', { hasText: 'A Long Book for Testing' });
  await row.waitFor({ timeout: 120_000 });

  // Highlights spread through the book, written straight into the store.
  const highlightCount = Object.keys(
    await storeHighlights(page, { idPrefix: 'bench', placement: 'spread', count: HIGHLIGHTS, lengths: [40, 70, 100, 130, 160, 190, 220], context: 32, colors: ['yellow', 'green', 'blue', 'pink', 'purple'] }),
  ).length;

  // The Library view tab (exact: "Back up library…" and "Restore library…" are buttons too).
  const libraryTab = page.locator('.view-tabs').getByRole('button', { name: 'Library', exact: true });
  // CPU time of the page's main thread: less at the mercy of other processes than the clock.
  await cdp.send('Performance.enable');
  const threadTime = async () => (await cdp.send('Performance.getMetrics')).metrics.find((metric) => metric.name === 'ThreadTime')?.value ?? 0;
  const samples: number[] = [];
  const textSamples: number[] = [];
  const cpuSamples: number[] = [];
  const heapMb: number[] = [];
  let firstPaintNodes = 0;
  let lastNodes = 0;
  let sidebarCards = 0;
  for (let run = 0; run < OPENS; run++) {
    await libraryTab.click();
    await row.waitFor();
    // The pointer rests on the row before the click, as a student's does; pointing at a row
    // starts loading the reading view's code (App), so the open measures the reader, not a fetch.
    await row.hover();
    await page.waitForTimeout(300);
    // The page at rest before each open: collected, so the heap figure is what the opens kept.
    await cdp.send('HeapProfiler.collectGarbage');
    const used = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
    heapMb.push(round(used.usedSize / 2 ** 20, 1));
    const cpuBefore = await threadTime();
    const result = await page.evaluate(
      () =>
        new Promise<{ textMs: number; ms: number; nodes: number; cards: number }>((resolve) => {
          const start = performance.now();
          let textMs = -1;
          (document.querySelector('.library-row') as HTMLElement).click();
          // Painted when the reader shows its text, the highlights of the paragraphs on screen
          // are marked, and the sidebar lists cards: the frame after that is on screen.
          const check = () => {
            const paragraph = document.querySelector('.pane-article .doc-paragraph');
            if (paragraph && textMs < 0) textMs = performance.now() - start;
            if (paragraph && document.querySelector('.pane-article mark[data-annotation-id]') && document.querySelector('.highlight-card')) {
              requestAnimationFrame(() =>
                resolve({ textMs, ms: performance.now() - start, nodes: document.getElementsByTagName('*').length, cards: document.querySelectorAll('.highlight-card').length }),
              );
            } else requestAnimationFrame(check);
          };
          requestAnimationFrame(check);
        }),
    );
    cpuSamples.push((await threadTime()) - cpuBefore);
    samples.push(result.ms);
    textSamples.push(result.textMs);
    if (run === 0) firstPaintNodes = result.nodes;
    sidebarCards = result.cards;
  }
  // Let whatever the reader does after its first paint finish, then count the whole page.
  await page.waitForTimeout(1_000);
  lastNodes = await page.evaluate(() => document.getElementsByTagName('*').length);

  const baseline: number[] = [];
  let baselineNodes = 0;
  for (let run = 0; run < BASELINE_RUNS; run++) {
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
              const nodes = document.getElementsByTagName('*').length;
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
  if (errors.length) throw new Error(`the page reported errors: ${errors.join('; ')}`);

  const half = Math.max(1, Math.floor(OPENS / 4));
  const firstOpens = samples.slice(1, 1 + half);
  const lastOpens = samples.slice(-half);
  writeResult('reader-paint', {
    document: { words: WORDS, characters: text.length, highlights: highlightCount, opens: OPENS },
    lectern: {
      what: `click on the library row to the first paint of the reader with its text, the highlights on screen marked and the sidebar listing cards, ${OPENS} opens in one page`,
      firstOpenMs: round(samples[0]!),
      medianMs: round(median(samples)),
      maxMs: round(Math.max(...samples)),
      samples: samples.map((s) => round(s)),
      mainThreadCpu: {
        what: "CPU time of the page's main thread from the click until the painted frame was reported (a little of what follows the paint included)",
        firstOpenMs: round(cpuSamples[0]! * 1000),
        medianMs: round(median(cpuSamples) * 1000),
        maxMs: round(Math.max(...cpuSamples) * 1000),
        samples: cpuSamples.map((s) => round(s * 1000)),
      },
      textOnly: { what: 'click to the first frame with the text on screen', medianMs: round(median(textSamples)), samples: textSamples.map((s) => round(s)) },
      growth: {
        what: 'least-squares slope of the open times (ms per open), the median of the last opens over that of the early ones (the first, cold open left out), and the JS heap after a collection before each open',
        slopeMsPerOpen: round(slope(samples), 2),
        lateOverEarly: round(median(lastOpens) / median(firstOpens), 3),
        heapMb,
      },
      domNodes: { what: 'elements in the whole page (document.getElementsByTagName("*"))', firstPaint: firstPaintNodes, afterLastOpen: lastNodes, sidebarCards },
    },
    baseline: { what: 'the same paragraphs as plain <p> elements in the same page, to first paint', medianMs: round(median(baseline)), samples: baseline.map((s) => round(s)), domNodes: baselineNodes },
    ratio: round(median(samples) / median(baseline), 3),
    domRatio: round(lastNodes / baselineNodes, 3),
  });
} finally {
  await browser.close();
  server.close();
  if (!process.env.BENCH_WEB_DIR) rmSync(outDir, { recursive: true, force: true });
}
