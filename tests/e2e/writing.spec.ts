import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { dropFiles, highlightPassage } from './actions';
import { axeViolations } from './axe';
import { screenshot } from './browser';
import { importSeeds, seed, seedFiles, useApp } from './fixtures';

const app = useApp();

/** An R vignette whose pages are printed i, i, ii, then 1, 2...: the licence note is on PDF page 3, printed "ii". */
const LIBCOIN = new Uint8Array(readFileSync(new URL('./files/libcoin--libcoin.pdf', import.meta.url)));
const LICENCE = 'This file is part of the libcoin R add-on package';

async function download(page: Page, run: () => Promise<void>): Promise<{ name: string; text: string }> {
  const event = page.waitForEvent('download');
  await run();
  const file = await event;
  return { name: file.suggestedFilename(), text: readFileSync(await file.path(), 'utf8') };
}

/** The entry keys of a BibLaTeX file, in order. */
function bibKeys(text: string): string[] {
  return [...text.matchAll(/^@\w+\{([^,\s]+),/gm)].map((match) => match[1]!);
}

async function dismissNotices(page: Page): Promise<void> {
  const dismiss = page.getByRole('button', { name: 'Dismiss message' });
  while ((await dismiss.count()) > 0) await dismiss.first().click();
}

describe('the synced bibliography file (web: downloaded on request)', () => {
  it('downloads every work under keys that stay when another source is imported', async () => {
    const { page } = await app.open();
    await importSeeds(page, [seed('001')]);
    await page.getByRole('button', { name: 'Bibliography file…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Bibliography file' });
    await dialog.getByRole('radio', { name: 'BibLaTeX (.bib)' }).check();
    expect(await dialog.getByRole('status').innerText()).toContain('library.bib');
    await screenshot(page, 'writing-bibliography-dialog-light');
    expect(await axeViolations(page, '.bibliography-dialog')).toEqual([]);
    const first = await download(page, () => dialog.getByRole('button', { name: 'Download bibliography' }).click());
    expect(first.name).toBe('library.bib');
    const before = bibKeys(first.text);
    // Seed 001 and the four works it cites.
    expect(before).toHaveLength(5);
    for (const work of ['bykov2017', 'kuvshinova2017', 'smolina2017', 'yuvaldavis1997']) expect(before.some((key) => key.startsWith(work)), work).toBe(true);
    await expect.poll(() => dialog.getByRole('status').innerText()).toMatch(/Last downloaded .*: 5 works\./);
    await dialog.getByRole('button', { name: 'Close' }).click();

    await dismissNotices(page);
    await dropFiles(page, seedFiles([seed('002')]));
    await expect.poll(() => page.locator('.library-row').count(), { timeout: 30_000 }).toBe(2);
    await page.getByRole('button', { name: 'Bibliography file…' }).click();
    // The format is remembered.
    expect(await dialog.getByRole('radio', { name: 'BibLaTeX (.bib)' }).isChecked()).toBe(true);
    const second = await download(page, () => dialog.getByRole('button', { name: 'Download bibliography' }).click());
    const after = bibKeys(second.text);
    expect(after.length).toBeGreaterThan(before.length);
    for (const key of before) expect(after, key).toContain(key);
    // Sorted by key, so a new work shows in a diff as lines added.
    expect(after).toEqual([...after].sort());
    await dialog.getByRole('button', { name: 'Close' }).click();

    // The export dialog leads to it too; Escape closes the one on top.
    await page.getByRole('button', { name: 'Export…' }).first().click();
    const exporting = page.getByRole('dialog', { name: 'Export' });
    await exporting.getByRole('button', { name: 'Bibliography file…' }).click();
    await dialog.waitFor();
    await page.keyboard.press('Escape');
    await expect.poll(() => dialog.count()).toBe(0);
    expect(await exporting.isVisible()).toBe(true);
  });

  it('works with the keyboard alone, in dark mode', async () => {
    const { page } = await app.open({ colorScheme: 'dark' });
    await importSeeds(page, [seed('001')]);
    await page.getByRole('button', { name: 'Bibliography file…' }).focus();
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: 'Bibliography file' });
    await dialog.waitFor();
    // Focus starts on the chosen format; arrows move between formats.
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    expect(await dialog.getByRole('radio', { name: 'CSL-JSON (.json)' }).isChecked()).toBe(true);
    await screenshot(page, 'writing-bibliography-dialog-dark');
    expect(await axeViolations(page, '.bibliography-dialog')).toEqual([]);
    const button = dialog.getByRole('button', { name: 'Download bibliography' });
    for (let i = 0; i < 6 && !(await button.evaluate((node) => node === document.activeElement)); i++) await page.keyboard.press('Tab');
    const file = await download(page, () => page.keyboard.press('Enter'));
    expect(file.name).toBe('library.json');
    const items = JSON.parse(file.text) as { id: string }[];
    expect(items).toHaveLength(5);
    await page.keyboard.press('Escape');
    await expect.poll(() => dialog.count()).toBe(0);
  });
});

