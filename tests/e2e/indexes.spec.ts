import { readFileSync } from 'node:fs';
import type { Locator, Page } from 'playwright-core';
import { beforeEach, describe, expect, it } from 'vitest';
import { dropFiles } from './actions';
import { screenshot, SEEDS } from './browser';
import { SEED_NAMES, seedFiles, useApp } from './fixtures';

const seedTexts = SEED_NAMES.map((name) => readFileSync(SEEDS + name, 'utf8'));
const expected = JSON.parse(readFileSync(new URL('../../../shared/expected/seed-citations.json', import.meta.url), 'utf8')) as { nameVariants: { groups: string[][] } };

const app = useApp();

describe('the library Index', () => {
  let page: Page;

  const workRow = (family: string, year: string): Locator => page.locator('.work-row').filter({ hasText: family }).filter({ hasText: year });

  beforeEach(async () => {
    ({ page } = await app.open());
    await page.getByRole('button', { name: 'Index', exact: true }).click();
    await page.getByText('Import a source with a Works Cited or References list to see the works it cites.').waitFor();
    // Imported while the Index is open: it rebuilds as the documents arrive.
    await dropFiles(page, seedFiles(SEED_NAMES));
    await page.locator('.work-row').first().waitFor({ timeout: 30_000 });
    await page.locator('.import-progress').waitFor({ state: 'detached', timeout: 30_000 });
    await page.locator(`main.index-view[aria-busy="false"][data-documents="${SEED_NAMES.length}"]`).waitFor({ timeout: 20_000 });
  });

  it('lists the cited works, merged across documents, as a bibliography', async () => {
    for (const [family, year] of [['Bykov', '2017'], ['Kuvshinova', '2017'], ['Smolina', '2017'], ['Yuval-Davis', '1997']] as const) {
      expect(await workRow(family, year).count(), `${family} ${year}`).toBe(1);
    }
    // Formatted in APA, the default style, once the formatter has run.
    await expect.poll(() => workRow('Yuval-Davis', '1997').locator('.work-reference').innerText(), { timeout: 10_000 }).toContain('Yuval-Davis, N. (1997)');
    const kuvshinova = workRow('Kuvshinova', '2017');
    expect(await kuvshinova.locator('.index-links', { hasText: 'Cited in' }).innerText()).toContain('Kantemir Balagov: Closeness (Tesnota, 2017)');
    expect(await kuvshinova.locator('.index-links', { hasText: 'Mentioned in' }).innerText()).toMatch(/wowed Cannes/);
    await screenshot(page, 'index-works-light');
  });

  it('filters the works by author, folding case and diacritics', async () => {
    const filter = page.getByRole('searchbox', { name: 'Filter cited works' });
    await filter.fill('KUVŠINOVA');
    await expect.poll(() => page.locator('.work-row').count()).toBe(1);
    await filter.fill('');
    await expect.poll(() => page.locator('.work-row').count()).toBeGreaterThan(3);
  });

  it('keeps every spelling of a person in one row, and Balagov apart from Balabanov', async () => {
    await page.getByRole('tab', { name: /People/ }).click();
    await page.locator('.person-row').first().waitFor();
    // Only the name and its spellings: document titles in a row may name other people.
    const rows = await page.locator('.person-row').evaluateAll((elements) =>
      elements.map((el) => `${el.querySelector('.person-name')?.textContent ?? ''} | ${el.querySelector('.person-spellings')?.textContent ?? ''}`),
    );
    for (const group of expected.nameVariants.groups) {
      const present = group.filter((spelling) => seedTexts.some((text) => text.includes(spelling)));
      expect(present.length, group.join(' / ')).toBeGreaterThan(0);
      const owners = new Set(present.flatMap((spelling) => rows.filter((row) => row.includes(spelling))));
      expect([...owners], group.join(' / ')).toHaveLength(1);
    }
    const balagov = rows.filter((row) => row.includes('Balagov'));
    const balabanov = rows.filter((row) => row.includes('Balabanov'));
    expect(balagov).toHaveLength(1);
    expect(balabanov).toHaveLength(1);
    expect(balagov[0]).not.toContain('Balabanov');
    await screenshot(page, 'index-people-light');
    await page.getByRole('searchbox', { name: 'Filter people' }).fill('zhovnar');
    await expect.poll(() => page.locator('.person-row').count()).toBe(1);
    await page.getByRole('searchbox', { name: 'Filter people' }).fill('');
  });

  it('looks right in the dark theme', async () => {
    await page.getByRole('tab', { name: /People/ }).click();
    await page.locator('.person-row').first().waitFor();
    await page.getByRole('radio', { name: 'Dark' }).click();
    await screenshot(page, 'index-people-dark');
    await page.getByRole('tab', { name: /Cited Works/ }).click();
    await workRow('Kuvshinova', '2017').waitFor();
    await screenshot(page, 'index-works-dark');
  });

  it('opens the citing document from a cited work', async () => {
    await workRow('Kuvshinova', '2017').locator('.index-links', { hasText: 'Cited in' }).getByRole('button', { name: 'Kantemir Balagov: Closeness (Tesnota, 2017)' }).click();
    const pane = page.locator('section.pane').first();
    await pane.locator('.pane-article .doc-paragraph').first().waitFor();
    expect(await pane.locator('.pane-title').innerText()).toContain('Closeness (Tesnota, 2017)');
    // It opens at the citation, far down the review, which is on screen and marked.
    const citation = pane.locator('.cite', { hasText: '(Kuvshinova 2017)' });
    await citation.waitFor();
    await expect.poll(async () => {
      const box = await citation.boundingBox();
      return box !== null && box.y > 0 && box.y < 820;
    }).toBe(true);
  });
});
