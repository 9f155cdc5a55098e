import { readFileSync } from 'node:fs';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { screenshot, SEEDS } from './browser';
import { seed, useApp, waitForNotesSaved } from './fixtures';

const app = useApp();

/** Presses Tab (Shift+Tab with `back`) until `target` has focus: proof it is in the Tab order. */
async function tabTo(page: Page, target: Locator, back = false): Promise<void> {
  for (let step = 0; step < 80; step++) {
    if (await target.evaluate((element) => element === document.activeElement || element.contains(document.activeElement)).catch(() => false)) return;
    await page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
  }
  throw new Error(`Tab never reached ${String(target)}`);
}

const NOTE = 'Compare the festival reviews';

describe('the keyboard alone', () => {
  it('imports, highlights, writes a note, quotes it in a notebook and exports the notes; screen readers hear colour, note and citation target', async () => {
    const { page } = await app.open();
    await page.locator('.empty-library').waitFor();
    await page.locator('body').press('Shift');
    const chooser = page.waitForEvent('filechooser');
    await page.keyboard.press('Control+o');
    await (await chooser).setFiles([SEEDS + seed('001')]);
    const row = page.locator('.library-row').first();
    await row.waitFor({ timeout: 20_000 });
    await tabTo(page, row);
    await page.keyboard.press('Enter');
    const pane = page.locator('section.pane').first();
    await pane.locator('.doc-paragraph').first().waitFor();

    // A citation in the text is a Tab stop; focusing it announces what it cites.
    const cite = pane.locator('.cite').first();
    await tabTo(page, cite);
    await expect.poll(() => page.locator('[data-citation-announcer]').first().innerText()).toMatch(/^Cites: .*\d{4}/);
    expect(await cite.getAttribute('aria-label')).toBeNull();

    // Highlight a found passage.
    await page.keyboard.press('Control+f');
    await page.keyboard.type('the mother tongue');
    await expect.poll(() => pane.locator('.find-count').innerText()).toBe('1 of 1');
    await page.keyboard.press('Control+Enter');
    await page.keyboard.press('Escape');
    const mark = pane.locator('mark.hl-yellow');
    await expect.poll(() => mark.allInnerTexts()).toEqual(['the mother tongue']);

    // Open the highlights sidebar, open the card, write a note.
    await tabTo(page, pane.getByRole('button', { name: /Show highlights/ }));
    if ((await pane.locator('.highlight-sidebar').count()) === 0) await page.keyboard.press('Enter');
    const card = pane.locator('.highlight-card').first();
    await card.waitFor();
    const quote = card.locator('.highlight-quote');
    await tabTo(page, quote);
    if ((await quote.getAttribute('aria-expanded')) !== 'true') await page.keyboard.press('Enter');
    const editor = card.getByRole('textbox').first();
    await tabTo(page, editor);
    await page.keyboard.type(NOTE);
    await waitForNotesSaved(page);
    await expect.poll(() => mark.getAttribute('aria-description')).toBe(`Yellow highlight, with a note: ${NOTE}`);
    expect(await quote.getAttribute('aria-description')).toBe(`Yellow highlight, with a note: ${NOTE}`);
    await screenshot(page, 'keyboard-walk-note');

    // Quote it in a new notebook.
    await tabTo(page, quote, true);
    await page.keyboard.press('Control+Shift+N');
    const notebook = page.locator('section.pane', { has: page.locator('.notebook-pane') });
    await notebook.locator('blockquote').waitFor({ timeout: 10_000 });
    expect(await notebook.locator('blockquote').innerText()).toContain('the mother tongue');

    // Export the highlights and notes as Markdown.
    await page.keyboard.press('Escape');
    await page.keyboard.press('Control+e');
    const dialog = page.getByRole('dialog', { name: 'Export' });
    await dialog.waitFor();
    await tabTo(page, dialog.getByRole('radio', { name: 'The documents themselves' }));
    for (let step = 0; step < 3; step++) await page.keyboard.press('ArrowDown');
    expect(await dialog.getByRole('radio', { name: 'Their highlights and notes' }).isChecked()).toBe(true);
    await expect.poll(() => dialog.locator('.export-preview').innerText()).toContain(NOTE);
    await screenshot(page, 'keyboard-walk-export');
    await tabTo(page, dialog.getByRole('button', { name: 'Download' }));
    const download = page.waitForEvent('download');
    await page.keyboard.press('Enter');
    const path = await (await download).path();
    const text = readFileSync(path, 'utf8');
    expect(text).toContain('the mother tongue');
    expect(text).toContain(NOTE);
  });
});
