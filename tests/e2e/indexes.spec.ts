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
    const light = await indexColours(page);
    expect(light.background.luminance).toBeGreaterThan(0.8);
    await page.getByRole('radio', { name: 'Dark' }).click();
    await expect.poll(() => page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
    await screenshot(page, 'index-people-dark');
    expectReadableDark(await indexColours(page), 'People');
    await page.getByRole('tab', { name: /Cited Works/ }).click();
    await workRow('Kuvshinova', '2017').waitFor();
    await screenshot(page, 'index-works-dark');
    expectReadableDark(await indexColours(page), 'Cited Works');
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

/** A colour's relative luminance (WCAG 2), from 0 (black) to 1 (white). */
interface Luminance {
  css: string;
  luminance: number;
}

/** The index view's background and, for every visible text in it, its colour and the background behind it. */
interface IndexColours {
  background: Luminance;
  texts: { text: string; colour: Luminance; behind: Luminance; contrast: number }[];
}

/**
 * Reads the colours the index view is drawn in: each element with text of its own, its text
 * colour and the background it sits on (translucent backgrounds composited over what is below),
 * as WCAG computes contrast.
 */
function indexColours(page: Page): Promise<IndexColours> {
  return page.evaluate(() => {
    type Rgba = [number, number, number, number];
    const parse = (css: string): Rgba => {
      const srgb = /^color\(srgb ([\d.e-]+) ([\d.e-]+) ([\d.e-]+)(?: \/ ([\d.e-]+))?\)$/.exec(css);
      if (srgb) return [Number(srgb[1]) * 255, Number(srgb[2]) * 255, Number(srgb[3]) * 255, srgb[4] === undefined ? 1 : Number(srgb[4])];
      const rgb = /^rgba?\(([\d.]+),? ([\d.]+),? ([\d.]+)(?:,? \/? ?([\d.]+))?\)$/.exec(css);
      if (!rgb) throw new Error(`unreadable colour ${css}`);
      return [Number(rgb[1]), Number(rgb[2]), Number(rgb[3]), rgb[4] === undefined ? 1 : Number(rgb[4])];
    };
    const over = (top: Rgba, below: Rgba): Rgba => [0, 1, 2].map((i) => top[i]! * top[3] + below[i]! * (1 - top[3])).concat(1) as Rgba;
    const luminance = (c: Rgba) => {
      const [r, g, b] = [c[0], c[1], c[2]].map((v) => (v / 255 <= 0.03928 ? v / 255 / 12.92 : ((v / 255 + 0.055) / 1.055) ** 2.4));
      return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
    };
    const described = (c: Rgba) => ({ css: `rgb(${c.slice(0, 3).map(Math.round).join(', ')})`, luminance: luminance(c) });
    const behind = (element: Element): Rgba => {
      const layers: Rgba[] = [];
      for (let at: Element | null = element; at; at = at.parentElement) {
        const layer = parse(getComputedStyle(at).backgroundColor);
        if (layer[3] > 0) layers.push(layer);
        if (layer[3] >= 1) break;
      }
      return layers.reduceRight<Rgba>((below, layer) => over(layer, below), [255, 255, 255, 1]);
    };
    const view = document.querySelector('main.index-view')!;
    const texts: IndexColours['texts'] = [];
    for (const element of view.querySelectorAll('*')) {
      const own = [...element.childNodes].some((node) => node.nodeType === Node.TEXT_NODE && node.textContent!.trim() !== '');
      const box = element.getBoundingClientRect();
      // Visible text only: not clipped to a pixel for screen readers, not scrolled out of view.
      if (!own || box.width <= 1 || box.height <= 1 || box.bottom < 0 || box.top > innerHeight) continue;
      const back = behind(element);
      const colour = over(parse(getComputedStyle(element).color), back);
      const [hi, lo] = [luminance(colour), luminance(back)].sort((a, b) => b - a);
      texts.push({ text: element.textContent.trim().slice(0, 40), colour: described(colour), behind: described(back), contrast: (hi! + 0.05) / (lo! + 0.05) });
    }
    return { background: described(behind(view)), texts };
  });
}

/** A dark background, light text, and every text at WCAG AA contrast (4.5:1) or better. */
function expectReadableDark(colours: IndexColours, tab: string): void {
  expect(colours.background.luminance, `${tab} background ${colours.background.css}`).toBeLessThan(0.05);
  expect(colours.texts.length, tab).toBeGreaterThan(10);
  for (const text of colours.texts) {
    expect(text.colour.luminance, `${tab}: "${text.text}" in ${text.colour.css}`).toBeGreaterThan(text.behind.luminance);
    expect(text.contrast, `${tab}: "${text.text}" ${text.colour.css} on ${text.behind.css}`).toBeGreaterThanOrEqual(4.5);
  }
}
