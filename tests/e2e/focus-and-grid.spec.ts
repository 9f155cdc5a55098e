import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { screenshot } from './browser';
import { importSeeds, seed, useApp } from './fixtures';

const app = useApp();

/** The focused element's outline, as drawn (style, width in px, colour) and whether it is :focus-visible. */
function focusRing(page: Page) {
  return page.evaluate(() => {
    const element = document.activeElement as HTMLElement;
    const style = getComputedStyle(element);
    return { visible: element.matches(':focus-visible'), style: style.outlineStyle, width: parseFloat(style.outlineWidth) };
  });
}

/** Moves keyboard focus to `target` as a keyboard user would land there (a key press first, so the ring shows). */
async function keyboardFocus(page: Page, target: Locator): Promise<void> {
  await page.keyboard.press('Shift');
  await target.focus();
}

const focusedTitle = (page: Page) => page.evaluate(() => document.activeElement?.querySelector('.doc-title')?.textContent ?? null);

describe.each(['light', 'dark'] as const)('keyboard focus (%s theme)', (theme) => {
  it('shows a ring on sort buttons, library rows, sidebar items, sources and citations; the table is a grid', async () => {
    const { page } = await app.open({ colorScheme: theme });
    await importSeeds(page, [seed('000'), seed('001'), seed('002')]);
    const rows = page.locator('.library-row');
    const titles = await rows.locator('.doc-title').allInnerTexts();

    // One row in the Tab order; Shift+Tab from it reaches the last sort button.
    expect(await rows.evaluateAll((list) => list.map((row) => row.getAttribute('tabindex')))).toEqual(['0', '-1', '-1']);
    await keyboardFocus(page, rows.first());
    await page.keyboard.press('Shift+Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toContain('Added');
    expect(await focusRing(page)).toEqual({ visible: true, style: 'solid', width: 2 });
    await screenshot(page, `focus-sort-button-${theme}`);

    // Arrows, End and Home move between rows; the row keeps a ring.
    await page.keyboard.press('Tab');
    expect(await focusedTitle(page)).toBe(titles[0]);
    await page.keyboard.press('ArrowDown');
    expect(await focusedTitle(page)).toBe(titles[1]);
    expect(await focusRing(page)).toEqual({ visible: true, style: 'solid', width: 2 });
    await page.keyboard.press('End');
    expect(await focusedTitle(page)).toBe(titles[2]);
    await page.keyboard.press('ArrowDown');
    expect(await focusedTitle(page)).toBe(titles[2]);
    await page.keyboard.press('Home');
    expect(await focusedTitle(page)).toBe(titles[0]);
    await page.keyboard.press('ArrowDown');
    await screenshot(page, `focus-library-row-${theme}`);
    // The row last visited is the one Tab comes back to.
    expect(await rows.evaluateAll((list) => list.map((row) => row.getAttribute('tabindex')))).toEqual(['-1', '0', '-1']);

    await keyboardFocus(page, page.locator('.filter-item').first());
    expect(await focusRing(page)).toEqual({ visible: true, style: 'solid', width: 2 });
    await screenshot(page, `focus-library-filter-${theme}`);

    // Enter opens the focused row; Shift+Enter opens another beside it.
    await keyboardFocus(page, rows.nth(1));
    await page.keyboard.press('Enter');
    await page.locator('section.pane .doc-paragraph').first().waitFor();
    await page.getByRole('button', { name: 'Library', exact: true }).click();
    await keyboardFocus(page, rows.nth(2));
    await page.keyboard.press('Shift+Enter');
    await expect.poll(() => page.locator('section.pane').count()).toBe(2);
    await expect.poll(() => page.locator('section.pane').nth(1).locator('.doc-paragraph').count()).toBeGreaterThan(0);

    await keyboardFocus(page, page.locator('.source-open').first());
    expect(await focusRing(page)).toEqual({ visible: true, style: 'solid', width: 2 });
    await screenshot(page, `focus-source-${theme}`);

    const cite = page.locator('section.pane .cite').first();
    await cite.waitFor();
    await keyboardFocus(page, cite);
    expect(await focusRing(page)).toEqual({ visible: true, style: 'solid', width: 2 });
    await screenshot(page, `focus-citation-${theme}`);
  });
});
