import type { Locator, Page } from 'playwright-core';
import { beforeEach, describe, expect, it } from 'vitest';
import { highlightPassage } from './actions';
import { screenshot } from './browser';
import { importAndOpenSeed, seed, useApp } from './fixtures';

const seed001 = seed('001');

/**
 * Whether the rows a virtualized reading view has rendered cover all of its text that is scrolled
 * into view: what a scroll brought into view has been drawn, not only what was there before.
 */
function renderedInView(scroller: Locator): Promise<boolean> {
  return scroller.evaluate((element) => {
    const view = element.getBoundingClientRect();
    const rows = [...element.querySelectorAll('.virtual-item')].map((row) => row.getBoundingClientRect());
    // The article is its rows' height plus 96 px of room below the last one (VirtualDocument);
    // measured heights round a little, and 8 px is far less than any row, so none can be missing.
    const textBottom = element.querySelector('.pane-article')!.getBoundingClientRect().bottom - 96;
    if (rows.length === 0) return false;
    return rows[0]!.top <= view.top + 1 && rows.at(-1)!.bottom >= Math.min(view.bottom, textBottom) - 8;
  });
}

const app = useApp();

describe('citations in the reader', () => {
  let page: Page;

  beforeEach(async () => {
    const opened = await app.open();
    page = opened.page;
    await opened.context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await importAndOpenSeed(page, seed001);
  });

  it('marks the in-text citations and the mention', async () => {
    const pane = page.locator('section.pane').first();
    await pane.locator('.cite').first().waitFor();
    const scroller = pane.locator('.pane-scroll');
    const seen = new Set<string>();
    // The view is virtualized: scroll through and collect every citation mark.
    for (let step = 0; step < 30; step++) {
      for (const text of await pane.locator('.cite:not(.cite-mention)').allInnerTexts()) seen.add(text);
      const atEnd = await scroller.evaluate((el) => {
        el.scrollTop += el.clientHeight * 0.8;
        return el.scrollTop + el.clientHeight >= el.scrollHeight - 2;
      });
      await expect.poll(() => renderedInView(scroller)).toBe(true);
      if (atEnd) break;
    }
    expect([...seen].sort()).toEqual(['(Bykov 2017)', '(Kuvshinova 2017)', '(Yuval-Davis 1997: 405)', '(see Balagov in Smolina 2017)']);
    expect(await page.locator('.cite-unresolved').count()).toBe(0);
  });

  it('shows the parsed reference on hover and jumps to the Works Cited entry on click', async () => {
    const pane = page.locator('section.pane').first();
    await pane.getByRole('button', { name: 'Find in document' }).click();
    await pane.getByRole('searchbox', { name: 'Find in document' }).fill('mother tongue');
    await pane.getByRole('searchbox', { name: 'Find in document' }).press('Escape');
    const citation = pane.locator('.cite', { hasText: 'Yuval-Davis 1997: 405' });
    await citation.hover();
    const card = pane.getByRole('dialog', { name: 'Cited work' });
    await card.waitFor();
    // Formatted in APA, the default style: initials, year in parentheses, editors with (Eds.).
    await expect.poll(() => card.innerText(), { timeout: 10_000 }).toContain('Yuval-Davis, N. (1997)');
    expect(await card.innerText()).toMatch(/Sharp.*McDowell.*\(Eds\.\)/s);
    expect(await card.innerText()).toContain('Pinpoint: 405');
    await screenshot(page, 'citation-card');
    await card.getByRole('combobox').selectOption('mla');
    await expect.poll(() => card.innerText()).toContain('Yuval-Davis, Nira.');
    await card.getByRole('combobox').selectOption('apa');
    await citation.click();
    const entry = pane.locator('.doc-paragraph', { hasText: 'Yuval-Davis, Nira. 1997.' });
    await entry.waitFor();
    await expect.poll(() => entry.evaluate((el) => el.classList.contains('flash-block'))).toBe(true);
    const box = await entry.boundingBox();
    expect(box && box.y > 0 && box.y < 820).toBe(true);
  });

  it('opens the entry side by side with Shift+click', async () => {
    const pane = page.locator('section.pane').first();
    await pane.getByRole('button', { name: 'Find in document' }).click();
    await pane.getByRole('searchbox', { name: 'Find in document' }).fill('(Bykov 2017)');
    await pane.getByRole('searchbox', { name: 'Find in document' }).press('Escape');
    await pane.locator('.cite', { hasText: '(Bykov 2017)' }).click({ modifiers: ['Shift'] });
    await expect.poll(() => page.locator('section.pane').count()).toBe(2);
    const beside = page.locator('section.pane').nth(1);
    const entry = beside.locator('.doc-paragraph', { hasText: 'Bykov, Dmitrii. 2017.' });
    await entry.waitFor();
    await expect.poll(async () => {
      const box = await entry.boundingBox();
      return box !== null && box.y > 0 && box.y < 820;
    }).toBe(true);
    await beside.getByRole('button', { name: 'Close pane' }).click();
  });

  it('opens the card from the keyboard', async () => {
    const pane = page.locator('section.pane').first();
    const citation = pane.locator('.cite').first();
    await citation.focus();
    await pane.getByRole('dialog', { name: 'Cited work' }).waitFor();
  });

  it('copies a highlight as a quote with its citation in the chosen style', async () => {
    const pane = page.locator('section.pane').first();
    await highlightPassage(page, 'intergenerational transmitters of cultural traditions');
    await pane.getByRole('button', { name: 'Copy quote' }).click();
    await page.getByText(/^Copied: /).waitFor();
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toMatch(/^“intergenerational transmitters of cultural traditions” \(Ezerova, 2018, para\. \d+\)$/);
  });

  it('lists the keyboard shortcuts with ?', async () => {
    await page.locator('body').click({ position: { x: 5, y: 400 } });
    await page.keyboard.press('Shift+?');
    const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await help.waitFor();
    expect(await help.innerText()).toContain('Ctrl+Shift+C');
    await page.keyboard.press('Escape');
    await help.waitFor({ state: 'detached' });
  });
});
