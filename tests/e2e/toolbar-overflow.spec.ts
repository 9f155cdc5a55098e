import { readFileSync } from 'node:fs';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { buildEpub } from '../../app/documents/epub/epub-fixture';
import { dropFiles } from './actions';
import { screenshot, SEEDS } from './browser';
import { seed, useApp } from './fixtures';

const app = useApp();
const PAPER = new Uint8Array(readFileSync(new URL('./files/made--authoryear-en.pdf', import.meta.url)));

/** A three-chapter book of seed 001's opening, for the EPUB page view's toolbar. */
function threeChapters(): Uint8Array {
  const words = readFileSync(SEEDS + seed('001'), 'utf8').replace(/[<&>]/g, ' ').split(/\s+/).slice(0, 900);
  const chapter = (n: number) => `<h1>Part ${n}</h1><p>${words.slice((n - 1) * 300, n * 300).join(' ')}</p>`;
  return buildEpub({
    metadata: '<dc:title>Closeness in Three Parts</dc:title><dc:creator>Daria Ezerova</dc:creator><dc:date>2018</dc:date>',
    chapters: [1, 2, 3].map((n) => ({ file: `c${n}.xhtml`, body: chapter(n) })),
  });
}

/** True when every child of the toolbar sits on one line and nothing spills out of it. */
function onOneLine(toolbar: Locator): Promise<boolean> {
  return toolbar.evaluate((bar) => {
    const tops = [...bar.children].map((child) => {
      const rect = child.getBoundingClientRect();
      return rect.top + rect.height / 2;
    });
    const middle = bar.getBoundingClientRect();
    const inside = tops.every((top) => top > middle.top && top < middle.bottom);
    return inside && Math.max(...tops) - Math.min(...tops) < 8 && bar.scrollWidth <= bar.clientWidth + 1;
  });
}

async function openBeside(page: Page, title: string): Promise<void> {
  await page.getByRole('button', { name: 'Library', exact: true }).click();
  await page.locator('.library-row', { hasText: title }).click({ modifiers: ['Shift'] });
}

