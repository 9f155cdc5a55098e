import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { axeViolations } from './axe';
import { screenshot } from './browser';
import { importSeeds, seed, useApp } from './fixtures';

const app = useApp();

// As Zotero exports it, with one entry JabRef would have left broken.
const REFS_BIB = String.raw`@incollection{yuval-davis_gender_1997,
	address = {London},
	title = {Gender and {Nation}},
	booktitle = {Space, {Gender}, {Knowledge}: {Feminist} {Readings}},
	publisher = {Arnold},
	author = {Yuval-Davis, Nira},
	editor = {Sharp, Joanne P. and McDowell, Linda},
	year = {1997},
	pages = {403--408},
	file = {Full Text:/home/student/Zotero/storage/ABCD1234/Yuval-Davis.pdf:application/pdf},
}

@book{anderson_imagined_1983,
	address = {London},
	title = {Imagined {Communities}: {Reflections} on the {Origin} and {Spread} of {Nationalism}},
	publisher = {Verso},
	author = {Anderson, Benedict},
	year = {1983},
}

@article{broken_2001,
	author = {Nobody, Anne},
	title = {Never {Closed},
}
`;

async function importBibliography(page: Page, name: string, text: string): Promise<void> {
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Import bibliography…' }).click();
  await (await chooser).setFiles({ name, mimeType: 'text/plain', buffer: Buffer.from(text) });
}

async function openIndex(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Index', exact: true }).click();
  await page.locator('main.index-view[aria-busy="false"] .work-row').first().waitFor({ timeout: 30_000 });
}

describe('importing a bibliography', () => {
  const workRow = (page: Page, family: string): Locator => page.locator('.work-row').filter({ hasText: family });

  it('adds the works of a .bib file to the Index, merged with the work seed 001 cites', async () => {
    const { page } = await app.open();
    await importSeeds(page, [seed('001')]);
    expect(await axeViolations(page, 'main.library')).toEqual([]);
    await importBibliography(page, 'refs.bib', REFS_BIB);
    const notice = page.locator('.notice-info', { hasText: 'refs.bib' });
    await notice.waitFor({ timeout: 30_000 });
    expect(await notice.locator('.notice-text').innerText()).toMatch(/^Imported 2 works from refs\.bib\. 1 entry skipped: broken_2001 at line \d+ \(a brace is never closed\)\.$/u);
    await screenshot(page, 'bibliography-import-notice-light');

    await openIndex(page);
    // One Yuval-Davis row: the imported entry joined the reference 001 cites.
    await expect.poll(() => workRow(page, 'Yuval-Davis').count(), { timeout: 20_000 }).toBe(1);
    const yuval = workRow(page, 'Yuval-Davis');
    await expect.poll(() => yuval.innerText(), { timeout: 20_000 }).toContain('In your bibliography');
    expect(await yuval.locator('.index-links', { hasText: 'Cited in' }).count()).toBe(1);
    const anderson = workRow(page, 'Anderson');
    expect(await anderson.innerText()).toContain('In your bibliography');
    expect(await anderson.locator('.index-links', { hasText: 'Cited in' }).count()).toBe(0);
    await expect.poll(() => anderson.locator('.work-reference').innerText(), { timeout: 10_000 }).toContain('Anderson, B. (1983). Imagined Communities');
    const all = await page.locator('.work-row').count();

    // Only the works of the student's bibliography.
    await page.getByLabel('Show').selectOption('bibliography');
    await expect.poll(() => page.locator('.work-row').count()).toBe(2);
    expect(await axeViolations(page, 'main.index-view')).toEqual([]);
    await screenshot(page, 'bibliography-index-light');
    await page.getByLabel('Show').selectOption('all');
    await expect.poll(() => page.locator('.work-row').count()).toBe(all);

    // The Cited Works export holds the imported works: Anderson on its own, Yuval-Davis once.
    await page.keyboard.press('Control+e');
    const dialog = page.getByRole('dialog', { name: 'Export' });
    await dialog.getByRole('radio', { name: 'Every cited work in the library' }).check();
    await dialog.getByLabel('Format').selectOption('csl-json');
    await expect.poll(() => dialog.getByLabel('Preview').innerText(), { timeout: 10_000 }).toContain('Imagined Communities');
    const exported = JSON.parse(await dialog.getByLabel('Preview').innerText()) as { title?: string; publisher?: string }[];
    expect(exported.filter((item) => item.title?.startsWith('Gender and Nation'))).toHaveLength(1);
    expect(exported.find((item) => item.title?.startsWith('Gender and Nation'))?.publisher).toBe('Arnold');
    expect(exported).toHaveLength(all);
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });

    // Removing a work from the bibliography, with the keyboard, and Undo.
    await anderson.getByRole('button', { name: 'Remove from bibliography: Anderson 1983' }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('.work-row').count(), { timeout: 20_000 }).toBe(all - 1);
    // The cited work stays, as the source's: only its mark goes.
    await yuval.getByRole('button', { name: 'Remove from bibliography: Yuval-Davis 1997' }).click();
    await expect.poll(() => yuval.innerText(), { timeout: 20_000 }).not.toContain('In your bibliography');
    expect(await page.locator('.work-row').count()).toBe(all - 1);
    for (const name of ['Yuval-Davis 1997', 'Anderson 1983']) {
      await page.locator('.notice-info', { hasText: `Removed “${name}”` }).getByRole('button', { name: 'Undo' }).click();
    }
    await expect.poll(() => page.locator('.work-row').count(), { timeout: 20_000 }).toBe(all);
    await expect.poll(() => yuval.innerText(), { timeout: 20_000 }).toContain('In your bibliography');

    await page.getByRole('radio', { name: 'Dark' }).click();
    await expect.poll(() => page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
    await yuval.scrollIntoViewIfNeeded();
    expect(await axeViolations(page, 'main.index-view')).toEqual([]);
    await screenshot(page, 'bibliography-index-dark');
  });

  it('imports nothing twice, names a file it cannot read, and undoes an import', async () => {
    const { page } = await app.open();
    await importBibliography(page, 'refs.bib', REFS_BIB);
    await page.locator('.notice-info', { hasText: 'Imported 2 works' }).waitFor({ timeout: 30_000 });
    await importBibliography(page, 'refs.bib', REFS_BIB);
    const again = page.locator('.notice-info', { hasText: 'Imported 0 works' });
    await again.waitFor({ timeout: 30_000 });
    expect(await again.innerText()).toContain('2 already in your bibliography were updated');

    await importBibliography(page, 'photo.bib', '\u0000\u0001PNG binary');
    await page.locator('.notice-error', { hasText: '“photo.bib”' }).waitFor({ timeout: 30_000 });

    await openIndex(page);
    await expect.poll(() => page.locator('.work-row').count()).toBe(2);
    // Undo the first import from its notice: its works leave the Index.
    await page.locator('.notice-info', { hasText: 'Imported 2 works' }).getByRole('button', { name: 'Undo' }).click();
    await page.getByText('Import a source with a Works Cited or References list').waitFor({ timeout: 20_000 });
    expect(await page.locator('.work-row').count()).toBe(0);
  });
});
