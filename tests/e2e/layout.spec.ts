import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { screenshot } from './browser';
import { importFiles, useApp } from './fixtures';

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
    const [mine, visible] = [await box(checked), await box(list)];
    expect(mine.y >= visible.y && mine.y + mine.height <= visible.y + visible.height + 1).toBe(true);
    const [what, format] = [await box(dialog.locator('.export-field').nth(0)), await box(dialog.locator('.export-field').nth(1))];
    expect(format.height).toBeLessThan(what.height * 0.75);
    await screenshot(page, `layout-export-${theme}`);
  });
});
