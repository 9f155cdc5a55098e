import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { beforeEach, describe, expect, it } from 'vitest';
import { highlightPassage } from './actions';
import { screenshot } from './browser';
import { importAndOpenSeed, seed, useApp } from './fixtures';

const seed001 = seed('001');
type Acceptable<T> = T | { acceptable: T[] };
const expected = JSON.parse(readFileSync(new URL('../../../shared/expected/seed-citations.json', import.meta.url), 'utf8')) as {
  documents: Record<string, { worksCited: { id: string; csl: { author: { family: string; given: string }[]; title: Acceptable<string>; issued: { 'date-parts': number[][] } } }[] }>;
};
const worksCited = expected.documents[seed001]!.worksCited;
const firstTitle = (title: Acceptable<string>) => (typeof title === 'string' ? title : title.acceptable[0]!);

async function download(page: Page, run: () => Promise<void>): Promise<string> {
  const event = page.waitForEvent('download');
  await run();
  const file = await (await event).path();
  return readFileSync(file, 'utf8');
}

const app = useApp();

describe('exporting from the app', () => {
  let page: Page;

  beforeEach(async () => {
    ({ page } = await app.open());
    await importAndOpenSeed(page, seed001);
  });

  it('shows the Works Cited and exports it as BibTeX and RIS matching the expected entries', async () => {
    const pane = page.locator('section.pane').first();
    await pane.getByRole('button', { name: 'Works Cited' }).click();
    const panel = pane.getByRole('complementary', { name: 'Works Cited' });
    await expect.poll(() => panel.locator('.works-cited-entry').count()).toBe(4);
    await expect.poll(() => panel.innerText(), { timeout: 10_000 }).toContain('Yuval-Davis, N. (1997)');
    await screenshot(page, 'works-cited-panel');
    await panel.getByRole('button', { name: 'Export…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Export' });
    await dialog.getByLabel('Format').selectOption('bibtex');
    await expect.poll(() => dialog.getByLabel('Preview').innerText(), { timeout: 10_000 }).toContain('@');
    await screenshot(page, 'export-dialog');
    const bibtex = await download(page, () => dialog.getByRole('button', { name: 'Download' }).click());
    for (const work of worksCited) {
      // The stored key: name and year, then the first word of the title (bykov2017 -> bykov2017dve).
      expect(bibtex).toMatch(new RegExp(`\\{${work.id}[a-z]+,`));
      expect(bibtex).toContain(work.csl.author[0]!.family);
      expect(bibtex).toMatch(new RegExp(`year\\s*=\\s*\\{?${work.csl.issued['date-parts'][0]![0]}`));
    }
    // Capitals are braced in BibTeX titles, so styles keep them as written.
    expect(bibtex.replace(/[{}]/g, '')).toContain('Gender and Nation (1993)');
    expect(bibtex).toMatch(/pages\s*=\s*\{403--408\}/);
    expect(bibtex).toMatch(/publisher\s*=\s*\{Arnold\}/);

    await page.getByRole('button', { name: 'Export…' }).first().click();
    const again = page.getByRole('dialog', { name: 'Export' });
    await again.getByRole('radio', { name: 'The works they cite' }).check();
    await again.getByLabel('Format').selectOption('ris');
    await expect.poll(() => again.getByLabel('Preview').innerText(), { timeout: 10_000 }).toContain('TY  -');
    const ris = await download(page, () => again.getByRole('button', { name: 'Download' }).click());
    expect(ris.match(/^TY {2}- /gm)).toHaveLength(4);
    for (const work of worksCited) {
      expect(ris).toContain(`AU  - ${work.csl.author[0]!.family}, ${work.csl.author[0]!.given}`);
      expect(ris.replace(/[“”"]/g, '')).toContain(firstTitle(work.csl.title).replace(/[“”"]/g, ''));
    }
    expect(ris).toMatch(/^SP {2}- 403/m);
  });

  it('exports two highlights with their notes as Markdown', async () => {
    await highlightPassage(page, 'intergenerational transmitters of cultural traditions');
    await highlightPassage(page, 'a structuring absence in the discourse');
    await page.getByRole('button', { name: 'Export…' }).first().click();
    const dialog = page.getByRole('dialog', { name: 'Export' });
    await dialog.getByRole('radio', { name: 'Their highlights and notes' }).check();
    await dialog.getByLabel('Format').selectOption('markdown');
    await expect.poll(() => dialog.getByLabel('Preview').innerText(), { timeout: 10_000 }).toContain('> ');
    const markdown = await download(page, () => dialog.getByRole('button', { name: 'Download' }).click());
    expect(markdown).toContain('> intergenerational transmitters of cultural traditions');
    expect(markdown).toContain('> a structuring absence in the discourse');
    expect(markdown.indexOf('intergenerational')).toBeLessThan(markdown.indexOf('structuring absence'));
    expect(markdown).toMatch(/\(Ezerova, 2018, para\. \d+\)/);
    expect(markdown).toContain('#highlight/yellow');
    expect(markdown).toContain('lectern://app/open?doc=');
    expect(markdown).toMatch(/Ezerova, D\. \(2018\)/);
  });

  it('edits a document’s details and a cited work, keeps what the file said, and exports the edits', async () => {
    const pane = page.locator('section.pane').first();
    await pane.getByRole('button', { name: 'Details' }).click();
    const editor = page.getByRole('dialog', { name: 'Edit the details of this document' });
    await editor.getByLabel('Title', { exact: true }).fill('Closeness (review)');
    await expect.poll(() => editor.innerText()).toContain('Found in the file: Kantemir Balagov: Closeness (Tesnota, 2017)');
    await screenshot(page, 'metadata-editor');
    await editor.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => pane.locator('.pane-title').innerText()).toBe('Closeness (review)');

    await pane.getByRole('button', { name: 'Works Cited' }).click();
    await pane.getByRole('button', { name: 'Edit the details of bykov2017' }).click();
    const reference = page.getByRole('dialog', { name: /Edit the details of the cited work bykov2017/ });
    const container = reference.locator('.meta-row', { hasText: /Newspaper|Magazine|Published in|Journal|Container|Site/ }).locator('input').first();
    await container.fill('Sobesednik');
    await reference.getByRole('button', { name: 'Save' }).click();
    await pane.getByRole('button', { name: 'Edit the details of bykov2017' }).waitFor();
    await expect.poll(() => pane.locator('.works-cited-edit', { hasText: 'Edit (edited)' }).count()).toBe(1);

    await page.getByRole('button', { name: 'Export…' }).first().click();
    const dialog = page.getByRole('dialog', { name: 'Export' });
    await dialog.getByRole('radio', { name: 'The documents themselves' }).check();
    await dialog.getByLabel('Format').selectOption('csl-json');
    await expect.poll(() => dialog.getByLabel('Preview').innerText(), { timeout: 10_000 }).toContain('Closeness (review)');
    await dialog.getByRole('radio', { name: 'The works they cite' }).check();
    await expect.poll(() => dialog.getByLabel('Preview').innerText(), { timeout: 10_000 }).toContain('"Sobesednik"');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
  });
});
