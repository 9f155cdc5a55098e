import type { Locator, Page } from 'playwright-core';
import { beforeEach, describe, expect, it } from 'vitest';
import { buildTestPdf, wrapText } from '../../app/documents/pdf/test-pdf';
import { dropFiles } from './actions';
import { screenshot } from './browser';
import { useApp } from './fixtures';
import { libraryDump, rowCounts } from './library-dump';

const PAGE_TEXTS = [
  'Balagov sets his debut in Nalchik in 1998, where a Jewish family faces the kidnapping of a son and his bride.',
  "Ilana refuses the role her parents choose for her and works in her father's garage instead of studying.",
  "The closing titles name the director's teacher Sokurov and the workshop where the film was made.",
];

/** Three pages of prose, each with its own sentences, set in lines as a journal would print them. */
function threePagePdf(): Uint8Array {
  const pages = PAGE_TEXTS.map((sentence, index) => {
    const body = wrapText(Array.from({ length: 6 }, () => sentence.split(' ')).flat(), { x: 72, top: index === 0 ? 680 : 720, width: 440, size: 12 });
    const heading = index === 0 ? [{ x: 72, y: 730, text: 'Closeness in the North Caucasus', size: 20 }] : [];
    return { runs: [...heading, ...body.runs, { x: 300, y: 40, text: String(index + 1), size: 9 }] };
  });
  return buildTestPdf(pages, { info: { Title: 'Closeness in the North Caucasus', Author: 'Anna Petrova' } });
}

/** Dark pixels on a page's canvas: a drawn page has text on it, an undrawn one is blank. */
function inkOn(pdfPage: Locator): Promise<number> {
  return pdfPage.locator('canvas').evaluate((canvas: HTMLCanvasElement) => {
    const data = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data;
    let dark = 0;
    for (let i = 0; i < data.length; i += 4) if (data[i]! < 128 && data[i + 3]! > 0) dark++;
    return dark;
  });
}

/**
 * Selects text in a page's text layer from `first` to the first `endLength` characters of the next
 * line, so the selection spans a line break, releases the mouse and returns the selected text.
 */
async function selectInTextLayer(pdfPage: Locator, first: string, endLength: number): Promise<string> {
  return pdfPage.evaluate(
    (root, [from, length]) => {
      const layer = root.querySelector('.textLayer')!;
      const walker = document.createTreeWalker(layer, NodeFilter.SHOW_TEXT);
      const nodes: Text[] = [];
      for (let node = walker.nextNode(); node; node = walker.nextNode()) if ((node as Text).data.trim()) nodes.push(node as Text);
      const start = nodes.find((node) => node.data.includes(from))!;
      const end = nodes[nodes.indexOf(start) + 1]!;
      const range = document.createRange();
      range.setStart(start, start.data.indexOf(from));
      range.setEnd(end, length);
      window.getSelection()!.removeAllRanges();
      window.getSelection()!.addRange(range);
      layer.dispatchEvent(new MouseEvent('mouseup', { bubbles: true }));
      return range.toString();
    },
    [first, endLength] as const,
  );
}

/** The number of page maps in the app's database, read in the page. */
async function countPageMaps(page: Page): Promise<number> {
  return rowCounts(await libraryDump(page)).pageMaps ?? 0;
}

/**
 * Puts the library back as the version before page maps left it: no page maps, and (as after a
 * new version of a file) highlights without stored rectangles, so only a map can place them on
 * the pages. Resolves the number of highlights.
 */
function forgetPageMaps(page: Page): Promise<number> {
  return page.evaluate(
    () =>
      new Promise<number>((resolve, reject) => {
        const opening = indexedDB.open('lectern');
        opening.onerror = () => reject(new Error(String(opening.error)));
        opening.onsuccess = () => {
          const db = opening.result;
          const tx = db.transaction(['pageMaps', 'annotations'], 'readwrite');
          tx.objectStore('pageMaps').clear();
          const annotations = tx.objectStore('annotations');
          const reading = annotations.getAll();
          reading.onsuccess = () => {
            for (const row of reading.result as { selectors: { rects?: unknown }[] }[]) {
              for (const selector of row.selectors) delete selector.rects;
              annotations.put(row);
            }
          };
          tx.oncomplete = () => (db.close(), resolve(reading.result.length));
          tx.onerror = () => reject(new Error(String(tx.error)));
        };
      }),
  );
}

