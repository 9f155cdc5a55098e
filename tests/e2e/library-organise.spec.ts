import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { beforeEach, describe, expect, it } from 'vitest';
import { highlightPassage } from './actions';
import { screenshot, SEEDS } from './browser';
import { importAndOpenSeed, importFiles, importSeeds, SEED_NAMES, seed, seedFiles, useApp, waitForNotesSaved } from './fixtures';

const PASSAGE = 'intergenerational transmitters of cultural traditions';
const T001 = 'Kantemir Balagov: Closeness';
const T002 = 'Movie Review';
const T004 = 'twenty-something';
const NOTE = 'A palimpsest of inherited roles';

const rows = (page: Page) => page.locator('.library-row');
const row = (page: Page, title: string) => page.locator('.library-row', { hasText: title });
const filters = (page: Page) => page.getByRole('complementary', { name: 'Library filters' });

/** Searches from the header; resolves the results panel once hits are shown. */
async function search(page: Page, query: string): Promise<Locator> {
  await page.keyboard.press('Control+k');
  const field = page.getByRole('combobox', { name: 'Search the library' });
  await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Search the library');
  await field.fill(query);
  const panel = page.locator('[role="listbox"][aria-label="Search results"][aria-busy="false"]');
  await panel.locator('.search-hit').first().waitFor({ timeout: 10_000 });
  return panel;
}

async function rowAction(page: Page, title: string, item: string | RegExp): Promise<void> {
  await row(page, title).getByRole('button', { name: /^Actions for/ }).click();
  await page.getByRole('menu', { name: 'Document actions' }).getByRole('menuitem', { name: item }).click();
}

/** True when the element sits inside the visible part of its pane. */
async function visibleInPane(page: Page, target: Locator): Promise<boolean> {
  const box = await target.boundingBox();
  const pane = await page.locator('section.pane').first().boundingBox();
  return !!box && !!pane && box.y < pane.y + pane.height && box.y + box.height > pane.y;
}

/** Tags a document from its row's menu and waits until the row shows the tags. */
async function tagDocument(page: Page, title: string, tags: string[]): Promise<void> {
  await rowAction(page, title, 'Tags…');
  await page.getByRole('textbox', { name: 'Tags, separated by commas' }).fill(tags.join(', '));
  await page.getByRole('button', { name: 'Save tags' }).click();
  await expect.poll(() => row(page, title).locator('.tag-chip').allInnerTexts()).toEqual(tags);
}

/** Creates a collection from the filters sidebar. */
async function createCollection(page: Page, name: string): Promise<Locator> {
  await filters(page).getByRole('button', { name: 'New collection' }).click();
  await page.getByRole('textbox', { name: 'Collection name' }).fill(name);
  await page.getByRole('button', { name: 'Create' }).click();
  const collection = filters(page).locator('.filter-collection', { hasText: name });
  await collection.waitFor();
  return collection;
}

/** Highlights a passage of the document open in the first pane and writes a note on it. */
async function highlightWithNote(page: Page, passage: string, note: string): Promise<void> {
  await highlightPassage(page, passage);
  const editor = page.locator('section.pane').first().getByRole('textbox', { name: 'Note on this highlight' });
  await editor.click();
  await page.keyboard.type(note);
  await expect.poll(() => editor.innerText()).toContain(note);
}

/** Backs the library up through the sidebar button; resolves the saved file and the name offered. */
async function backUpLibrary(page: Page): Promise<{ path: string; suggested: string }> {
  const download = page.waitForEvent('download');
  await filters(page).getByRole('button', { name: 'Back up library…' }).click();
  const file = await download;
  const path = join(mkdtempSync(join(tmpdir(), 'lectern-backup-')), file.suggestedFilename());
  await file.saveAs(path);
  return { path, suggested: file.suggestedFilename() };
}

/**
 * A library worth restoring, backed up: the five seeds, 001 tagged, and a highlight in 001 with
 * a note (saved before the backup is made).
 */
