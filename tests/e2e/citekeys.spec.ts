import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { dropFiles } from './actions';
import { axeViolations } from './axe';
import { screenshot } from './browser';
import { importSeeds, seed, useApp } from './fixtures';

const app = useApp();

/** A source made for the test: it cites Bykov 2017 again (the same work) and another Bykov 2017 whose key would clash. */
const LATER = {
  name: 'later-notes.md',
  bytes: new TextEncoder().encode(
    [
      '# Notes on the press',
      '',
      'Critics disagreed (Bykov 2017; Yuval-Davis 1997).',
      '',
      '## References',
      '',
      'Bykov, Dmitrii. 2017. “Dve novye knigi o kino.” Sobesednik.ru. 12 June.',
      '',
      'Yuval-Davis, Nira. 1997. Gender and Nation. London: Sage.',
      '',
    ].join('\n'),
  ),
};

async function download(page: Page, run: () => Promise<void>): Promise<string> {
  const event = page.waitForEvent('download');
  await run();
  return readFileSync(await (await event).path(), 'utf8');
}

/** Exports every cited work and every document as BibTeX; resolves the file. */
async function exportBibtex(page: Page, scope: 'Every cited work in the library' | 'The documents themselves'): Promise<string> {
  await page.getByRole('button', { name: 'Export…' }).first().click();
  const dialog = page.getByRole('dialog', { name: 'Export' });
  await dialog.getByRole('radio', { name: scope }).check();
  await dialog.getByLabel('Format').selectOption('bibtex');
  await expect.poll(() => dialog.getByLabel('Preview').innerText(), { timeout: 15_000 }).toContain('@');
  return download(page, () => dialog.getByRole('button', { name: 'Download' }).click());
}

/** Each entry's key with its title, as the file writes them. */
function entries(bib: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const match of bib.matchAll(/^@\w+\{([^,\n]+),\n([\s\S]*?)^\}/gm)) out.set(match[1]!, /title = \{(.*)\},?$/m.exec(match[2]!)?.[1] ?? '');
  return out;
}

describe('citation keys', () => {
  it('keeps every exported key when a later import brings a clashing work; the newcomer gets a suffix', async () => {
    const { page } = await app.open();
    await importSeeds(page, [seed('001'), seed('002')]);
    const first = entries(await exportBibtex(page, 'Every cited work in the library'));
    expect([...first.keys()]).toEqual(expect.arrayContaining(['bykov2017dve', 'kuvshinova2017tesnota', 'smolina2017udushe', 'yuvaldavis1997gender']));
    await page.keyboard.press('Escape');

    await dropFiles(page, [LATER]);
    await expect.poll(() => page.locator('.library-row').count(), { timeout: 30_000 }).toBe(3);
    const second = entries(await exportBibtex(page, 'Every cited work in the library'));
    for (const [key, title] of first) expect(second.get(key), key).toBe(title);
    // The second Bykov 2017 is a work of its own, with the next free key.
    expect(second.get('bykov2017dvea')).toMatch(/Dve novye knigi/);
    expect(second.size).toBe(first.size + 1);
  });

  it('shows a document’s key in its details, refuses one another work holds, and exports the edited key', async () => {
    for (const colorScheme of ['light', 'dark'] as const) {
      const { page } = await app.open({ colorScheme });
      await importSeeds(page, [seed('001')]);
      await exportBibtex(page, 'Every cited work in the library');
      await page.keyboard.press('Escape');
      await page.locator('.library-row').first().click();
      const pane = page.locator('section.pane').first();
      await pane.getByRole('button', { name: 'Details' }).click();
      const editor = page.getByRole('dialog', { name: 'Edit the details of this document' });
      const key = editor.getByLabel('Citation key');
      await expect.poll(() => key.inputValue(), { timeout: 10_000 }).toBe('ezerova2018kantemir');

      await key.fill('Bykov2017Dve');
      await editor.getByRole('button', { name: 'Save' }).click();
      await expect.poll(() => editor.getByRole('alert').innerText()).toBe('Another work already has the key “bykov2017dve”. Choose another one.');
      await key.fill('ezerova 2018');
      await expect.poll(() => editor.getByRole('alert').innerText()).toMatch(/only letters/);
      await screenshot(page, `citekey-editor-refused-${colorScheme}`);
      expect(await axeViolations(page, '.metadata-editor')).toEqual([]);

      await key.fill('ezerova:closeness');
      await expect.poll(() => editor.getByRole('alert').count()).toBe(0);
      await screenshot(page, `citekey-editor-${colorScheme}`);
      await key.press('Enter');
      await editor.waitFor({ state: 'detached' });
      const bib = await exportBibtex(page, 'The documents themselves');
      expect(bib).toMatch(/^@\w+\{ezerova:closeness,$/m);
      await page.keyboard.press('Escape');

      // The Index shows each cited work's key.
      await page.getByRole('button', { name: 'Index', exact: true }).click();
      const yuval = page.locator('.work-row').filter({ hasText: 'Yuval-Davis' });
      await expect.poll(() => yuval.locator('.work-citekey').innerText(), { timeout: 20_000 }).toBe('yuvaldavis1997gender');
      await screenshot(page, `citekey-index-${colorScheme}`);
    }
  });
});
