import { readFileSync } from 'node:fs';
import type { Browser, Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { dropFiles } from './actions';
import { axeViolations } from './axe';
import { screenshot } from './browser';
import { useApp } from './fixtures';

/**
 * A paper set with LaTeX, biblatex (author-year) and hyperref, from the citation corpus: every
 * citation is a link to its entry, and the reference list has web links (a DOI, a web page).
 */
const PAPER = new Uint8Array(readFileSync(new URL('./files/made--authoryear-en.pdf', import.meta.url)));
const TITLE = 'Kinship and Nation on Screen';

/**
 * A three-page report printed by Chromium, whose links to a section and a figure are the PDF's own
 * internal links (named destinations), as a word processor or LaTeX would make them.
 */
async function reportWithSectionLinks(browser: Browser): Promise<Uint8Array> {
  const printer = await browser.newPage();
  const filler = (words: string) => `<p>${Array.from({ length: 12 }, () => words).join(' ')}</p>`;
  await printer.setContent(`<!doctype html><html><head><title>Field Notes on Closeness</title></head><body style="font: 12pt serif">
    <h1>Field Notes on Closeness</h1>
    <p>The method is set out in <a href="#method">Section 3</a>, and the map of Nalchik is <a href="#map">Figure 2</a>.</p>
    ${filler('The first chapter describes the town and the families who live in it.')}
    <h2 id="map" style="break-before: page">2 The town</h2><p>Figure 2: a map of the streets around the garage.</p>
    ${filler('The second chapter walks the streets around the garage and the market.')}
    <h2 id="method" style="break-before: page">3 Method</h2>
    ${filler('Interviews were held in Russian and Kabardian with twelve families over two summers.')}
  </body></html>`);
  const pdf = await printer.pdf({ format: 'A4' });
  await printer.close();
  return new Uint8Array(pdf);
}

/**
 * Each citation mark on a page with the text-layer characters it covers (whitespace dropped),
 * measured character by character: a mark must sit on its citation's words, not near them.
 */
function markedTexts(pdfPage: Locator): Promise<{ id: string; text: string }[]> {
  return pdfPage.evaluate((root) => {
    const chars: { char: string; x: number; y: number }[] = [];
    const walker = document.createTreeWalker(root.querySelector('.textLayer')!, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const data = (node as Text).data;
      for (let at = 0; at < data.length; at++) {
        if (/\s/.test(data[at]!)) continue;
        const range = document.createRange();
        range.setStart(node, at);
        range.setEnd(node, at + 1);
        const rect = range.getBoundingClientRect();
        chars.push({ char: data[at]!, x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 });
      }
    }
    return [...root.querySelectorAll<HTMLElement>('.pdf-cite')].map((mark) => {
      const boxes = [...mark.querySelectorAll('.pdf-cite-box')].map((box) => box.getBoundingClientRect());
      const inside = chars.filter(({ x, y }) => boxes.some((box) => x >= box.left && x <= box.right && y >= box.top && y <= box.bottom));
      return { id: mark.dataset.citationId!, text: inside.map(({ char }) => char).join('') };
    });
  });
}

/** Links whose middle lies under a citation mark (there should be none). */
function linksUnderMarks(pdfPage: Locator): Promise<string[]> {
  return pdfPage.evaluate((root) => {
    const boxes = [...root.querySelectorAll('.pdf-cite-box')].map((box) => box.getBoundingClientRect());
    return [...root.querySelectorAll('.pdf-link')].flatMap((link) => {
      const { left, top, width, height } = link.getBoundingClientRect();
      const [x, y] = [left + width / 2, top + height / 2];
      return boxes.some((box) => x >= box.left && x <= box.right && y >= box.top && y <= box.bottom) ? [link.getAttribute('aria-label') ?? ''] : [];
    });
  });
}

/** Whether the top of `element` is within the scrolling view of the pages. */
function inView(element: Locator): Promise<boolean> {
  return element.evaluate((target) => {
    const box = target.getBoundingClientRect();
    const frame = target.closest('.pdf-scroll')!.getBoundingClientRect();
    return box.top >= frame.top && box.top < frame.bottom;
  });
}

const app = useApp();

describe('citations and links on the pages of a PDF', () => {
  let page: Page;
  const pane = () => page.locator('section.pane').first();
  const view = () => pane().locator('.pdf-page-view');
  const pdfPage = (n: number) => view().locator(`.pdf-page[data-page-number="${n}"]`);
  const card = () => pane().getByRole('dialog', { name: 'Cited work' });
  /** The mark of the citation whose text (whitespace dropped) is `text`, on page `n`. */
  const markOf = async (n: number, text: string): Promise<Locator> => {
    await expect.poll(async () => (await markedTexts(pdfPage(n))).map((mark) => mark.text), { timeout: 20_000 }).toContain(text);
    const { id } = (await markedTexts(pdfPage(n))).find((mark) => mark.text === text)!;
    return pdfPage(n).locator(`.pdf-cite[data-citation-id="${id}"]`);
  };

  /** Opens a fresh window (light or dark), imports the paper and shows its pages. */
  async function openPaper(colorScheme: 'light' | 'dark' = 'light', bytes: Uint8Array = PAPER, title = TITLE): Promise<void> {
    ({ page } = await app.open({ colorScheme }));
    await dropFiles(page, [{ name: 'paper.pdf', bytes }]);
    await page.locator('.library-row', { hasText: title }).click({ timeout: 30_000 });
    await pane().locator('.doc-paragraph').first().waitFor();
    await pane().getByRole('button', { name: 'Page view' }).click();
    await view().waitFor();
  }

  it('marks the citations on their words, shows the card on hover and on focus, and passes axe', async () => {
    await openPaper();
    const mulvey = await markOf(1, '(Mulvey1975)');
    const texts = (await markedTexts(pdfPage(1))).map((mark) => mark.text);
    expect(texts).toEqual(expect.arrayContaining(['Anderson(1983)', '(Yuval-Davis1997,p.405)', '(Condee2009)', '(Kuvshinova2017)']));
    // Every mark covers a citation: an author's name (after a "see" the citation opens with) and a
    // year, never a stretch of prose.
    for (const text of texts) expect(text).toMatch(/^\(?(?:see|cf\.|e\.g\.,?)?[A-Z].*\d{4}/);
    expect(texts.length).toBeGreaterThanOrEqual(12);
    // The paper links its citations; a link a mark covers is no second stop in the Tab order.
    expect(await linksUnderMarks(pdfPage(1))).toEqual([]);
    await screenshot(page, 'pdf-citations-light');

    await mulvey.locator('.pdf-cite-box').first().hover();
    await expect.poll(() => card().innerText(), { timeout: 10_000 }).toContain('Mulvey, L. (1975)');
    await screenshot(page, 'pdf-citations-card-light');

    // From the keyboard: focus shows the card, Tab moves on to the next citation in reading order.
    await page.mouse.move(5, 400);
    const condee = await markOf(1, '(Condee2009)');
    await condee.focus();
    await expect.poll(() => card().innerText(), { timeout: 10_000 }).toContain('Condee');
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Tab');
    await screenshot(page, 'pdf-citations-focus-light');
    await page.keyboard.press('Tab');
    const next = await page.evaluate(() => (document.activeElement as HTMLElement).dataset.citationId);
    const order = (await markedTexts(pdfPage(1))).map((mark) => mark.id);
    expect(order.indexOf(next!)).toBe(order.indexOf((await condee.getAttribute('data-citation-id'))!) + 1);
    await expect.poll(() => card().innerText()).not.toContain('Condee');

    expect(await axeViolations(page, '.pdf-page-view')).toEqual([]);
  });

  it('goes to the entry on click or Enter, and opens it beside with Shift+click', async () => {
    await openPaper();
    const mulvey = await markOf(1, '(Mulvey1975)');
    await mulvey.locator('.pdf-cite-box').first().click();
    // The entry is on page 3: the view scrolls there and points at the entry's lines.
    const flash = pdfPage(3).locator('.pdf-flash').first();
    await flash.waitFor({ timeout: 20_000 });
    await expect.poll(() => inView(flash)).toBe(true);
    expect(await view().getByLabel('Page number').inputValue()).toBe('3');
    await expect.poll(async () => (await pdfPage(3).locator('.pdf-flash').count()) >= 2).toBe(true);
    await screenshot(page, 'pdf-citations-entry');

    // Enter on a focused mark goes the same way.
    await view().getByLabel('Page number').fill('1');
    await view().getByLabel('Page number').press('Enter');
    const anderson = await markOf(1, 'Anderson(1983)');
    await anderson.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => view().getByLabel('Page number').inputValue(), { timeout: 20_000 }).toBe('2');
    await expect.poll(async () => (await pdfPage(2).locator('.pdf-flash').count()) > 0).toBe(true);

    // Shift+click: the entry beside, in a new pane.
    await view().getByLabel('Page number').fill('1');
    await view().getByLabel('Page number').press('Enter');
    const condee = await markOf(1, '(Condee2009)');
    await condee.locator('.pdf-cite-box').first().click({ modifiers: ['Shift'] });
    await expect.poll(() => page.locator('section.pane').count()).toBe(2);
    const entry = page.locator('section.pane').nth(1).locator('.doc-paragraph', { hasText: 'Condee, Nancy' });
    await entry.waitFor();
    await expect.poll(async () => {
      const box = await entry.boundingBox();
      return box !== null && box.y > 0 && box.y < 820;
    }).toBe(true);
  });

  it('opens a web link of the PDF through the platform', async () => {
    await openPaper();
    // The web platform opens links with window.open; record the call instead of leaving the app.
    await page.evaluate(() => {
      const opened: string[] = [];
      (window as unknown as { opened: string[] }).opened = opened;
      window.open = (url?: string | URL) => {
        opened.push(String(url));
        return null;
      };
    });
    await view().getByLabel('Page number').fill('3');
    await view().getByLabel('Page number').press('Enter');
    const doi = pdfPage(3).locator('a.pdf-link[href="https://doi.org/10.1093/screen/16.3.6"]');
    await doi.waitFor({ timeout: 20_000 });
    expect(await doi.getAttribute('aria-label')).toBe('Open https://doi.org/10.1093/screen/16.3.6');
    await doi.click();
    await expect.poll(() => page.evaluate(() => (window as unknown as { opened: string[] }).opened)).toEqual(['https://doi.org/10.1093/screen/16.3.6']);
    // By keyboard too.
    await doi.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.evaluate(() => (window as unknown as { opened: string[] }).opened.length)).toBe(2);
  });

  it('follows the PDF’s own links to a section and a figure', async () => {
    const report = await reportWithSectionLinks(app.browser());
    await openPaper('light', report, 'Field Notes on Closeness');
    const toMethod = pdfPage(1).getByRole('link', { name: 'Go to page 3' });
    await toMethod.waitFor({ timeout: 20_000 });
    await toMethod.click();
    await expect.poll(() => view().getByLabel('Page number').inputValue()).toBe('3');
    const heading = pdfPage(3).locator('.textLayer span', { hasText: 'Method' }).first();
    await heading.waitFor({ timeout: 20_000 });
    await expect.poll(() => inView(heading)).toBe(true);

    await view().getByLabel('Page number').fill('1');
    await view().getByLabel('Page number').press('Enter');
    const toMap = pdfPage(1).getByRole('link', { name: 'Go to page 2' });
    await toMap.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => view().getByLabel('Page number').inputValue()).toBe('2');
    expect(await page.locator('section.pane').count()).toBe(1);
  });

  it('marks citations in the dark theme and when zoomed, on their words', async () => {
    await openPaper('dark');
    const mulvey = await markOf(1, '(Mulvey1975)');
    await screenshot(page, 'pdf-citations-dark');
    await mulvey.locator('.pdf-cite-box').first().hover();
    await expect.poll(() => card().innerText(), { timeout: 10_000 }).toContain('Mulvey, L. (1975)');
    await screenshot(page, 'pdf-citations-card-dark');
    expect(await axeViolations(page, '.pdf-page-view')).toEqual([]);

    await page.mouse.move(5, 400);
    for (const step of ['Zoom in', 'Zoom in']) await view().getByRole('button', { name: step }).click();
    await markOf(1, '(Mulvey1975)');
    await screenshot(page, 'pdf-citations-zoomed-in');
    for (const step of ['Zoom out', 'Zoom out', 'Zoom out', 'Zoom out']) await view().getByRole('button', { name: step }).click();
    await markOf(1, '(Mulvey1975)');
    await screenshot(page, 'pdf-citations-zoomed-out');
  });
});
