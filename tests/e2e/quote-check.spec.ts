import { readFileSync } from 'node:fs';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { buildDocx, para } from '../../app/documents/docx/docx-fixture';
import { axeViolations } from './axe';
import { screenshot, SEEDS } from './browser';
import { importFiles, importSeeds, seed, SEED_NAMES, useApp } from './fixtures';

const app = useApp();
const review = readFileSync(SEEDS + seed('001'), 'utf8');

/** A passage of seed 001, from `start` to the end of `endsWith`, checked to be there. */
function passage(start: string, endsWith: string): string {
  const at = review.indexOf(start);
  const end = review.indexOf(endsWith, at);
  if (at < 0 || end < 0) throw new Error(`seed 001 has no passage “${start}…${endsWith}”`);
  return review.slice(at, end + endsWith.length);
}

const verbatim = passage('Balagov’s triumph', 'overnight sensation');
const original = passage('Tragedy descends quietly', 'are kidnapped');
const altered = original.replace('quietly', 'slowly');
const elsewhere = passage('The parents no longer consider', 'move to Voronezh');
const invented = 'the camera never leaves the garage and the garage never leaves the family';

/**
 * A student's draft built from seed 001: a verbatim quotation cited right (paragraph 5), an
 * altered one, one from no source, a right quotation cited at the wrong paragraph, and a
 * citation (Kuvshinova 2017) missing from the draft's own reference list, which in turn lists
 * a work (Smolina 2017) the draft never cites.
 */
const draft = `# Closeness and the nation

Critics agreed that the film made its director famous: “${verbatim}” (Ezerova 2018, para. 5).

The review is precise about the kidnapping: “${altered}” (Ezerova 2018, para. 6).

Some claims have no source at all: “${invented}” (Ezerova 2018, para. 5).

The ending stays open: “${elsewhere}” (Ezerova 2018, para. 2).

Balagov has also spoken about the film in interviews (Kuvshinova 2017).

## References

Ezerova, Daria. 2018. “Kantemir Balagov: Closeness (Tesnota, 2017).” KinoKultura 60.

Smolina, Elena. 2017. “Udush’e lubvi: discussiia s rezhisserom fil’ma Tesnota.” Snob, 31 July.
`;

const SUMMARY = '4 quotations: 2 verbatim, 1 differs, 1 not found; 1 citation problem; references: 1 cited but not listed, 1 listed but never cited';
const TITLE = 'Kantemir Balagov: Closeness (Tesnota, 2017)';

async function openCheck(page: Page): Promise<Locator> {
  await page.getByRole('button', { name: 'Check', exact: true }).click();
  const view = page.locator('main.check-view');
  await view.getByText('Check a draft’s quotations and citations against your library').waitFor();
  return view;
}

async function expectNoAxeViolations(page: Page, what: string): Promise<void> {
  expect(await axeViolations(page, 'main.check-view', { strict: true }), what).toEqual([]);
}

/** True when the reader shows `phrase` inside the window (its first line, measured on the text itself). */
function phraseOnScreen(pane: Locator, phrase: string): Promise<boolean> {
  return pane.evaluate((element, text) => {
    const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const at = (node as Text).data.indexOf(text);
      if (at < 0) continue;
      const range = document.createRange();
      range.setStart(node, at);
      range.setEnd(node, at + text.length);
      const box = range.getClientRects()[0];
      return box !== undefined && box.top >= 0 && box.bottom <= window.innerHeight;
    }
    return false;
  }, phrase);
}

