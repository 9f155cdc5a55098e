import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { screenshot } from './browser';
import { highlightPassage } from './actions';
import { importFiles, importSeeds, seed, useApp } from './fixtures';

const app = useApp();

const LONG_NAME = 'interview_transcript_balagov_closeness_tesnota_final_revised_draft_v3_2017_05_30_with_notes.txt';

/** Several small documents, one named by a long file name with no spaces. */
function library(count: number): { name: string; text: string }[] {
  const files = Array.from({ length: count }, (_, i) => ({
    name: `essay-${i + 1}.txt`,
    text: `Essay ${i + 1} on Closeness\n\nA short essay, number ${i + 1}, about the film and its festival run.\n`,
  }));
  files.push({ name: LONG_NAME, text: 'the film was shot in nalchik, far from moscow, with a cast of first-time actors.\n' });
  return files;
}

const box = async (locator: Locator) => (await locator.boundingBox())!;

/** Whether `inner` lies within `outer` horizontally (1 px of rounding allowed). */
async function fitsAcross(inner: Locator, outer: Locator): Promise<boolean> {
  const [a, b] = [await box(inner), await box(outer)];
  return a.x >= b.x - 1 && a.x + a.width <= b.x + b.width + 1;
}

async function openByTitle(page: Page, title: string): Promise<void> {
  await page.locator('.library-row', { hasText: title }).click();
  await page.locator('section.pane .doc-paragraph').first().waitFor();
}

describe.each(['light', 'dark'] as const)('layout (%s theme)', (theme) => {
  it('floats notices over the window, wraps long file-name titles and sizes the export dialog', async () => {
    const { page } = await app.open({ colorScheme: theme });
    await importFiles(page, library(8), 9);

    // The storage warning floats over the window; it does not push the library down.
    const notice = page.locator('.notices .notice').first();
    await notice.waitFor();
    const header = await box(page.locator('.app-header'));
    const layout = await box(page.locator('.library-layout'));
    expect(Math.abs(layout.y - (header.y + header.height))).toBeLessThanOrEqual(1);
    await screenshot(page, `layout-library-${theme}`);

    // The long file name wraps inside its column and inside the reader's heading.
    const longRow = page.locator('.library-row', { hasText: 'interview_transcript' });
    expect(await fitsAcross(longRow.locator('.doc-title'), page.locator('.library-content'))).toBe(true);
    await openByTitle(page, 'interview_transcript');
    const heading = page.locator('section.pane .reader-title');
    expect(await heading.evaluate((element) => element.scrollWidth <= element.clientWidth + 1)).toBe(true);
    expect(await fitsAcross(heading, page.locator('section.pane .pane-scroll'))).toBe(true);
    await screenshot(page, `layout-long-title-${theme}`);

    // The export dialog's list shows several rows, the chosen document among them, and the format
    // box is no taller than what it holds.
    await page.getByRole('button', { name: 'Library', exact: true }).click();
    await openByTitle(page, 'Essay 1 on');
    await page.keyboard.press('Control+e');
    const dialog = page.getByRole('dialog', { name: 'Export' });
    await dialog.waitFor();
    const list = dialog.locator('.export-document-list');
    const rowHeight = (await box(list.locator('label').first())).height;
    expect((await box(list)).height).toBeGreaterThanOrEqual(rowHeight * 4.5);
    const checked = list.locator('label', { has: page.locator('input:checked') });
    // The dialog scrolls the chosen document into view once it has opened: wait for that.
    const inView = async () => {
      const [mine, visible] = [await box(checked), await box(list)];
      return mine.y >= visible.y && mine.y + mine.height <= visible.y + visible.height + 1;
    };
    await expect.poll(inView, { timeout: 10_000 }).toBe(true);
    const [what, format] = [await box(dialog.locator('.export-field').nth(0)), await box(dialog.locator('.export-field').nth(1))];
    expect(format.height).toBeLessThan(what.height * 0.75);
    await screenshot(page, `layout-export-${theme}`);
  });
});

describe.each(['light', 'dark'] as const)('a narrow pane (%s theme)', (theme) => {
  it('shows the note as a sheet below the highlighted passage, which stays in view', async () => {
    const { page } = await app.open({ colorScheme: theme });
    await importSeeds(page, [seed('001'), seed('002'), seed('003')]);
    await openByTitle(page, 'Kantemir Balagov');
    await highlightPassage(page, 'the mother tongue');
    for (const other of [1, 2]) {
      await page.getByRole('button', { name: 'Library', exact: true }).click();
      await page.locator('.library-row').filter({ hasNotText: 'Kantemir Balagov' }).nth(other - 1).click({ modifiers: ['Shift'] });
    }
    await expect.poll(() => page.locator('section.pane').count()).toBe(3);
    const pane = page.locator('section.pane').first();
    const mark = pane.locator('mark.hl-yellow');
    const quote = pane.locator('.highlight-quote').first();
    if ((await pane.locator('.highlight-sidebar').count()) === 0) await pane.getByRole('button', { name: /Show highlights/ }).click();
    if ((await quote.getAttribute('aria-expanded')) === 'true') await quote.click();
    // Put the passage at the very bottom of the pane, where the sheet will open.
    await mark.evaluate((element) => {
      const scroller = element.closest('.pane-scroll')!;
      scroller.scrollTop += element.getBoundingClientRect().bottom - scroller.getBoundingClientRect().bottom + 8;
    });
    await quote.click();
    await expect.poll(() => quote.getAttribute('aria-expanded')).toBe('true');
    const sheet = pane.locator('.highlight-sidebar');
    await expect
      .poll(async () => {
        const [passage, over, scroller] = [await box(mark), await box(sheet), await box(pane.locator('.pane-scroll'))];
        return passage.y + passage.height <= over.y && passage.y >= scroller.y;
      })
      .toBe(true);
    // The sheet spans the pane's width instead of covering most of the text from the side.
    expect((await box(sheet)).width).toBeGreaterThan((await box(pane.locator('.pane-scroll'))).width * 0.9);
    await screenshot(page, `layout-narrow-note-${theme}`);
  });
});