const app = useApp();

describe('the page view of a PDF', () => {
  let page: Page;
  const pane = () => page.locator('section.pane').first();
  const view = () => pane().locator('.pdf-page-view');
  const pdfPage = (n: number) => view().locator(`.pdf-page[data-page-number="${n}"]`);

  beforeEach(async () => {
    ({ page } = await app.open());
    await dropFiles(page, [{ name: 'petrova.pdf', bytes: threePagePdf() }]);
    await page.locator('.library-row', { hasText: 'Closeness in the North Caucasus' }).click({ timeout: 30_000 });
    await pane().locator('.doc-paragraph').first().waitFor();
  });

  /** Switches the open PDF to its page view. */
  async function showPages(): Promise<void> {
    await pane().getByRole('button', { name: 'Page view' }).click();
    await view().waitFor();
  }

  /** Goes to a page with the page number box and waits until its text layer is there. */
  async function goToPage(n: number): Promise<void> {
    await view().getByLabel('Page number').fill(String(n));
    await view().getByLabel('Page number').press('Enter');
    await expect.poll(() => pdfPage(n).locator('.textLayer span').count()).toBeGreaterThan(3);
  }

  /** Selects, on page 2, from "garage instead" into the next line; returns the selected text. */
  async function selectAcrossLineOnPage2(): Promise<string> {
    // Pressing the mouse on a page moves focus there (off the page number box).
    await view().locator('.pdf-scroll').focus();
    const selected = await selectInTextLayer(pdfPage(2), 'garage instead', 12);
    await view().locator('.selection-toolbar').waitFor();
    return selected;
  }

  /** Colours the selection green with the keyboard and waits until it is drawn and listed. */
  async function highlightSelectionGreen(): Promise<void> {
    await page.keyboard.press('2');
    await expect.poll(() => pdfPage(2).locator('.pdf-mark.hl-green').count()).toBeGreaterThanOrEqual(2);
    await expect.poll(() => pane().locator('.highlight-card').count()).toBe(1);
  }

  it('draws the pages with a counter, and pages and zooms', async () => {
    await showPages();
    await expect.poll(() => view().getByLabel('Page number').inputValue()).toBe('1');
    expect(await view().locator('.pdf-page-count').innerText()).toBe('of 3');
    await pdfPage(1).locator('canvas').waitFor();
    await expect.poll(() => inkOn(pdfPage(1))).toBeGreaterThan(500);
    await screenshot(page, 'pdf-view-page1');

    await view().getByRole('button', { name: 'Next page' }).click();
    await expect.poll(() => view().getByLabel('Page number').inputValue()).toBe('2');
    await expect.poll(() => pdfPage(2).locator('.textLayer span').count()).toBeGreaterThan(3);
    await expect.poll(() => inkOn(pdfPage(2))).toBeGreaterThan(500);

    const before = (await pdfPage(2).boundingBox())!.width;
    await view().getByRole('button', { name: 'Zoom in' }).click();
    await expect.poll(async () => (await pdfPage(2).boundingBox())!.width).toBeGreaterThan(before * 1.05);
    const zoomed = (await pdfPage(2).boundingBox())!.width;
    // The keyboard zooms too while the view has focus; zooming keeps the reader on the same page.
    await view().locator('.pdf-scroll').focus();
    await page.keyboard.press('Control+Minus');
    await page.keyboard.press('Control+Minus');
    await expect.poll(async () => (await pdfPage(2).boundingBox())!.width).toBeLessThan(zoomed * 0.9);
    const reduced = (await pdfPage(2).boundingBox())!.width;
    await page.keyboard.press('Control+Equal');
    await expect.poll(async () => (await pdfPage(2).boundingBox())!.width).toBeGreaterThan(reduced * 1.05);
    await page.keyboard.press('Control+Minus');
    await expect.poll(() => pdfPage(2).locator('canvas').evaluate((canvas: HTMLCanvasElement) => canvas.getBoundingClientRect().width)).toBeCloseTo(
      (await pdfPage(2).boundingBox())!.width,
      0,
    );
    expect(await view().getByLabel('Page number').inputValue()).toBe('2');
    await screenshot(page, 'pdf-view-zoomed-out');
    await view().getByRole('button', { name: /Fit width/ }).click();
    await view().getByLabel('Page number').fill('3');
    await view().getByLabel('Page number').press('Enter');
    await expect.poll(() => inkOn(pdfPage(3))).toBeGreaterThan(500);
  });

  it('highlights text selected on a page and draws it in its colour', async () => {
    await showPages();
    await goToPage(2);
    const selected = await selectAcrossLineOnPage2();
    await screenshot(page, 'pdf-view-selection');
    await highlightSelectionGreen();
    const quote = await pane().locator('.highlight-card .highlight-quote').innerText();
    // The text layer has no space at a line end; the canonical text does.
    expect(quote).toBe('“garage instead of studying. Ilana refuses the role her parents choose for h”');
    expect(selected).toBe('garage instead of studying. Ilana refuses the role her parentschoose for h');

    // The rectangles sit over the selected words of the text layer.
    const word = await pdfPage(2).locator('.textLayer span', { hasText: 'garage instead' }).first().boundingBox();
    const mark = await pdfPage(2).locator('.pdf-mark').first().boundingBox();
    expect(Math.abs(mark!.y - word!.y)).toBeLessThan(word!.height);
    await screenshot(page, 'pdf-view-highlight');

    // Clicking a rectangle selects its highlight.
    await pane().locator('.highlight-card').first().locator('.highlight-quote').click();
    await page.mouse.click(mark!.x + mark!.width / 2, mark!.y + mark!.height / 2);
    await expect.poll(() => pdfPage(2).locator('.pdf-mark.hl-selected').count()).toBeGreaterThan(0);
  });

  /** Reloads the app and shows page 2 of the PDF in the page view, whichever view the pane comes back in. */
  async function reloadToPage2(): Promise<void> {
    await page.reload();
    await page.waitForSelector('.app-header');
    // The app comes back in the reading view (its code loads on demand) or in the library.
    await page.locator('section.pane, .library-row').first().waitFor();
    if ((await pane().count()) === 0) await page.locator('.library-row', { hasText: 'Closeness in the North Caucasus' }).click();
    // The pane may come back in either view.
    await pane().locator('.pdf-page-view, .doc-paragraph').first().waitFor();
    if ((await view().count()) === 0) await pane().getByRole('button', { name: 'Page view' }).click();
    await view().getByLabel('Page number').fill('2');
    await view().getByLabel('Page number').press('Enter');
  }

  it('draws the highlight again after a reload', async () => {
    // Its own highlight, made as the test before makes one: a highlight is drawn once it is stored.
    await showPages();
    await goToPage(2);
    await selectAcrossLineOnPage2();
    await highlightSelectionGreen();

    await reloadToPage2();
    await expect.poll(() => pdfPage(2).locator('.pdf-mark.hl-green').count()).toBeGreaterThanOrEqual(2);
    await screenshot(page, 'pdf-view-after-reload');
  });

  it('gives a PDF imported before page maps were kept its map on first open, and draws its highlights through it', async () => {
    await showPages();
    await goToPage(2);
    await selectAcrossLineOnPage2();
    await highlightSelectionGreen();
    const stripped = await forgetPageMaps(page);
    expect(stripped).toBe(1);
    expect(await countPageMaps(page)).toBe(0);

    await reloadToPage2();
    // Built off the UI thread from the kept original, and stored.
    await expect.poll(() => countPageMaps(page), { timeout: 30_000 }).toBe(1);
    await expect.poll(() => pdfPage(2).locator('.pdf-mark.hl-green').count()).toBeGreaterThanOrEqual(2);
    // Over the selected words: from "garage instead" on its line to the next line.
    const word = await pdfPage(2).locator('.textLayer span', { hasText: 'garage instead' }).first().boundingBox();
    const marks = await pdfPage(2).locator('.pdf-mark.hl-green').evaluateAll((elements) => elements.map((element) => element.getBoundingClientRect().toJSON() as DOMRect));
    const first = marks.reduce((top, mark) => (mark.y < top.y ? mark : top));
    expect(Math.abs(first.y - word!.y)).toBeLessThan(word!.height);
    expect(first.x).toBeGreaterThan(word!.x - 2);
    expect(marks.some((mark) => mark.y > first.y + word!.height / 2)).toBe(true);
    await screenshot(page, 'pdf-view-map-rebuilt');
  });
});

