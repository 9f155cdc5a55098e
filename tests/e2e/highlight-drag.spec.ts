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
    // A click selects the highlight; the selected one is what drags.
    await mark.click();
    await expect.poll(() => mark.getAttribute('draggable')).toBe('true');
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

  it('still selects text when a press starts inside a highlight that is not selected', async () => {
    const { page } = await app.open();
    await importAndOpenSeed(page, seed('001'));
    await highlightPassage(page, 'intergenerational transmitters');
    // A second highlight takes the selection from the first.
    await highlightPassage(page, 'the Day of Family');
    const first = page.locator('section.pane mark.hl-yellow', { hasText: 'intergenerational' }).first();
    await expect.poll(() => first.getAttribute('class')).not.toContain('hl-selected');
    expect(await first.getAttribute('draggable')).toBe('false');

    // Press inside the first highlight and drag to the right, past its end: text is selected and
    // the selection toolbar offers to highlight it.
    await first.scrollIntoViewIfNeeded();
    const box = (await first.boundingBox())!;
    const y = box.y + box.height / 2;
    await page.mouse.move(box.x + box.width * 0.4, y);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width + 60, y, { steps: 6 });
    await page.mouse.up();
    const selected = await page.evaluate(() => getSelection()?.toString() ?? '');
    expect(selected).toMatch(/transmitters of/);
    expect(selected).not.toMatch(/^intergenerational/);
    await page.locator('section.pane').first().getByRole('button', { name: 'Highlight yellow' }).waitFor();
  });
});