/** Asserts every row of the seed draft's report. */
async function expectSeedReport(view: Locator): Promise<void> {
  await view.locator('.check-summary').waitFor({ timeout: 30_000 });
  expect(await view.locator('.check-summary').innerText()).toBe(SUMMARY);
  const rows = view.locator('.check-row');
  expect(await rows.count()).toBe(4);

  const [first, second, third, fourth] = [rows.nth(0), rows.nth(1), rows.nth(2), rows.nth(3)];
  expect(await first.locator('.verdict-badge').innerText()).toContain('Verbatim');
  expect(await first.locator('.check-open').innerText()).toBe(TITLE);
  expect(await first.locator('.check-locator').innerText()).toBe('para. 5');
  expect(await first.locator('.check-quote').innerText()).toBe(`“${verbatim}”`);
  expect(await first.locator('.check-expected').innerText()).toBe('(Ezerova, 2018, para. 5)');
  expect(await first.locator('.check-found').innerText()).toBe('(Ezerova 2018, para. 5)');
  expect(await first.locator('.check-status').innerText()).toBe('The citation is right.');

  expect(await second.locator('.verdict-badge').innerText()).toContain('Differs');
  expect(await second.locator('.check-locator').innerText()).toBe('para. 6');
  // Struck and marked words carry their meaning in words too, for screen readers.
  expect(await second.locator('.check-diff del').allTextContents()).toEqual(['[the source has: quietly]']);
  expect(await second.locator('.check-diff ins').allTextContents()).toEqual(['[the draft has: slowly]']);
  expect(await second.locator('.check-diff').textContent()).toBe(`Tragedy descends [the source has: quietly] [the draft has: slowly] and unexpectedly${original.slice('Tragedy descends quietly and unexpectedly'.length)}`);
  expect(await second.locator('.check-status').innerText()).toBe('The citation is right.');

  expect(await third.locator('.verdict-badge').innerText()).toContain('Not found');
  expect(await third.locator('.check-source').innerText()).toBe('Not in your library');
  expect(await third.locator('.check-open').count()).toBe(0);
  expect(await third.locator('.check-status').innerText()).toMatch(/^No source in the library holds these words/);

  expect(await fourth.locator('.verdict-badge').innerText()).toContain('Verbatim');
  expect(await fourth.locator('.check-locator').innerText()).toBe('para. 6');
  expect(await fourth.locator('.check-problems li').allInnerTexts()).toEqual(['The paragraph is wrong: the passage is in para. 6, the draft says para. 2.']);
  expect(await fourth.locator('.check-expected').innerText()).toBe('(Ezerova, 2018, para. 6)');

  expect(await view.locator('section', { hasText: 'Cited but not listed (1)' }).locator('li').allInnerTexts()).toEqual(['(Kuvshinova 2017)']);
  const listed = await view.locator('section', { hasText: 'Listed but never cited (1)' }).locator('li').allInnerTexts();
  expect(listed).toHaveLength(1);
  expect(listed[0]).toMatch(/^Smolina, Elena\. 2017\./);
}