const ORDINALS = ['First', 'Second', 'Third', 'Fourth', 'Fifth', 'Sixth', 'Seventh', 'Eighth'];

/** Eight pages of three paragraphs each, every page opening with its own word ("Sixth ..."), long enough to scroll. */
function eightPagePdf(): Uint8Array {
  const words = 'the family workshop in Nalchik keeps its garage open while the kidnapping is talked over at night'.split(' ');
  const pages = ORDINALS.map((ordinal) => {
    const runs = [0, 1, 2].flatMap((paragraph) => {
      const body = [paragraph === 0 ? `${ordinal}` : 'Then', ...Array.from({ length: 9 }, () => words).flat()];
      return wrapText(body, { x: 72, top: 720 - paragraph * 220, width: 440, size: 12 }).runs;
    });
    return { runs };
  });
  return buildTestPdf(pages, { info: { Title: 'A Long Report on Closeness', Author: 'Anna Petrova' } });
}

describe('switching between the page view and the text view', () => {
  it('keeps the place: the page shown opens the text there, and the text shown opens that page', async () => {
    const { page } = await app.open();
    const pane = page.locator('section.pane').first();
    const view = pane.locator('.pdf-page-view');
    await dropFiles(page, [{ name: 'long-report.pdf', bytes: eightPagePdf() }]);
    await page.locator('.library-row', { hasText: 'A Long Report on Closeness' }).click({ timeout: 30_000 });
    await pane.locator('.doc-paragraph').first().waitFor();

    await pane.getByRole('button', { name: 'Page view' }).click();
    await view.waitFor();
    await view.getByLabel('Page number').fill('6');
    await view.getByLabel('Page number').press('Enter');
    await expect.poll(() => view.locator('.pdf-page[data-page-number="6"] .textLayer span').count()).toBeGreaterThan(3);

    await pane.getByRole('button', { name: 'Text view' }).click();
    // The words that open page 6 are on screen in the text view, which has scrolled to them.
    await expect
      .poll(() =>
        pane.locator('.pane-scroll').evaluate((scroller) => {
          const walker = document.createTreeWalker(scroller, NodeFilter.SHOW_TEXT);
          for (let node = walker.nextNode(); node; node = walker.nextNode()) {
            const at = node.textContent!.indexOf('Sixth');
            if (at < 0) continue;
            const range = document.createRange();
            range.setStart(node, at);
            range.setEnd(node, at + 5);
            const word = range.getBoundingClientRect();
            const view = scroller.getBoundingClientRect();
            return word.top >= view.top && word.bottom <= view.bottom;
          }
          return false;
        }),
      )
      .toBe(true);
    expect(await pane.locator('.pane-scroll').evaluate((scroller) => scroller.scrollTop)).toBeGreaterThan(0);

    await pane.getByRole('button', { name: 'Page view' }).click();
    await view.waitFor();
    await expect.poll(() => view.getByLabel('Page number').inputValue()).toBe('6');
  });
});
