// The highlights sidebar of a document with hundreds of highlights: only the cards near its visible
// part are in the DOM, yet every card is reachable with the keyboard and by activating its
// highlight in the text, and each tells assistive technology where it sits in the whole list.
import type { Locator } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { longDocumentText } from '../support/long-document';
import { storeHighlights } from '../support/stored-highlights';
import { dropFiles } from './actions';
import { screenshot } from './browser';
import { useApp } from './fixtures';

const BOOK = longDocumentText(40_000);
const HIGHLIGHTS = 800;

/** True when `inner` lies wholly inside the visible box of `outer`. */
async function within(inner: Locator, outer: Locator): Promise<boolean> {
  const [a, b] = [await inner.boundingBox(), await outer.boundingBox()];
  return a !== null && b !== null && a.y >= b.y - 1 && a.y + a.height <= b.y + b.height + 1;
}

const app = useApp();

describe('the highlights sidebar with many highlights', () => {
  it('renders a window of cards, each reachable by keyboard and from its highlight in the text', { timeout: 120_000 }, async () => {
    const { page } = await app.open();
    await dropFiles(page, [{ name: 'long-book.txt', text: BOOK }]);
    const row = page.locator('.library-row', { hasText: 'A Long Book for Testing' });
    await row.waitFor({ timeout: 60_000 });
    const quotes = await storeHighlights(page, { idPrefix: 'many', placement: 'spread', count: HIGHLIGHTS, lengths: [30, 50, 70, 90, 110], context: 32, colors: ['yellow', 'green', 'blue', 'pink', 'purple'] });
    await row.click();

    const pane = page.locator('section.pane').first();
    await pane.locator('.doc-paragraph').first().waitFor();
    if ((await pane.locator('.highlight-sidebar').count()) === 0) await pane.getByRole('button', { name: /Show highlights/ }).click();
    const sidebar = pane.locator('.highlight-sidebar');
    const cards = sidebar.locator('.highlight-card');
    await cards.first().waitFor();

    // Far fewer cards in the DOM than highlights, each placed in the whole list.
    const rendered = await cards.count();
    expect(rendered).toBeGreaterThan(0);
    expect(rendered).toBeLessThan(HIGHLIGHTS / 10);
    const list = sidebar.getByRole('list');
    expect(await list.count()).toBe(1);
    expect(await cards.first().getAttribute('aria-setsize')).toBe(String(HIGHLIGHTS));
    expect(await cards.first().getAttribute('aria-posinset')).toBe('1');
    expect(await cards.first().getAttribute('data-annotation-id')).toBe('many-0');

    // The keyboard reaches the last card: End, then ArrowUp, each focusing a card scrolled into view.
    await cards.first().locator('.highlight-quote').focus();
    await page.keyboard.press('End');
    const focusedCard = sidebar.locator('.highlight-card:has(.highlight-quote:focus)');
    await expect.poll(() => focusedCard.getAttribute('aria-posinset')).toBe(String(HIGHLIGHTS));
    expect(await focusedCard.getAttribute('data-annotation-id')).toBe(`many-${HIGHLIGHTS - 1}`);
    await expect.poll(() => within(focusedCard, sidebar)).toBe(true);
    await page.keyboard.press('ArrowUp');
    await expect.poll(() => focusedCard.getAttribute('aria-posinset')).toBe(String(HIGHLIGHTS - 1));
    await expect.poll(() => within(focusedCard, sidebar)).toBe(true);
    // Enter opens the focused card, as a click does.
    await page.keyboard.press('Enter');
    await expect.poll(() => sidebar.locator('.highlight-card.selected').getAttribute('data-annotation-id')).toBe(`many-${HIGHLIGHTS - 2}`);
    expect(await cards.count()).toBeLessThan(HIGHLIGHTS / 10);
    await page.keyboard.press('Home');
    await expect.poll(() => focusedCard.getAttribute('aria-posinset')).toBe('1');

    // A highlight far down the text, activated there, brings its card into view and opens it.
    const target = 'many-613';
    await pane.getByRole('button', { name: 'Find in document' }).click();
    await pane.getByRole('searchbox', { name: 'Find in document' }).fill(quotes[target]!);
    const mark = pane.locator(`mark[data-annotation-id="${target}"]`).first();
    await mark.waitFor();
    await pane.getByRole('searchbox', { name: 'Find in document' }).press('Escape');
    await mark.click();
    const card = sidebar.locator(`.highlight-card[data-annotation-id="${target}"]`);
    await expect.poll(() => card.getAttribute('class')).toContain('selected');
    expect(await card.getAttribute('aria-posinset')).toBe('614');
    await expect.poll(() => within(card.locator('.highlight-quote'), sidebar)).toBe(true);
    expect(await card.locator('.quote-text').innerText()).toContain(quotes[target]!.slice(0, 20));
    expect(await cards.count()).toBeLessThan(HIGHLIGHTS / 10);
    await screenshot(page, 'highlight-sidebar-many');
  });
});