async function backUpTaggedLibraryWithNote(page: Page): Promise<string> {
  await importSeeds(page, SEED_NAMES);
  await tagDocument(page, T001, ['thesis', 'film']);
  await row(page, T001).click();
  await page.locator('section.pane .pane-article .doc-paragraph').first().waitFor();
  await highlightWithNote(page, PASSAGE, NOTE);
  await waitForNotesSaved(page);
  await page.getByRole('button', { name: 'Library', exact: true }).click();
  return (await backUpLibrary(page)).path;
}

const app = useApp();

describe('searching, organising, trash and backups', () => {
  let page: Page;

  beforeEach(async () => {
    ({ page } = await app.open());
  });

  it('finds both spellings of Zvyagintsev, with marked snippets', async () => {
    await importSeeds(page, [seed('001'), seed('004')]);
    await expect.poll(() => page.locator('.search-status').count(), { timeout: 15_000 }).toBe(0);
    const panel = await search(page, 'Zvyagintsev');
    const documents = panel.getByRole('group', { name: 'Documents' });
    // The index takes in each imported document a moment after it is listed; open results follow it.
    await expect.poll(() => documents.locator('.search-hit-title').allInnerTexts()).toEqual(expect.arrayContaining([expect.stringContaining(T001), expect.stringContaining(T004)]));
    const titles = await documents.locator('.search-hit-title').allInnerTexts();
    expect(titles.some((title) => title.includes(T001))).toBe(true);
    expect(titles.some((title) => title.includes(T004))).toBe(true);
    const marks = (await documents.locator('mark').allInnerTexts()).map((mark) => mark.toLowerCase());
    expect(marks).toEqual(expect.arrayContaining(['zviagintsev', 'zvyagintsev']));
    await screenshot(page, 'search-results');
    await page.keyboard.press('Escape');
  });

  it('finds a document imported while the index is loaded (indexed by the import worker)', async () => {
    await importSeeds(page, [seed('001')]);
    await search(page, 'Zvyagintsev');
    await page.keyboard.press('Escape');
    await importFiles(page, seedFiles([seed('004')]), 2);
    const panel = await search(page, T004);
    const documents = panel.getByRole('group', { name: 'Documents' });
    await expect.poll(() => documents.locator('.search-hit-title').allInnerTexts()).toEqual(expect.arrayContaining([expect.stringContaining(T004)]));
    await page.keyboard.press('Escape');
  });

  it('folds accents and opens a result at the match', async () => {
    await importSeeds(page, [seed('001')]);
    const panel = await search(page, 'mise-en-scene');
    const hit = panel.locator('.search-hit[data-kind="document"]', { hasText: T001 });
    expect(await hit.locator('.search-hit-snippet').innerText()).toContain('mise-en-scène');
    await hit.click();
    await page.locator('section.pane .pane-article .doc-paragraph', { hasText: 'mise-en-scène' }).waitFor({ timeout: 10_000 });
    // The words themselves are in view, not only the start of their long paragraph.
    const wordInView = () =>
      page.locator('section.pane .pane-scroll').evaluate((scroller) => {
        const walker = document.createTreeWalker(scroller, NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          const at = (node as Text).data.indexOf('mise-en-scène');
          if (at < 0) continue;
          const range = document.createRange();
          range.setStart(node, at);
          range.setEnd(node, at + 13);
          const word = range.getBoundingClientRect();
          const view = scroller.getBoundingClientRect();
          return word.top >= view.top && word.bottom <= view.bottom;
        }
        return false;
      });
    await expect.poll(wordInView).toBe(true);
    await screenshot(page, 'search-opened-at-hit');
  });

  it('finds the text of a highlight note and reveals the highlight', async () => {
    await importAndOpenSeed(page, seed('001'));
    await highlightWithNote(page, PASSAGE, NOTE);
    const pane = page.locator('section.pane').first();
    // Back to the top, so the reveal has to scroll.
    await pane.locator('.pane-scroll').evaluate((element) => element.scrollTo(0, 0));
    // The note reaches the index a moment after it is saved; open results follow it.
    await page.keyboard.press('Control+k');
    await page.getByRole('combobox', { name: 'Search the library' }).fill('palimpsest');
    const panel = page.getByRole('listbox', { name: 'Search results' });
    await panel.getByRole('group', { name: 'Highlights' }).waitFor({ timeout: 10_000 });
    expect(await panel.locator('.search-hit[data-kind="highlight"] mark').first().innerText()).toBe('palimpsest');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('Enter');
    await expect.poll(() => visibleInPane(page, pane.locator('mark.hl-yellow').first())).toBe(true);
  });

  it('tags documents and filters by tag, and keeps a collection', async () => {
    await importSeeds(page, SEED_NAMES);
    await tagDocument(page, T001, ['thesis', 'film']);

    await rowAction(page, T004, 'Tags…');
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('button', { name: 'thesis' }).click();
    expect(await dialog.getByRole('textbox').inputValue()).toBe('thesis, ');
    await dialog.getByRole('button', { name: 'Save tags' }).click();

    await filters(page).getByRole('button', { name: /^thesis/ }).click();
    await expect.poll(() => rows(page).count()).toBe(2);
    expect(await filters(page).getByRole('button', { name: /^thesis/ }).innerText()).toMatch(/thesis\s*2/);

    const collection = await createCollection(page, 'Week 3');
    // A row dragged onto the collection joins it.
    const transfer = await page.evaluateHandle(() => new DataTransfer());
    await row(page, T004).dispatchEvent('dragstart', { dataTransfer: transfer });
    await collection.dispatchEvent('dragover', { dataTransfer: transfer });
    await collection.dispatchEvent('drop', { dataTransfer: transfer });
    await expect.poll(() => collection.locator('.filter-count').innerText()).toBe('1');
    await screenshot(page, 'library-filters');

    await collection.getByRole('button', { name: 'Week 3' }).click();
    await expect.poll(() => rows(page).count()).toBe(1);
    expect(await rows(page).first().innerText()).toContain(T004);

    // The choice of shelf survives a reload.
    await page.reload();
    await page.waitForSelector('.library-row');
    expect(await rows(page).count()).toBe(1);
    await filters(page).getByRole('button', { name: /^All documents/ }).click();
    await expect.poll(() => rows(page).count()).toBe(5);
  });

  it('moves a document to the trash after asking, and restores it with everything', async () => {
    await importSeeds(page, SEED_NAMES);
    const collection = await createCollection(page, 'Week 3');
    await rowAction(page, T004, 'Week 3');
    await expect.poll(() => collection.locator('.filter-count').innerText()).toBe('1');

    // Delete on a focused row asks first; Cancel keeps the document.
    await row(page, T002).focus();
    await page.keyboard.press('Delete');
    const question = page.getByRole('alertdialog', { name: 'Move to Trash?' });
    expect(await question.innerText()).toContain('You can restore it for 30 days.');
    await question.getByRole('button', { name: 'Cancel' }).click();
    expect(await rows(page).count()).toBe(5);

    // In a collection before the trash, so the restore has a membership to bring back.
    await rowAction(page, T002, 'Week 3');
    await rowAction(page, T002, 'Move to Trash…');
    await page.getByRole('alertdialog').getByRole('button', { name: 'Move to Trash' }).click();
    await expect.poll(() => rows(page).count()).toBe(4);
    expect(await page.getByRole('status').filter({ hasText: 'to the Trash' }).count()).toBe(1);

    await filters(page).getByRole('button', { name: /^Trash/ }).click();
    const trashed = page.locator('.trash-item', { hasText: T002 });
    await trashed.waitFor();
    expect(await trashed.innerText()).toMatch(/30 days left/);
    await screenshot(page, 'library-trash');

    await trashed.getByRole('button', { name: 'Restore' }).click();
    await expect.poll(() => page.locator('.trash-item').count()).toBe(0);
    await filters(page).locator('.filter-collection', { hasText: 'Week 3' }).getByRole('button', { name: 'Week 3' }).click();
    await expect.poll(() => rows(page).count()).toBe(2);
    await filters(page).getByRole('button', { name: /^All documents/ }).click();
    await expect.poll(() => rows(page).count()).toBe(5);
  });

  it('backs up the library to a dated file', async () => {
    await importSeeds(page, [seed('001')]);
    const backup = await backUpLibrary(page);
    expect(backup.suggested).toMatch(/^lectern-backup-\d{4}-\d{2}-\d{2}\.zip$/);
    // A zip archive with its manifest first (backup-format.ts).
    expect(readFileSync(backup.path).subarray(0, 4)).toEqual(Buffer.from('PK\x03\x04', 'latin1'));
    expect(readFileSync(backup.path).includes('manifest.json')).toBe(true);
  });

  it('restores the backup into a fresh profile, replacing what was there', async () => {
    const backupPath = await backUpTaggedLibraryWithNote(page);
    const other = (await app.open({ colorScheme: 'dark' })).page;
    await importFiles(other, [{ name: 'scratch-note.txt', text: 'Scratch note\n\nA document that the restore replaces.\n' }], 1);

    // A file that is not a backup is refused and changes nothing.
    let restoreChooser = other.waitForEvent('filechooser');
    await filters(other).getByRole('button', { name: 'Restore library…' }).click();
    await (await restoreChooser).setFiles([SEEDS + SEED_NAMES[0]!]);
    await other.getByRole('button', { name: 'Merge into library' }).click();
    await other.getByRole('dialog').getByRole('alert').waitFor();
    expect(await other.getByRole('dialog').getByRole('alert').innerText()).toMatch(/not a Lectern backup/i);
    await other.getByRole('dialog').getByRole('button', { name: 'Close' }).click();
    expect(await rows(other).count()).toBe(1);

    restoreChooser = other.waitForEvent('filechooser');
    await filters(other).getByRole('button', { name: 'Restore library…' }).click();
    await (await restoreChooser).setFiles([backupPath]);
    await other.getByText('Replace', { exact: true }).click();
    await screenshot(other, 'restore-dialog-dark');
    await other.getByRole('button', { name: 'Replace library…' }).click();
    expect(await other.getByRole('dialog').getByRole('alert').innerText()).toContain('The 1 document in it now');
    await other.getByRole('button', { name: 'Replace library', exact: true }).click();
    await expect.poll(() => rows(other).count(), { timeout: 20_000 }).toBe(5);
    expect(await row(other, 'Scratch note').count()).toBe(0);
    expect(await row(other, T001).locator('.tag-chip').allInnerTexts()).toEqual(['thesis', 'film']);
    await screenshot(other, 'library-restored-dark');

    // The search index is rebuilt from the restored library, notes included.
    await expect.poll(() => other.locator('.search-status').count(), { timeout: 15_000 }).toBe(0);
    const panel = await search(other, 'palimpsest');
    await panel.locator('.search-hit[data-kind="highlight"]').click();
    await other.locator('section.pane mark.hl-yellow').first().waitFor({ timeout: 10_000 });
    expect(await other.locator('section.pane .note-preview, section.pane [aria-label="Note on this highlight"]').first().innerText()).toContain(NOTE);
  });

  it('shows the restore dialog in the light theme too', async () => {
    await importSeeds(page, [seed('001')]);
    const backup = await backUpLibrary(page);
    const chooser = page.waitForEvent('filechooser');
    await filters(page).getByRole('button', { name: 'Restore library…' }).click();
    await (await chooser).setFiles([backup.path]);
    await page.getByRole('dialog', { name: 'Restore library' }).waitFor();
    await screenshot(page, 'restore-dialog');
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByRole('dialog').count()).toBe(0);
  });
});
