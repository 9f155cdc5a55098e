import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import type { Browser, Page } from 'playwright-core';
import { beforeEach, describe, expect, it } from 'vitest';
import { dropFiles, selectText } from './actions';
import { screenshot } from './browser';
import { useApp } from './fixtures';

/**
 * A real scholarly PDF: Markdown with author-date citations, run through pandoc --citeproc
 * (Chicago author-date, pandoc's default) into HTML, then printed to PDF by Chromium.
 */
async function scholarlyPdf(browser: Browser): Promise<Uint8Array> {
  const dir = mkdtempSync(`${tmpdir()}/lectern-pandoc-`);
  writeFileSync(
    `${dir}/refs.bib`,
    `@incollection{yuvaldavis1997, author = {Yuval-Davis, Nira}, title = {Gender and Nation}, booktitle = {Space, Gender, Knowledge: Feminist Readings},
  editor = {Sharp, Joanne P. and McDowell, Linda}, pages = {403--408}, publisher = {Arnold}, address = {London}, year = {1997}}
@book{anderson1983, author = {Anderson, Benedict}, title = {Imagined Communities}, publisher = {Verso}, address = {London}, year = {1983}}
`,
  );
  writeFileSync(
    `${dir}/paper.md`,
    `---\ntitle: Nation and Gender in Closeness\nauthor: Anna Petrova\n---\n\n` +
      `Balagov's film treats women as carriers of the nation [@yuvaldavis1997, p. 405]. ` +
      `The community imagines itself as a family [@anderson1983], and the kidnapping tests that bond.\n\n# References\n`,
  );
  execFileSync('pandoc', [`${dir}/paper.md`, '--citeproc', '--bibliography', `${dir}/refs.bib`, '-s', '-o', `${dir}/paper.html`]);
  const printer = await browser.newPage();
  await printer.setContent(readFileSync(`${dir}/paper.html`, 'utf8'));
  const pdf = await printer.pdf({ format: 'A4' });
  await printer.close();
  return new Uint8Array(pdf);
}

const app = useApp();
/** Made once per run: the paper is the same for every test, each imports it into its own profile. */
let paper: Uint8Array | undefined;

describe('a scholarly PDF made with pandoc --citeproc', () => {
  let page: Page;
  const pane = () => page.locator('section.pane').first();

  beforeEach(async () => {
    paper ??= await scholarlyPdf(app.browser());
    ({ page } = await app.open());
    await dropFiles(page, [{ name: 'petrova-nation.pdf', bytes: paper }]);
    await page.locator('.library-row', { hasText: 'Nation and Gender in Closeness' }).click({ timeout: 30_000 });
    await pane().locator('.doc-paragraph').first().waitFor();
  });

  it('finds its citations and links them to its reference list', async () => {
    const cites = pane().locator('.cite');
    await expect.poll(() => cites.allInnerTexts()).toEqual(['(Yuval-Davis 1997, 405)', '(Anderson 1983)']);
    expect(await pane().locator('.cite-unresolved').count()).toBe(0);
    await cites.first().hover();
    const card = pane().getByRole('dialog', { name: 'Cited work' });
    await expect.poll(() => card.innerText(), { timeout: 10_000 }).toContain('Yuval-Davis, N. (1997)');
    expect(await card.innerText()).toContain('Pinpoint: 405');
    await pane().getByRole('button', { name: 'Works Cited' }).click();
    await expect.poll(() => pane().locator('.works-cited-entry').count()).toBe(2);
    await screenshot(page, 'scholarly-pdf-citations');
  });

  it('highlights on the page view and keeps it after a reload', async () => {
    await pane().getByRole('button', { name: 'Page view' }).click();
    const firstPage = pane().locator('.pdf-page[data-page-number="1"]');
    await expect.poll(() => firstPage.locator('.textLayer span').count(), { timeout: 15_000 }).toBeGreaterThan(3);
    await selectText(firstPage, '.textLayer', 'carriers of the nation');
    await pane().locator('.selection-toolbar').waitFor();
    await page.keyboard.press('4');
    await expect.poll(() => firstPage.locator('.pdf-mark.hl-pink').count()).toBeGreaterThan(0);
    expect(await pane().locator('.highlight-card .highlight-quote').first().innerText()).toContain('carriers of the nation');
    await screenshot(page, 'scholarly-pdf-page-highlight');

    await page.reload();
    await page.waitForSelector('.app-header');
    await pane().locator('.doc-paragraph, .pdf-page-view').first().waitFor();
    if ((await pane().locator('.pdf-page-view').count()) === 0) await pane().getByRole('button', { name: 'Page view' }).click();
    await expect.poll(() => pane().locator('.pdf-page[data-page-number="1"] .pdf-mark.hl-pink').count(), { timeout: 15_000 }).toBeGreaterThan(0);
    // The same highlight shows in the reflowed text view too.
    await pane().getByRole('button', { name: 'Text view' }).click();
    await expect.poll(() => pane().locator('mark.hl-pink').allInnerTexts()).toEqual(['carriers of the nation']);
  });
});
