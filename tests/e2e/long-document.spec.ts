import type { Locator, Page } from 'playwright-core';
import { beforeEach, describe, expect, it } from 'vitest';
import { longDocumentText } from '../support/long-document';
import { dropFiles } from './actions';
import { screenshot } from './browser';
import { useApp } from './fixtures';

/** The book every test reads: about 500,000 words, the same every time. */
const BOOK = longDocumentText(500_000);

/** The block at the top of a reading view, and how many pixels of it are scrolled past. */
function topBlock(scroller: Locator): Promise<{ block: number; into: number }> {
  return scroller.evaluate((element) => {
    const top = element.getBoundingClientRect().top;
    // Row 0 is the header; row i + 1 is block i.
    for (const row of element.querySelectorAll<HTMLElement>('.virtual-item')) {
      const box = row.getBoundingClientRect();
      if (box.bottom > top + 1) return { block: Number(row.dataset.index) - 1, into: Math.round(top - box.top) };
    }
    return { block: -1, into: 0 };
  });
}

/**
 * The top block once the view has stopped moving: the same for three reads 150 ms apart. The app
 * says nothing when it has finished putting the reader's place back after a resize, so "stopped"
 * can only be seen over time; the reads are spaced by the poll's interval.
 */
async function settledTopBlock(scroller: Locator): Promise<{ block: number; into: number }> {
  const reads: string[] = [];
  await expect
    .poll(
      async () => {
        reads.push(JSON.stringify(await topBlock(scroller)));
        return reads.length >= 3 && reads.slice(-3).every((read) => read === reads.at(-1));
      },
      { interval: 150, timeout: 10_000 },
    )
    .toBe(true);
  return JSON.parse(reads.at(-1)!) as { block: number; into: number };
}

/** Drags the first pane separator with the mouse until it sits `percent` of the way across the row. */
async function dragSeparator(page: Page, percent: number): Promise<void> {
  const group = (await page.locator('.pane-group').boundingBox())!;
  const handle = (await page.locator('.pane-separator').first().boundingBox())!;
  const y = handle.y + handle.height / 2;
  await page.mouse.move(handle.x + handle.width / 2, y);
  await page.mouse.down();
  await page.mouse.move(group.x + (group.width * percent) / 100, y, { steps: 12 });
  await page.mouse.up();
}

const app = useApp();