describe('the quote check', () => {
  it('checks a draft against the seeds: every verdict, diff and problem, styles, Markdown, opening the source', async () => {
    const { page } = await app.open();
    await importSeeds(page, SEED_NAMES);
    const view = await openCheck(page);
    await screenshot(page, 'check-empty-light');
    await expectNoAxeViolations(page, 'the empty state');

    const chooser = page.waitForEvent('filechooser');
    await view.getByRole('button', { name: 'Open draft…' }).click();
    await (await chooser).setFiles({ name: 'closeness-essay.md', mimeType: 'text/markdown', buffer: Buffer.from(draft) });
    await expectSeedReport(view);
    expect(await view.locator('.check-draft-name').innerText()).toBe('closeness-essay.md');
    await screenshot(page, 'check-report-light');
    await view.locator('.check-references').scrollIntoViewIfNeeded();
    await screenshot(page, 'check-report-end-light');
    await expectNoAxeViolations(page, 'the report, light');

    // Another style formats the expected citations again; the verdicts stay.
    const first = view.locator('.check-row').first();
    await view.getByLabel('Citation style').selectOption('mla');
    await expect.poll(() => first.locator('.check-expected').innerText(), { timeout: 20_000 }).not.toBe('(Ezerova, 2018, para. 5)');
    expect(await first.locator('.check-expected').innerText()).toMatch(/^\(Ezerova\b/);
    expect(await view.locator('.check-summary').innerText()).toBe(SUMMARY);
    await view.getByLabel('Citation style').selectOption('apa');
    await expect.poll(() => first.locator('.check-expected').innerText(), { timeout: 20_000 }).toBe('(Ezerova, 2018, para. 5)');

    // The report as Markdown, downloaded on the web.
    const download = page.waitForEvent('download');
    await view.getByRole('button', { name: 'Export as Markdown' }).click();
    const saved = await download;
    expect(saved.suggestedFilename()).toBe('closeness-essay-quote-check.md');
    const markdown = readFileSync(await saved.path(), 'utf8');
    expect(markdown).toContain('# Quote check: closeness-essay.md');
    expect(markdown).toContain('~~quietly~~ **slowly**');
    expect(markdown).toContain(`> ${invented}`);
    expect(markdown).toContain('(Kuvshinova 2017)');
    expect(markdown).toContain('Smolina, Elena. 2017.');
    expect(markdown.match(/Expected citation: \(Ezerova, 2018, para\. 6\)/g)).toHaveLength(2);

    // Dark theme: the same report, readable.
    await page.getByRole('radio', { name: 'Dark' }).click();
    await expect.poll(() => page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
    await view.locator('.check-row').nth(1).scrollIntoViewIfNeeded();
    await screenshot(page, 'check-report-dark');
    await expectNoAxeViolations(page, 'the report, dark');
    await page.getByRole('radio', { name: 'Light' }).click();

    // A found row opens its source at the passage.
    await view.locator('.check-row').nth(3).getByRole('button', { name: TITLE }).click();
    const pane = page.locator('section.pane').first();
    await pane.locator('.pane-article .doc-paragraph').first().waitFor();
    expect(await pane.locator('.pane-title').innerText()).toContain(TITLE);
    await pane.locator('.doc-paragraph', { hasText: elsewhere }).waitFor();
    await expect.poll(() => phraseOnScreen(pane, elsewhere)).toBe(true);

    // Back on the Check tab, the report is still there, not checked again.
    await page.getByRole('button', { name: 'Check', exact: true }).click();
    expect(await page.locator('main.check-view .check-summary').innerText()).toBe(SUMMARY);
    expect(await view.locator('.check-meta').innerText()).toContain('Checked against 5 sources in your library.');
    // Checked again against the library as it is now: the same findings, and the report takes focus.
    await view.getByRole('button', { name: 'Check again' }).click();
    await expect.poll(() => page.evaluate(() => document.activeElement?.className), { timeout: 30_000 }).toBe('check-summary');
    expect(await view.locator('.check-summary').innerText()).toBe(SUMMARY);
  });

  it('runs the whole flow by keyboard: paste, check, move through the rows, open one', async () => {
    const { page } = await app.open();
    await importSeeds(page, [seed('001')]);
    await page.getByRole('button', { name: 'Check', exact: true }).focus();
    await page.keyboard.press('Enter');
    const view = page.locator('main.check-view');
    await view.getByText('Check a draft’s quotations and citations against your library').waitFor();

    // Tab to the passage box, type, Tab to Check.
    const box = view.getByLabel('Paste a passage');
    for (let i = 0; i < 12 && !(await box.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press('Tab');
    expect(await box.evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.insertText(draft);
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Check');
    await page.keyboard.press('Enter');

    // The report takes focus; Tab reaches Check again, then the first row; arrows move between rows.
    await expect.poll(() => page.evaluate(() => document.activeElement?.className), { timeout: 30_000 }).toBe('check-summary');
    expect(await view.locator('.check-summary').innerText()).toBe(SUMMARY);
    expect(await view.locator('.check-draft-name').innerText()).toBe('Pasted passage');
    const focusedRow = () => page.evaluate(() => Array.from(document.querySelectorAll('.check-row')).indexOf(document.activeElement!));
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Check again');
    await page.keyboard.press('Tab');
    expect(await focusedRow()).toBe(0);
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    expect(await focusedRow()).toBe(2);
    await page.keyboard.press('End');
    expect(await focusedRow()).toBe(3);
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('ArrowUp');
    expect(await focusedRow()).toBe(1);
    await screenshot(page, 'check-keyboard-light');

    // Enter on the altered quotation opens the review where the source's words are.
    await page.keyboard.press('Enter');
    const pane = page.locator('section.pane').first();
    await pane.locator('.doc-paragraph', { hasText: original }).waitFor();
    await expect.poll(() => phraseOnScreen(pane, original)).toBe(true);
  });

  it('refuses a draft that is not text; a dropped .md or .docx draft is checked rather than imported', async () => {
    const { page } = await app.open();
    await importSeeds(page, [seed('001')]);
    const view = await openCheck(page);
    const drop = (name: string, bytes: number[] | string) =>
      view.evaluate(
        (element, [fileName, content]) => {
          const transfer = new DataTransfer();
          transfer.items.add(new File([typeof content === 'string' ? content : new Uint8Array(content)], fileName));
          for (const type of ['dragenter', 'dragover', 'drop']) element.dispatchEvent(new DragEvent(type, { dataTransfer: transfer, bubbles: true, cancelable: true }));
        },
        [name, bytes] as const,
      );

    await drop('photo.md', [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
    await expect.poll(() => view.getByRole('alert').innerText()).toBe('“photo.md” is not a text file: open the draft as .txt, .md or .docx.');
    await drop('essay.md', draft);
    await expect.poll(() => view.locator('.check-summary').innerText(), { timeout: 30_000 }).toBe(SUMMARY);
    expect(await view.getByRole('alert').count()).toBe(0);
    // A Word draft with a block quote (Word's Quote style) closed by its citation.
    const docx = buildDocx({
      body: para('Closeness, briefly', 'Heading1') + para('Ezerova puts the debut plainly:') + para(`${verbatim}. (Ezerova 2018, para. 5)`, 'Quote') + para('It was praised elsewhere too (Smolina 2017).'),
    });
    await drop('closeness-brief.docx', Array.from(docx));
    await expect.poll(() => view.locator('.check-draft-name').innerText(), { timeout: 30_000 }).toBe('closeness-brief.docx');
    await expect.poll(() => view.locator('.check-summary').innerText(), { timeout: 30_000 }).toMatch(/^1 quotation: 1 verbatim, 0 differ, 0 not found; 0 citation problems;/);
    const row = view.locator('.check-row');
    expect(await row.count()).toBe(1);
    expect(await row.locator('.check-locator').innerText()).toBe('para. 5');
    expect(await row.locator('.check-status').innerText()).toBe('The citation is right.');
    // The library still holds the one seed: the drafts were not imported.
    await page.getByRole('button', { name: 'Library', exact: true }).click();
    await expect.poll(() => page.locator('.library-row').count()).toBe(1);
  });

  it('cites a PDF passage by its printed page label (p. ii, p. 1), not the PDF page index', async () => {
    const { page } = await app.open();
    const pdf = readFileSync(new URL('./files/libcoin--libcoin.pdf', import.meta.url));
    await importFiles(page, [{ name: 'libcoin--libcoin.pdf', bytes: pdf }], 1);
    await page.locator('.import-progress').waitFor({ state: 'detached', timeout: 60_000 });
    const view = await openCheck(page);
    await view
      .getByLabel('Paste a passage')
      .fill(
        'The licence is plain: “libcoin is distributed in the hope that it will be useful, but WITHOUT ANY WARRANTY” (Hothorn 2021, p. ii). ' +
          'The introduction begins: “The libcoin package implements a generic framework for permutation tests” (Hothorn 2021, p. 3).',
      );
    await view.getByRole('button', { name: 'Check', exact: true }).click();
    await view.locator('.check-summary').waitFor({ timeout: 30_000 });
    const rows = view.locator('.check-row');
    expect(await rows.count()).toBe(2);
    expect(await rows.nth(0).locator('.verdict-badge').innerText()).toContain('Verbatim');
    expect(await rows.nth(0).locator('.check-locator').innerText()).toBe('p. ii');
    expect(await rows.nth(0).locator('.check-expected').innerText()).toMatch(/, p\. ii\)$/);
    expect(await rows.nth(0).locator('.check-problems li').allInnerTexts()).not.toContainEqual(expect.stringMatching(/^The page/));
    expect(await rows.nth(1).locator('.check-locator').innerText()).toBe('p. 1');
    expect(await rows.nth(1).locator('.check-problems li').allInnerTexts()).toContain('The page is wrong: the passage is on p. 1, the draft says p. 3.');
    await screenshot(page, 'check-pdf-labels-light');
    await expectNoAxeViolations(page, 'a report on a PDF');
  });
});
