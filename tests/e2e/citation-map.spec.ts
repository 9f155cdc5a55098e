import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { axeViolations } from './axe';
import { screenshot } from './browser';
import { importFiles, SEED_NAMES, seedFiles, useApp } from './fixtures';

const app = useApp();
const MULTCOMP = new URL('./files/multcomp--generalsiminf.pdf', import.meta.url);

/** The drawn graph as Cytoscape holds it (the container keeps its instance), read in the page. */
interface DrawnNode {
  id: string;
  label: string;
  kind: string;
  /** Edges into the node: kind and the other end's label. */
  incoming: string[];
  x: number;
  y: number;
}

async function drawnNodes(page: Page): Promise<DrawnNode[]> {
  return page.evaluate(() => {
    type Element = { id: () => string; data: (key: string) => string; renderedPosition: () => { x: number; y: number } };
    type Edge = { data: (key: string) => string; source: () => Element };
    const container = document.querySelector('.map-canvas') as unknown as { _cyreg: { cy: { nodes: () => (Element & { incomers: (s: string) => Edge[] })[] } } };
    const box = (container as unknown as HTMLElement).getBoundingClientRect();
    return container._cyreg.cy.nodes().map((node) => ({
      id: node.id(),
      label: node.data('label'),
      kind: node.data('kind'),
      incoming: node.incomers('edge').map((edge) => `${edge.data('kind')} ${edge.source().data('label')}`).sort(),
      x: box.left + node.renderedPosition().x,
      y: box.top + node.renderedPosition().y,
    }));
  });
}

/** The app's view tab (the map's own Map / List switch has a "Map" button too). */
const viewTab = (page: Page, name: string) => page.locator('.view-tabs').getByRole('button', { name, exact: true });
const showAs = (page: Page, name: string) => page.getByRole('group', { name: 'Show as' }).getByRole('button', { name, exact: true });

async function openMap(page: Page): Promise<void> {
  await viewTab(page, 'Map').click();
  await page.locator('main.map-view[aria-busy="false"] .map-canvas[data-nodes]').waitFor({ timeout: 30_000 });
}

async function download(page: Page, run: () => Promise<void>): Promise<Buffer> {
  const event = page.waitForEvent('download');
  await run();
  return readFileSync(await (await event).path());
}