describe('copy as citation', () => {
  it('copies a PDF highlight for pandoc and LaTeX with its printed page, and again with the shortcut', async () => {
    const { page, context } = await app.open();
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await dropFiles(page, [{ name: 'libcoin--libcoin.pdf', bytes: LIBCOIN }]);
    await page.locator('.library-row', { hasText: 'libcoin' }).first().click({ timeout: 60_000 });
    const pane = page.locator('section.pane').first();
    await pane.locator('.doc-paragraph').first().waitFor({ timeout: 30_000 });
    await highlightPassage(page, LICENCE);
    const card = pane.locator('.highlight-card.selected', { hasText: LICENCE });
    const read = () => page.evaluate(() => navigator.clipboard.readText());

    await card.getByRole('button', { name: 'Cite' }).click();
    const menu = page.getByRole('menu', { name: 'Copy as citation' });
    await menu.waitFor();
    // Each line shows what it copies, once the key is found.
    await expect.poll(() => menu.locator('[data-cite-option="pandoc"] .cite-menu-preview').innerText(), { timeout: 20_000 }).toMatch(/\[@\w+, p\. ii\]$/);
    await screenshot(page, 'writing-cite-menu-light');
    expect(await axeViolations(page, '.cite-menu')).toEqual([]);
    await menu.getByRole('menuitemradio', { name: /pandoc/ }).click();
    await expect.poll(read, { timeout: 20_000 }).toContain(LICENCE);
    const pandoc = await read();
    expect(pandoc).toMatch(new RegExp(`^“${LICENCE}[^”]*” \\[@(\\w+), p\\. ii\\]\\.?$`));
    const key = /\[@(\w+),/.exec(pandoc)?.[1] ?? '';
    expect(key).toMatch(/^hothorn/);

    // The keyboard: the menu opens on the last choice, arrows move, Enter copies.
    await card.getByRole('button', { name: 'Cite' }).focus();
    await page.keyboard.press('Enter');
    await menu.waitFor();
    expect(await menu.getByRole('menuitemradio', { name: /pandoc/ }).evaluate((node) => node === document.activeElement)).toBe(true);
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await expect.poll(read, { timeout: 20_000 }).toContain('\\autocite');
    expect(await read()).toBe(`“${LICENCE}${pandoc.slice(LICENCE.length + 1, pandoc.indexOf('”'))}” \\autocite[ii]{${key}}${pandoc.endsWith('.') ? '.' : ''}`);

    // The shortcut copies as last chosen (LaTeX now), from the selected highlight.
    await page.evaluate(() => navigator.clipboard.writeText(''));
    await card.locator('.highlight-quote').focus();
    await page.keyboard.press('Control+Shift+L');
    await expect.poll(read, { timeout: 20_000 }).toContain(`\\autocite[ii]{${key}}`);
  });

  it('copies a document from its library row and a cited work from the Index, and shows the menu in dark mode', async () => {
    const { page, context } = await app.open({ colorScheme: 'dark' });
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await importSeeds(page, [seed('001')]);
    // A library row's menu copies the document itself.
    await page.locator('.library-row').first().getByRole('button', { name: /^Actions for/ }).click();
    await page.getByRole('menu', { name: 'Document actions' }).getByRole('menuitem', { name: 'For pandoc / Markdown' }).click();
    await expect.poll(() => page.evaluate(() => navigator.clipboard.readText()), { timeout: 20_000 }).toMatch(/^\[@ezerova2018\w*\]$/);
    await page.getByRole('button', { name: 'Index', exact: true }).click();
    const row = page.locator('.work-row', { hasText: 'Yuval-Davis' }).first();
    await row.waitFor({ timeout: 30_000 });
    await row.getByRole('button', { name: 'Cite' }).click();
    const menu = page.getByRole('menu', { name: 'Copy as citation' });
    await expect.poll(() => menu.locator('[data-cite-option="latex"] .cite-menu-preview').innerText(), { timeout: 20_000 }).toMatch(/^\\autocite\{yuvaldavis1997\w*\}$/);
    await screenshot(page, 'writing-cite-menu-dark');
    expect(await axeViolations(page, '.cite-menu')).toEqual([]);
    await menu.getByRole('menuitemradio', { name: /APA/ }).click();
    await expect.poll(() => page.evaluate(() => navigator.clipboard.readText()), { timeout: 20_000 }).toBe('(Yuval-Davis, 1997)');
  });
});