describe('a 500,000-word document', () => {
  let page: Page;
  const pane = () => page.locator('section.pane').first();
  const scroller = () => pane().locator('.pane-scroll');
  const width = () => scroller().evaluate((element) => element.clientWidth);

  beforeEach(async () => {
    ({ page } = await app.open());
  });

  /** Imports the book by dropping it on the window and opens it in the reader. */
  async function openBook(): Promise<void> {
    await dropFiles(page, [{ name: 'long-book.txt', text: BOOK }]);
    await page.locator('.library-row', { hasText: 'A Long Book for Testing' }).waitFor({ timeout: 90_000 });
    await page.locator('.library-row', { hasText: 'A Long Book for Testing' }).click();
    await pane().locator('.doc-paragraph').first().waitFor();
  }

  it('imports, opens and scrolls with a bounded number of DOM nodes', { timeout: 120_000 }, async () => {
    await openBook();
    const nodes = () => pane().locator('.pane-article *').count();
    const atTop = await nodes();
    expect(atTop).toBeLessThan(600);

    const height = await scroller().evaluate((el) => el.scrollHeight);
    expect(height).toBeGreaterThan(500_000);
    for (const fraction of [0.25, 0.5, 0.999]) {
      await scroller().evaluate((el, f) => (el.scrollTop = el.scrollHeight * f), fraction);
      await expect.poll(async () => pane().locator('.doc-paragraph').count()).toBeGreaterThan(0);
      expect(await nodes()).toBeLessThan(600);
    }
    // The last paragraph is reachable.
    await expect.poll(() => pane().locator('.doc-paragraph').last().getAttribute('data-block')).toBe(String(BOOK.split('\n\n').length - 1));
    await screenshot(page, 'reader-long-document');
  });

  it('keeps the paragraph being read at the top when the pane gets narrower or wider', { timeout: 60_000 }, async () => {
    await openBook();
    // Scroll down to block 40, a little way into it, and read a while there.
    await scroller().evaluate(async (element) => {
      const frame = () => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
      element.scrollTop = 0;
      for (let step = 0; step < 200; step++) {
        await frame();
        const block = element.querySelector('[data-block="40"]');
        if (!block) {
          element.scrollTop += element.clientHeight / 2;
          continue;
        }
        element.scrollTop += block.getBoundingClientRect().top - element.getBoundingClientRect().top + 40;
        return;
      }
      throw new Error('block 40 never rendered');
    });
    const start = await settledTopBlock(scroller());
    expect(start.block).toBe(40);
    const reading = async (what: string) => {
      const now = await settledTopBlock(scroller());
      expect(Math.abs(now.block - start.block), `${what}: block ${now.block} at the top, not ${start.block}`).toBeLessThanOrEqual(1);
    };

    // The window gets narrower (the text reflows taller), then wide again.
    const wide = await width();
    await page.setViewportSize({ width: 560, height: 820 });
    await expect.poll(width).toBeLessThan(wide - 150);
    await reading('a narrow window');
    await page.setViewportSize({ width: 1280, height: 820 });
    await expect.poll(width).toBe(wide);
    await reading('the window wide again');

    // A second pane opens beside it, the separator is dragged both ways, and the pane closes.
    await page.getByRole('button', { name: 'Add pane' }).click();
    await page.locator('section.pane').nth(1).locator('.empty-pane').waitFor();
    await reading('a second pane opened');
    await dragSeparator(page, 25);
    await reading('the separator dragged to 25%');
    await dragSeparator(page, 82);
    await reading('the separator dragged to 82%');
    await page.locator('section.pane').nth(1).getByRole('button', { name: 'Close pane' }).click();
    await expect.poll(() => page.locator('section.pane').count()).toBe(1);
    await expect.poll(width).toBe(wide);
    await reading('the second pane closed');
  });

  it('keeps a passage found with find in view when the pane gets narrower or wider', { timeout: 60_000 }, async () => {
    await openBook();
    // Five words from far into the book, found nowhere else.
    const block = 1200;
    const phrase = BOOK.split('\n\n')[block]!.split(' ').slice(3, 8).join(' ');
    const found = () =>
      scroller().evaluate((element, index) => {
        const box = element.getBoundingClientRect();
        const middle = (box.top + box.bottom) / 2;
        const passage = element.querySelector(`[data-block="${index}"]`)?.getBoundingClientRect();
        return passage ? passage.top <= middle && passage.bottom >= middle : false;
      }, block);
    await pane().getByRole('button', { name: 'Find in document' }).click();
    await pane().getByRole('searchbox', { name: 'Find in document' }).fill(phrase);
    await expect.poll(() => pane().locator('.find-count').innerText()).toBe('1 of 1');
    await expect.poll(found).toBe(true);
    // After each change of width, the text has reflowed (the width is seen to change) and the view
    // has stopped moving before the passage is looked for: it must still be there, not only pass by.
    const wide = await width();
    await page.setViewportSize({ width: 560, height: 820 });
    await expect.poll(width).toBeLessThan(wide - 150);
    await settledTopBlock(scroller());
    await expect.poll(found).toBe(true);
    await page.setViewportSize({ width: 1280, height: 820 });
    await expect.poll(width).toBe(wide);
    await settledTopBlock(scroller());
    await expect.poll(found).toBe(true);
    await page.getByRole('button', { name: 'Add pane' }).click();
    await page.locator('section.pane').nth(1).locator('.empty-pane').waitFor();
    await expect.poll(width).toBeLessThan(wide - 150);
    await settledTopBlock(scroller());
    await expect.poll(found).toBe(true);
    await page.locator('section.pane').nth(1).getByRole('button', { name: 'Close pane' }).click();
    await expect.poll(() => page.locator('section.pane').count()).toBe(1);
    await expect.poll(width).toBe(wide);
    await settledTopBlock(scroller());
    await expect.poll(found).toBe(true);
  });
});
