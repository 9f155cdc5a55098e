import { readFileSync } from 'node:fs';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { dropFiles } from './actions';
import { screenshot, SEEDS } from './browser';
import { seed, useApp } from './fixtures';

const app = useApp();
const PAPER = new Uint8Array(readFileSync(new URL('./files/made--authoryear-en.pdf', import.meta.url)));

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
});
