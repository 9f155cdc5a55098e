import type { Locator, Page } from 'playwright-core';
import { beforeEach, describe, expect, it } from 'vitest';
import { buildTestPdf, wrapText } from '../../app/documents/pdf/test-pdf';
import { dropFiles } from './actions';
import { screenshot } from './browser';
import { useApp } from './fixtures';

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

  it('draws the highlight again after a reload', async () => {
    // Its own highlight, made as the test before makes one: a highlight is drawn once it is stored.
    await showPages();
    await goToPage(2);
    await selectAcrossLineOnPage2();
    await highlightSelectionGreen();

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
    await expect.poll(() => pdfPage(2).locator('.pdf-mark.hl-green').count()).toBeGreaterThanOrEqual(2);
    await screenshot(page, 'pdf-view-after-reload');
  });
});