describe.each(['light', 'dark'] as const)('toolbars in three panes at 1280 px (%s theme)', (theme) => {
  it('stay on one line, with what does not fit in an overflow menu', async () => {
    const { page } = await app.open({ colorScheme: theme });
    await dropFiles(page, [
      { name: 'paper.pdf', bytes: PAPER },
      { name: seed('001'), bytes: readFileSync(SEEDS + seed('001')) },
      { name: seed('002'), bytes: readFileSync(SEEDS + seed('002')) },
    ]);
    await expect.poll(() => page.locator('.library-row').count(), { timeout: 30_000 }).toBe(3);
    await page.locator('.library-row', { hasText: 'Kinship' }).click();
    await openBeside(page, 'Kantemir Balagov');
    await openBeside(page, 'Movie Review');
    const panes = page.locator('section.pane');
    await expect.poll(() => panes.count()).toBe(3);
    const pdfPane = panes.filter({ hasText: 'Kinship' }).first();

    // The pane's text commands are in its "⋯" menu; the menu opens the page view.
    const more = pdfPane.getByRole('button', { name: 'More pane commands' });
    await more.click();
    const menu = pdfPane.getByRole('menu', { name: 'More pane commands' });
    expect(await menu.getByRole('menuitemcheckbox').allInnerTexts()).toEqual([expect.stringContaining('Page view')]);
    await menu.getByRole('menuitemcheckbox', { name: /Page view/ }).click();
    await pdfPane.locator('.pdf-toolbar').waitFor();
    await pdfPane.locator('.pdf-page').first().waitFor({ timeout: 30_000 });

    for (const toolbar of await page.locator('.pane-toolbar, .pdf-toolbar').all()) expect(await onOneLine(toolbar)).toBe(true);
    // Every pane keeps a readable title.
    for (const title of await page.locator('.pane-title').all()) expect((await title.boundingBox())!.width).toBeGreaterThan(60);
    await screenshot(page, `toolbars-three-panes-${theme}`);

    // Zoom lives in the PDF toolbar's menu, keyboard first: Enter opens, arrows move, Enter runs.
    const zoom = pdfPane.locator('.pdf-toolbar .overflow-menu > button');
    const before = await zoom.getAttribute('aria-label');
    await zoom.focus();
    await page.keyboard.press('Enter');
    await page.keyboard.press('ArrowDown');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toContain('Zoom in');
    await screenshot(page, `toolbars-zoom-menu-${theme}`);
    await page.keyboard.press('Enter');
    await expect.poll(() => zoom.getAttribute('aria-label')).not.toBe(before);
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-haspopup'))).toBe('menu');
  });

  it('show every pane command, each toolbar on one line, at 1920 × 1080', async () => {
    const { page } = await app.open({ colorScheme: theme });
    await page.setViewportSize({ width: 1920, height: 1080 });
    await dropFiles(page, [
      { name: 'paper.pdf', bytes: PAPER },
      { name: seed('001'), bytes: readFileSync(SEEDS + seed('001')) },
      { name: seed('002'), bytes: readFileSync(SEEDS + seed('002')) },
    ]);
    await expect.poll(() => page.locator('.library-row').count(), { timeout: 30_000 }).toBe(3);
    await page.locator('.library-row', { hasText: 'Kinship' }).click();
    await openBeside(page, 'Kantemir Balagov');
    await openBeside(page, 'Movie Review');
    await expect.poll(() => page.locator('section.pane').count()).toBe(3);
    await page.locator('section.pane').filter({ hasText: 'Kinship' }).first().getByRole('button', { name: 'Page view' }).click();
    await page.locator('.pdf-page').first().waitFor({ timeout: 30_000 });
    // Wide enough for every pane command; the PDF toolbar, beside the pane's sidebar, may still fold its zoom.
    expect(await page.locator('.pane-toolbar .overflow-menu').count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Details', exact: true }).count()).toBe(3);
    for (const toolbar of await page.locator('.pane-toolbar, .pdf-toolbar').all()) expect(await onOneLine(toolbar)).toBe(true);
    await screenshot(page, `toolbars-three-panes-1920-${theme}`);
  });

  it('keep the EPUB page view on one line in a narrow pane, chapter steps in its menu', async () => {
    const { page } = await app.open({ colorScheme: theme });
    await dropFiles(page, [
      { name: 'book.epub', bytes: threeChapters() },
      { name: seed('001'), bytes: readFileSync(SEEDS + seed('001')) },
      { name: seed('002'), bytes: readFileSync(SEEDS + seed('002')) },
    ]);
    await expect.poll(() => page.locator('.library-row').count(), { timeout: 30_000 }).toBe(3);
    await page.locator('.library-row', { hasText: 'Closeness in Three Parts' }).click();
    await openBeside(page, 'Kantemir Balagov');
    await openBeside(page, 'Movie Review');
    const panes = page.locator('section.pane');
    await expect.poll(() => panes.count()).toBe(3);
    const bookPane = panes.filter({ hasText: 'Closeness in Three Parts' }).first();
    await bookPane.getByRole('button', { name: 'More pane commands' }).click();
    await bookPane.getByRole('menuitemcheckbox', { name: /Page view/ }).click();
    const toolbar = bookPane.locator('.epub-toolbar');
    const counter = toolbar.locator('.epub-page-counter');
    await counter.waitFor({ timeout: 30_000 });

    expect(await onOneLine(toolbar)).toBe(true);
    // The counter is short on screen and whole for a screen reader.
    expect(await counter.innerText()).toMatch(/^\d+\/\d+$/);
    expect(await counter.getAttribute('aria-label')).toMatch(/^Page \d+ of \d+ · section 1 of 3$/);
    await screenshot(page, `toolbars-epub-three-panes-${theme}`);

    // "Next chapter" in the menu turns to the second part, by keyboard.
    const more = toolbar.getByRole('button', { name: 'More page commands' });
    await more.focus();
    await page.keyboard.press('Enter');
    const menu = toolbar.getByRole('menu', { name: 'More page commands' });
    expect(await menu.getByRole('menuitem', { name: 'Previous chapter' }).getAttribute('aria-disabled')).toBe('true');
    // The menu opens on its first command that can run.
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Next chapter');
    await page.keyboard.press('Enter');
    await expect.poll(() => counter.getAttribute('aria-label'), { timeout: 10_000 }).toMatch(/section 2 of 3$/);
    expect(await toolbar.locator('.epub-chapter-select').inputValue()).toBe('1');
    expect(await onOneLine(toolbar)).toBe(true);
  });
});
