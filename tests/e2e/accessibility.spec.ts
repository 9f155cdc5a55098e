import { readFileSync } from 'node:fs';
import { strToU8, zipSync } from 'fflate';
import type { Page } from 'playwright-core';
import { beforeEach, describe, expect, it } from 'vitest';
import { dropFiles, highlightPassage } from './actions';
import { axeViolations, type AxeViolation } from './axe';
import { screenshot, SEEDS } from './browser';
import { importSeeds, seed, useApp } from './fixtures';

const app = useApp();
const PAPER = new Uint8Array(readFileSync(new URL('./files/made--authoryear-en.pdf', import.meta.url)));

/** A one-chapter EPUB 3 book, enough for the page view. */
function smallBook(): Uint8Array {
  const xhtml = (title: string, body: string) =>
    `<?xml version="1.0" encoding="UTF-8"?><!DOCTYPE html><html xmlns="http://www.w3.org/1999/xhtml" lang="en"><head><title>${title}</title></head><body>${body}</body></html>`;
  return zipSync({
    mimetype: [strToU8('application/epub+zip'), { level: 0 }],
    'META-INF/container.xml': strToU8(
      '<?xml version="1.0"?><container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container"><rootfiles><rootfile full-path="content.opf" media-type="application/oebps-package+xml"/></rootfiles></container>',
    ),
    'content.opf': strToU8(
      '<?xml version="1.0" encoding="UTF-8"?><package xmlns="http://www.idpf.org/2007/opf" version="3.0" unique-identifier="uid"><metadata xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:identifier id="uid">urn:lectern:test:axe</dc:identifier><dc:title>Reading Without Sight</dc:title><dc:creator>Ada Reader</dc:creator><dc:language>en</dc:language></metadata><manifest><item id="nav" href="nav.xhtml" media-type="application/xhtml+xml" properties="nav"/><item id="c1" href="c1.xhtml" media-type="application/xhtml+xml"/></manifest><spine><itemref idref="c1"/></spine></package>',
    ),
    'nav.xhtml': strToU8(xhtml('Contents', '<nav xmlns:epub="http://www.idpf.org/2007/ops" epub:type="toc"><ol><li><a href="c1.xhtml">One</a></li></ol></nav>')),
    'c1.xhtml': strToU8(xhtml('One', `<h1>One</h1>${'<p>A screen reader reads every word of this chapter aloud, one line after another.</p>'.repeat(12)}`)),
  });
}

/** Each violation as one line, so a failure names the rule and the elements. */
const lines = (violations: AxeViolation[]) => violations.map((v) => `${v.id}: ${v.help} @ ${v.targets.join(' | ')}`);

async function check(page: Page, name: string, selector = 'body'): Promise<void> {
  await screenshot(page, `axe-${name}${size}`);
  expect(lines(await axeViolations(page, selector, { strict: true })), name).toEqual([]);
  // Nothing spills past the window's width: the page never scrolls sideways.
  expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth), `${name}: page wider than the window`).toBeLessThanOrEqual(0);
}

/** The window size of the current run, as a screenshot-name suffix ('' at the default 1280 × 800). */
let size = '';

const pane = (page: Page) => page.locator('section.pane').first();

const RUNS = [
  { theme: 'light', width: 1280, height: 800 },
  { theme: 'dark', width: 1280, height: 800 },
  { theme: 'light', width: 1920, height: 1080 },
  { theme: 'dark', width: 1920, height: 1080 },
] as const;

describe.each(RUNS)('axe-core finds nothing wrong ($theme theme, $width × $height)', ({ theme, width, height }) => {
  beforeEach(() => {
    size = width === 1280 ? '' : `-${width}`;
  });
  const open = async () => {
    const opened = await app.open({ colorScheme: theme });
    await opened.page.setViewportSize({ width, height });
    return opened;
  };

  it('in the library, the text reader with its sidebars, the notebook, the index and the dialogs', async () => {
    const { page } = await open();
    await page.locator('.empty-library').waitFor();
    await check(page, `library-empty-${theme}`);
    await importSeeds(page, [seed('001'), seed('002')]);
    await check(page, `library-${theme}`);

    await page.locator('.library-row', { hasText: 'Kantemir Balagov' }).click();
    await pane(page).locator('.doc-paragraph').first().waitFor();
    await highlightPassage(page, 'the mother tongue');
    // A wide pane opens its highlights by itself; a narrow one on a click.
    const showHighlights = pane(page).getByRole('button', { name: /Show highlights/ });
    if ((await showHighlights.getAttribute('aria-pressed')) !== 'true') await showHighlights.click();
    await pane(page).locator('.highlight-card').first().waitFor();
    await check(page, `reader-text-${theme}`);
    await pane(page).getByRole('button', { name: /Works Cited/ }).click();
    await check(page, `reader-works-cited-${theme}`);

    await pane(page).getByRole('button', { name: 'Details', exact: true }).click();
    await page.getByRole('dialog').waitFor();
    await check(page, `metadata-${theme}`);
    await page.keyboard.press('Escape');

    await page.getByRole('button', { name: 'Export…' }).first().click();
    await page.getByRole('dialog', { name: 'Export' }).waitFor();
    await check(page, `export-${theme}`);
    await page.keyboard.press('Escape');

    await page.getByRole('button', { name: 'New notebook' }).click();
    await page.locator('.notebook-pane').waitFor();
    await check(page, `notebook-${theme}`);

    await page.getByRole('button', { name: 'Index', exact: true }).click();
    await page.locator('.work-row').first().waitFor({ timeout: 30_000 });
    await check(page, `index-works-${theme}`);
    await page.getByRole('tab', { name: /People/ }).click();
    await page.locator('.person-row').first().waitFor();
    await check(page, `index-people-${theme}`);
  });

  it('in the PDF and EPUB page views', async () => {
    const { page } = await open();
    await dropFiles(page, [
      { name: 'paper.pdf', bytes: PAPER },
      { name: 'book.epub', bytes: smallBook() },
    ]);
    await expect.poll(() => page.locator('.library-row').count(), { timeout: 30_000 }).toBe(2);
    await page.locator('.library-row', { hasText: 'Kinship' }).click();
    await pane(page).getByRole('button', { name: 'Page view' }).click();
    await pane(page).locator('.pdf-page .pdf-cite').first().waitFor({ timeout: 30_000 });
    await check(page, `reader-pdf-${theme}`);

    await page.getByRole('button', { name: 'Library', exact: true }).click();
    await page.locator('.library-row', { hasText: 'Reading Without Sight' }).click();
    await pane(page).getByRole('button', { name: 'Page view' }).click();
    // The counter appears once the first page is laid out, so axe and the picture see the book.
    await pane(page).locator('.epub-page-counter').waitFor({ timeout: 30_000 });
    await check(page, `reader-epub-${theme}`);
  });

  it('in the restore dialog', async () => {
    const { page } = await open();
    await importSeeds(page, [seed('001')]);
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: 'Restore library…' }).click();
    await (await chooser).setFiles([SEEDS + seed('000')]);
    await page.getByRole('dialog', { name: 'Restore library' }).waitFor();
    await check(page, `restore-${theme}`);
  });
});
