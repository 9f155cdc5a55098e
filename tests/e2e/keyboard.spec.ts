import { describe, expect, it } from 'vitest';
import { screenshot, SEEDS } from './browser';
import { seed, useApp } from './fixtures';

const seed001 = seed('001');
const app = useApp();

describe('reading and quoting with the keyboard alone', () => {
  it('imports with Ctrl+O, opens with Enter, highlights a found passage and quotes it in a notebook', async () => {
    const { page } = await app.open();
    await page.locator('.empty-library').waitFor();
    await page.locator('body').click({ position: { x: 600, y: 700 } });
    const chooser = page.waitForEvent('filechooser');
    await page.keyboard.press('Control+o');
    await (await chooser).setFiles([SEEDS + seed001]);
    const row = page.locator('.library-row').first();
    await row.waitFor({ timeout: 20_000 });
    await row.focus();
    await page.keyboard.press('Enter');
    const pane = page.locator('section.pane').first();
    await pane.locator('.doc-paragraph').first().waitFor();

    await page.keyboard.press('Control+f');
    const find = pane.getByRole('searchbox', { name: 'Find in document' });
    await expect.poll(() => find.evaluate((input) => input === document.activeElement)).toBe(true);
    await page.keyboard.type('the mother tongue');
    await expect.poll(() => pane.locator('.find-count').innerText()).toBe('1 of 1');
    await page.keyboard.press('Control+Enter');
    await expect.poll(() => pane.locator('mark.hl-yellow').allInnerTexts()).toEqual(['the mother tongue']);
    await page.keyboard.press('Escape');

    // The new highlight is selected: Ctrl+Shift+N quotes it in a (new) notebook.
    await pane.locator('.pane-scroll').focus();
    await page.keyboard.press('Control+Shift+N');
    const notebook = page.locator('section.pane', { has: page.locator('.notebook-pane') });
    await notebook.locator('blockquote').waitFor({ timeout: 10_000 });
    expect(await notebook.locator('blockquote').innerText()).toContain('the mother tongue');
    expect(await notebook.locator('.note-citation').innerText()).toMatch(/^\(Ezerova 2018, ¶ \d+\)$/);
    await screenshot(page, 'keyboard-quote');
  });
});