describe('the citation map', () => {
  it('draws the seeds: Kuvshinova 2017 cited by 001 and mentioned in 004; opens works and sources; filters; exports', async () => {
    const { page } = await app.open();
    await viewTab(page, 'Map').click();
    await page.getByText('Your library is empty.').waitFor();
    await viewTab(page, 'Library').click();
    await importFiles(page, seedFiles(SEED_NAMES), SEED_NAMES.length);
    await page.locator('.import-progress').waitFor({ state: 'detached', timeout: 30_000 });
    await openMap(page);

    const nodes = await drawnNodes(page);
    expect(nodes.filter((n) => n.kind === 'source')).toHaveLength(5);
    const kuvshinova = nodes.find((n) => n.label === 'Kuvshinova 2017');
    expect(kuvshinova?.kind).toBe('work');
    // 001 is Daria Ezerova's review (2018); 004 the article that names the critic without a citation.
    expect(kuvshinova!.incoming.filter((e) => !e.startsWith('wrote'))).toEqual(['cites Ezerova 2018', expect.stringMatching(/^mentions Kantemir Balagov/)]);
    expect(kuvshinova!.incoming).toContain('wrote Mariia Kuvshinova');
    await screenshot(page, 'citation-map-light');

    // The same nodes in the list, for the keyboard.
    await showAs(page, 'List').click();
    const item = page.locator('.map-list-item[data-node-id^="w:"]').filter({ has: page.getByRole('button', { name: 'Kuvshinova 2017' }) });
    expect(await item.locator('[data-link="cited by"]').innerText()).toBe('cited by Ezerova 2018');
    expect(await item.locator('[data-link="mentioned in"]').innerText()).toMatch(/^mentioned in Kantemir Balagov/);
    expect(await page.locator('.map-list-item').count()).toBe(nodes.length);
    expect(await axeViolations(page, 'main.map-view')).toEqual([]);
    await screenshot(page, 'citation-map-list-light');
    // Keyboard alone: the work's button opens its Index entry.
    await item.getByRole('button', { name: 'Kuvshinova 2017' }).focus();
    await page.keyboard.press('Enter');
    await page.locator('.work-row.index-row-focused').waitFor({ timeout: 20_000 });
    expect(await page.locator('.work-row.index-row-focused').innerText()).toContain('Kuvshinova');
    await viewTab(page, 'Map').click();
    await showAs(page, 'Map').click();
    await page.locator('main.map-view[aria-busy="false"] .map-canvas[data-nodes]').waitFor({ timeout: 30_000 });
    expect(await axeViolations(page, 'main.map-view')).toEqual([]);

    // A click on the work's node opens the Index at its entry, focused.
    const drawn = await drawnNodes(page);
    const work = drawn.find((n) => n.label === 'Yuval-Davis 1997')!;
    await page.mouse.move(work.x, work.y);
    await page.getByRole('tooltip').filter({ hasText: 'Yuval-Davis 1997' }).waitFor();
    await page.mouse.click(work.x, work.y);
    await page.locator('main.index-view').waitFor();
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-work-key') ?? '')).toMatch(/yuval/i);
    expect(await page.locator('.work-row.index-row-focused').innerText()).toContain('Yuval-Davis');

    // A click on a source opens it in the reader.
    await openMap(page);
    const source = (await drawnNodes(page)).find((n) => n.label === 'Ezerova 2018')!;
    await page.mouse.click(source.x, source.y);
    await page.locator('.pane-article .doc-paragraph').first().waitFor({ timeout: 20_000 });
    expect(await page.locator('.pane-article').first().innerText()).toContain('Kuvshinova');

    // At least two sources: Kuvshinova 2017 (001 and 004) stays, the works only 001 cites go.
    await openMap(page);
    await page.getByRole('spinbutton', { name: /Cited or named in at least/ }).fill('2');
    await expect.poll(async () => (await drawnNodes(page)).filter((n) => n.kind === 'work').map((n) => n.label)).toEqual(['Kuvshinova 2017']);
    await page.getByRole('spinbutton', { name: /Cited or named in at least/ }).fill('1');
    await expect.poll(async () => (await drawnNodes(page)).length).toBe(nodes.length);

    const svg = (await download(page, () => page.getByRole('button', { name: 'Export SVG' }).click())).toString('utf8');
    const parsed = await page.evaluate((text) => {
      const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
      return { error: doc.querySelector('parsererror')?.textContent ?? null, root: doc.documentElement.nodeName, labels: [...doc.querySelectorAll('text')].map((t) => t.textContent) };
    }, svg);
    expect(parsed.error).toBeNull();
    expect(parsed.root).toBe('svg');
    expect(parsed.labels).toContain('Kuvshinova 2017');
    expect(parsed.labels).toContain('Ezerova 2018');
    expect(parsed.labels).toHaveLength(nodes.length);
    const png = await download(page, () => page.getByRole('button', { name: 'Export PNG' }).click());
    expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    expect(png.length).toBeGreaterThan(20_000);

    await page.getByRole('radio', { name: 'Dark' }).click();
    await expect.poll(() => page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
    await page.locator('main.map-view[aria-busy="false"] .map-canvas[data-nodes]').waitFor();
    await screenshot(page, 'citation-map-dark');
    expect(await axeViolations(page, 'main.map-view')).toEqual([]);
  });

  it('maps a real PDF with author-date references beside the seeds', async () => {
    const { page } = await app.open();
    const pdf = { name: 'multcomp--generalsiminf.pdf', bytes: new Uint8Array(readFileSync(MULTCOMP)) };
    await importFiles(page, [...seedFiles(SEED_NAMES), pdf], SEED_NAMES.length + 1);
    await page.locator('.import-progress').waitFor({ state: 'detached', timeout: 60_000 });
    await openMap(page);
    const nodes = await drawnNodes(page);
    expect(nodes.filter((n) => n.kind === 'source')).toHaveLength(6);
    const fromPdf = nodes.filter((n) => n.kind === 'work' && n.incoming.some((e) => /^cites Hothorn/.test(e)));
    expect(fromPdf.length).toBeGreaterThan(5);
    expect(fromPdf.map((n) => n.label)).toEqual(expect.arrayContaining([expect.stringMatching(/^[A-Z][\p{L}-]+( & [A-Z][\p{L}-]+| et al\.)? (19|20)\d\d$/u)]));
    // Still Kuvshinova 2017, linked as before.
    expect(nodes.find((n) => n.label === 'Kuvshinova 2017')!.incoming.filter((e) => !e.startsWith('wrote'))).toHaveLength(2);
    // The zoom buttons zoom about the middle; Fit shows the whole map again.
    const zoom = () => page.evaluate(() => (document.querySelector('.map-canvas') as unknown as { _cyreg: { cy: { zoom: () => number } } })._cyreg.cy.zoom());
    const fitted = await zoom();
    await page.getByRole('button', { name: 'Zoom in' }).click();
    await page.getByRole('button', { name: 'Zoom in' }).click();
    expect(await zoom()).toBeCloseTo(fitted * 1.5625, 5);
    await page.getByRole('button', { name: 'Zoom out' }).click();
    expect(await zoom()).toBeCloseTo(fitted * 1.25, 5);
    await page.getByRole('button', { name: 'Fit', exact: true }).click();
    expect(await zoom()).toBeCloseTo(fitted, 5);
    await screenshot(page, 'citation-map-pdf-light');
    await showAs(page, 'List').click();
    await screenshot(page, 'citation-map-pdf-list');
    // A person opens at their People entry.
    await page.locator('.map-list-item[data-node-id^="p:"]').getByRole('button', { name: 'Mariia Kuvshinova', exact: true }).click();
    await page.locator('.person-row.index-row-focused').waitFor({ timeout: 20_000 });
    expect(await page.locator('.person-row.index-row-focused').innerText()).toContain('Kuvshinova');
    expect(await page.getByRole('tab', { name: /People/ }).getAttribute('aria-selected')).toBe('true');
  });
});
