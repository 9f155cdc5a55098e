import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { longDocumentText } from '../support/long-document';
import { launch, openApp, screenshot } from './browser';

describe('a 500,000-word document', () => {
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    browser = await launch();
    ({ page } = await openApp(browser, inject('baseUrl')));
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('imports, opens and scrolls with a bounded number of DOM nodes', { timeout: 120_000 }, async () => {
    const text = longDocumentText(500_000);
    await page.evaluate((content) => {
      const transfer = new DataTransfer();
      transfer.items.add(new File([content], 'long-book.txt'));
      window.dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true }));
    }, text);
    await page.locator('.library-row', { hasText: 'A Long Book for Testing' }).waitFor({ timeout: 90_000 });
    await page.locator('.library-row', { hasText: 'A Long Book for Testing' }).click();
    const pane = page.locator('section.pane').first();
    await pane.locator('.doc-paragraph').first().waitFor();
    const nodes = () => pane.locator('.pane-article *').count();
    const atTop = await nodes();
    expect(atTop).toBeLessThan(600);

    const scroller = pane.locator('.pane-scroll');
    const height = await scroller.evaluate((el) => el.scrollHeight);
    expect(height).toBeGreaterThan(500_000);
    for (const fraction of [0.25, 0.5, 0.999]) {
      await scroller.evaluate((el, f) => (el.scrollTop = el.scrollHeight * f), fraction);
      await expect.poll(async () => pane.locator('.doc-paragraph').count()).toBeGreaterThan(0);
      expect(await nodes()).toBeLessThan(600);
    }
    // The last paragraph is reachable.
    await expect.poll(() => pane.locator('.doc-paragraph').last().getAttribute('data-block')).toBe(String(text.split('\n\n').length - 1));
    await screenshot(page, 'reader-long-document');
  });
});
