import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { axeViolations } from './axe';
import { dropFiles, highlightPassage, selectText } from './actions';
import { screenshot } from './browser';
import { useApp } from './fixtures';

/** An R vignette whose pages are printed i, i, ii, then 1, 2...: PDF page 4 is page "1". */
const LIBCOIN = new Uint8Array(readFileSync(new URL('./files/libcoin--libcoin.pdf', import.meta.url)));
/** On PDF page 3, printed "ii". */
const LICENCE = 'This file is part of the libcoin R add-on package';
/** On PDF page 4, printed "1". */
const INTRO = 'generic framework for permutation';
/** On PDF page 5, printed "2". */
const LATER = 'This single source file implements and documents the libcoin package';

const app = useApp();

async function openLibcoin(page: Page): Promise<void> {
  await dropFiles(page, [{ name: 'libcoin--libcoin.pdf', bytes: LIBCOIN }]);
  await page.locator('.library-row', { hasText: 'libcoin' }).first().click({ timeout: 60_000 });
  await page.locator('section.pane').first().locator('.doc-paragraph').first().waitFor({ timeout: 30_000 });
}

async function download(page: Page, run: () => Promise<void>): Promise<string> {
  const event = page.waitForEvent('download');
  await run();
  return readFileSync(await (await event).path(), 'utf8');
}

/** Copies the highlight of `quote`, once it is the selected one, as a quote and gives the clipboard's text. */
async function copyQuote(page: Page, quote: string): Promise<string> {
  const card = page.locator('section.pane').first().locator('.highlight-card.selected', { hasText: quote });
  await card.getByRole('button', { name: 'Copy quote' }).click();
  const read = () => page.evaluate(() => navigator.clipboard.readText());
  await expect.poll(read, { timeout: 20_000 }).toContain(quote);
  return read();
}

