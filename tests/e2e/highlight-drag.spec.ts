import { describe, expect, it } from 'vitest';
import { highlightPassage } from './actions';
import { screenshot } from './browser';
import { importAndOpenSeed, seed, useApp } from './fixtures';

const app = useApp();

describe('dragging a highlight from the text', () => {
  it('drops it into a notebook as a cited quote, selecting nothing on the way', async () => {
    const { page } = await app.open();
    await importAndOpenSeed(page, seed('001'));
    await highlightPassage(page, 'the mother tongue');
    await page.getByRole('button', { name: 'New notebook' }).click();
    const notebook = page.locator('section.pane', { has: page.locator('.notebook-pane') });
    const editor = notebook.getByRole('textbox', { name: 'Notebook', exact: true });
    await editor.waitFor();

    const mark = page.locator('section.pane mark.hl-yellow').first();
    expect(await mark.getAttribute('draggable')).toBe('true');
    // A real mouse drag, from the mark's middle to the notebook.
    await mark.scrollIntoViewIfNeeded();
    const from = (await mark.boundingBox())!;
    const to = (await editor.boundingBox())!;
    await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
    await page.mouse.down();
    await page.mouse.move(from.x + from.width / 2 + 20, from.y + from.height / 2 + 5, { steps: 4 });
    await page.mouse.move(to.x + to.width / 2, to.y + 30, { steps: 8 });
    await page.mouse.up();

    await notebook.locator('blockquote').waitFor({ timeout: 10_000 });
    expect(await notebook.locator('blockquote').innerText()).toContain('the mother tongue');
    expect(await notebook.locator('.note-citation').innerText()).toMatch(/^\(Ezerova 2018, ¶ \d+\)$/);
    expect(await page.evaluate(() => getSelection()?.toString() ?? '')).not.toContain('Lectern');
    await screenshot(page, 'highlight-drag-from-text');
  });
});