describe('printed page labels of a PDF', () => {
  it('cites passages by printed page, from the text view and from the page view, in copies, notebook quotes and exports', async () => {
    const { page, context } = await app.open();
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await openLibcoin(page);
    const pane = page.locator('section.pane').first();

    // Text view, roman front matter: "p. ii", never a paragraph or the PDF page 3.
    await highlightPassage(page, LICENCE);
    const licence = await copyQuote(page, LICENCE);
    expect(licence).toContain(LICENCE);
    expect(licence).toMatch(/, p\. ii\)/);
    expect(licence).not.toMatch(/para\.|¶|p\. 3\b/);

    await pane.getByRole('button', { name: 'To notebook' }).click();
    const notebook = page.locator('section.pane', { has: page.locator('.notebook-pane') });
    await notebook.locator('blockquote').waitFor({ timeout: 10_000 });
    await expect.poll(() => notebook.locator('.note-citation').first().innerText()).toBe('(Hothorn 2021, p. ii)');
    await notebook.getByRole('button', { name: 'Close pane' }).click();

    // Text view, arabic: PDF page 5 is printed 2.
    await highlightPassage(page, LATER);
    expect(await copyQuote(page, LATER)).toMatch(/, p\. 2\)/);

    // Page view: the toolbar shows the printed label, and takes a typed one.
    await pane.getByRole('button', { name: 'Page view' }).click();
    const view = pane.locator('.pdf-page-view');
    await view.waitFor();
    const box = view.getByLabel('Page number');
    await box.fill('1');
    await box.press('Enter');
    await expect.poll(() => box.inputValue(), { timeout: 20_000 }).toBe('1');
    expect(await view.locator('.pdf-page-count').innerText()).toBe('(4 of 179)');
    const page4 = view.locator('.pdf-page[data-page-number="4"]');
    await expect.poll(() => page4.locator('.textLayer span').count(), { timeout: 20_000 }).toBeGreaterThan(3);
    await view.locator('.pdf-scroll').focus();
    await selectText(page4, '.textLayer', INTRO);
    await view.locator('.selection-toolbar').waitFor();
    await page.keyboard.press('2');
    await expect.poll(() => page4.locator('.pdf-mark.hl-green').count()).toBeGreaterThanOrEqual(1);
    const framework = await copyQuote(page, INTRO);
    expect(framework).toContain(INTRO);
    expect(framework).toMatch(/, p\. 1\)/);
    expect(framework).not.toMatch(/p\. 4\b/);
    // Dragged out of Lectern (into a word processor), a highlight carries its quote and citation.
    const dragged = await pane.locator('.highlight-card.selected').evaluate((card) => {
      const transfer = new DataTransfer();
      card.dispatchEvent(new DragEvent('dragstart', { dataTransfer: transfer, bubbles: true, cancelable: true }));
      return transfer.getData('text/plain');
    });
    expect(dragged).toBe('“generic framework for permutation” (Hothorn 2021, p. 1)');
    await screenshot(page, 'page-labels-toolbar-light');
    expect(await axeViolations(page, '.pdf-toolbar')).toEqual([]);

    // The highlight export cites all three by printed page.
    // The "Copied" notices would cover the dialog's buttons.
    const dismiss = page.getByRole('button', { name: 'Dismiss message' });
    while ((await dismiss.count()) > 0) await dismiss.first().click();
    await page.getByRole('button', { name: 'Export…' }).first().click();
    const dialog = page.getByRole('dialog', { name: 'Export' });
    await dialog.getByRole('radio', { name: 'Their highlights and notes' }).check();
    await dialog.getByLabel('Format').selectOption('markdown');
    await expect.poll(() => dialog.getByLabel('Preview').innerText(), { timeout: 10_000 }).toContain('> ');
    const markdown = await download(page, () => dialog.getByRole('button', { name: 'Download' }).click());
    expect(markdown).toContain(LICENCE);
    expect(markdown).toMatch(/p\. ii\)/);
    expect(markdown).toMatch(/p\. 1\)/);
    expect(markdown).toMatch(/p\. 2\)/);
    expect(markdown).not.toMatch(/para\.|¶|p\. [345]\)/);
  });

  it('goes to a page by its roman label, and shows the label in dark mode', async () => {
    const { page } = await app.open({ colorScheme: 'dark' });
    await openLibcoin(page);
    const pane = page.locator('section.pane').first();
    await pane.getByRole('button', { name: 'Page view' }).click();
    const view = pane.locator('.pdf-page-view');
    const box = view.getByLabel('Page number');
    await expect.poll(() => box.inputValue(), { timeout: 20_000 }).toBe('i');
    expect(await view.locator('.pdf-page-count').innerText()).toBe('(1 of 179)');
    // The keyboard alone: into the box, a label, Enter.
    await box.focus();
    await page.keyboard.press('Control+A');
    await page.keyboard.type('II');
    await page.keyboard.press('Enter');
    await expect.poll(() => view.locator('.pdf-page-count').innerText(), { timeout: 20_000 }).toBe('(3 of 179)');
    expect(await box.inputValue()).toBe('ii');
    // The contents page (PDF page 2, printed i) links to chapter 1 by its printed page.
    await view.getByRole('button', { name: 'Previous page' }).click();
    await expect.poll(() => view.locator('.pdf-page-count').innerText()).toBe('(2 of 179)');
    expect(await box.inputValue()).toBe('i');
    const contents = view.locator('.pdf-page[data-page-number="2"]');
    const toChapter1 = contents.locator('a.pdf-link[data-target-page="4"]');
    await expect.poll(() => toChapter1.count(), { timeout: 20_000 }).toBeGreaterThan(0);
    expect(await toChapter1.first().getAttribute('aria-label')).toBe('Go to page 1');
    await view.getByRole('button', { name: 'Next page' }).click();
    await expect.poll(() => box.inputValue()).toBe('ii');
    await view.getByRole('button', { name: 'Next page' }).click();
    await expect.poll(() => box.inputValue()).toBe('1');
    // A label no page has leaves the view where it was.
    await box.fill('xlii');
    await box.press('Enter');
    await expect.poll(() => box.inputValue()).toBe('1');
    await screenshot(page, 'page-labels-toolbar-dark');
    expect(await axeViolations(page, '.pdf-toolbar')).toEqual([]);
  });

  it('reads the labels of a PDF imported before they were kept, when it is next opened', async () => {
    const { page } = await app.open();
    await openLibcoin(page);
    // As an older Lectern stored it: a page map without labels.
    const stripped = await page.evaluate(
      () =>
        new Promise<number>((resolve, reject) => {
          const opening = indexedDB.open('lectern');
          opening.onerror = () => reject(new Error(String(opening.error)));
          opening.onsuccess = () => {
            const db = opening.result;
            const tx = db.transaction('pageMaps', 'readwrite');
            const maps = tx.objectStore('pageMaps');
            const reading = maps.getAll();
            reading.onsuccess = () => {
              for (const row of reading.result as { labels?: unknown }[]) {
                delete row.labels;
                maps.put(row);
              }
            };
            tx.oncomplete = () => (db.close(), resolve(reading.result.length));
            tx.onerror = () => reject(new Error(String(tx.error)));
          };
        }),
    );
    expect(stripped).toBe(1);
    await page.reload();
    await page.waitForSelector('.app-header');
    await page.locator('section.pane, .library-row').first().waitFor();
    if ((await page.locator('section.pane').count()) === 0) await page.locator('.library-row', { hasText: 'libcoin' }).first().click();
    const pane = page.locator('section.pane').first();
    await pane.locator('.pdf-page-view, .doc-paragraph').first().waitFor({ timeout: 30_000 });
    if ((await pane.locator('.pdf-page-view').count()) === 0) await pane.getByRole('button', { name: 'Page view' }).click();
    const view = pane.locator('.pdf-page-view');
    // Read again from the kept original, off the UI thread, and stored.
    await expect.poll(() => view.locator('.pdf-page-count').innerText(), { timeout: 60_000 }).toMatch(/^\(\d+ of 179\)$/);
    await view.getByLabel('Page number').fill('ii');
    await view.getByLabel('Page number').press('Enter');
    await expect.poll(() => view.locator('.pdf-page-count').innerText(), { timeout: 20_000 }).toBe('(3 of 179)');
  });
});
