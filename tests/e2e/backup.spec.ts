import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { exportLibrary } from '../../app/store/backup';
import { fillLibrary } from '../../app/store/backup-fixtures';
import { CRAFTED_BACKUPS, type ValidBackups } from '../../app/store/crafted-backups';
import { exportLegacyBackup } from '../../app/store/legacy-export';
import { openTestDb } from '../../app/store/test-support';
import { highlightPassage } from './actions';
import { axeViolations } from './axe';
import { armFileChooser, screenshot, SEEDS } from './browser';
import { importFiles, seed, useApp, waitForNotesSaved } from './fixtures';
import { libraryDump, rowCounts } from './library-dump';
import { bookEpub, essayDocx } from './sample-files';

const PAPER = new Uint8Array(readFileSync(new URL('./files/made--authoryear-en.pdf', import.meta.url)));
const T001 = 'Kantemir Balagov: Closeness';

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
const rows = (page: Page) => page.locator('.library-row');
const filters = (page: Page) => page.getByRole('complementary', { name: 'Library filters' });
const pane = (page: Page) => page.locator('section.pane').first();
const dialog = (page: Page) => page.getByRole('dialog', { name: 'Restore library' });

/** Highlights a passage of the document open in the first pane and writes a note on it. */
async function highlightWithNote(page: Page, passage: string, note: string): Promise<void> {
  await highlightPassage(page, passage);
  const editor = pane(page).getByRole('textbox', { name: 'Note on this highlight' });
  await editor.click();
  await page.keyboard.type(note);
  await expect.poll(() => editor.innerText()).toContain(note);
}

async function openFromLibrary(page: Page, title: string): Promise<void> {
  await page.getByRole('button', { name: 'Library', exact: true }).click();
  await rows(page).filter({ hasText: title }).click();
  await pane(page).locator('.pane-article .doc-paragraph').first().waitFor({ timeout: 20_000 });
}

/** Backs the library up through the Library view's button; resolves where the download was saved. */
async function backUpFromLibraryView(page: Page): Promise<string> {
  const download = page.waitForEvent('download', { timeout: 30_000 });
  await filters(page).getByRole('button', { name: 'Back up library…' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^lectern-backup-\d{4}-\d{2}-\d{2}\.zip$/);
  const path = join(mkdtempSync(join(tmpdir(), 'lectern-backup-')), file.suggestedFilename());
  await file.saveAs(path);
  return path;
}

/** Picks `path` in the Restore chooser of the Library view; resolves once the dialog is up. */
async function chooseRestoreFile(page: Page, path: string): Promise<void> {
  const chooser = page.waitForEvent('filechooser');
  await filters(page).getByRole('button', { name: 'Restore library…' }).click();
  await (await chooser).setFiles([path]);
  await dialog(page).waitFor();
}

/** Replace mode, confirmed when the library is not empty. */
async function replaceLibrary(page: Page): Promise<void> {
  await dialog(page).getByText('Replace', { exact: true }).click();
  await dialog(page).getByRole('button', { name: 'Replace library…' }).click();
  const confirm = dialog(page).getByRole('button', { name: 'Replace library', exact: true });
  if (await confirm.count()) await confirm.click();
}

/** The page's Object.prototype is as the browser made it. */
function prototypeIntact(page: Page): Promise<boolean> {
  return page.evaluate(() => {
    const probe = {} as Record<string, unknown>;
    return typeof Object.prototype.hasOwnProperty === 'function' && probe.polluted === undefined && Object.getOwnPropertyNames(Object.prototype).every((name) => !name.startsWith('polluted'));
  });
}

function axeLines(page: Page, selector: string): Promise<string[]> {
  return axeViolations(page, selector).then((violations) => violations.map((v) => `${v.id}: ${v.help} @ ${v.targets.join(' | ')}`));
}

const app = useApp();
let crafted: Map<string, string>;
let bigBackup: string;

beforeAll(async () => {
  // Backups made here, in Node, by the same code the app runs: a valid one to craft from, and a
  // large one for the fault test.
  const dir = mkdtempSync(join(tmpdir(), 'lectern-crafted-'));
  const source = await openTestDb();
  await fillLibrary(source, 12);
  const valid: ValidBackups = { archive: await exportLibrary(source), legacy: await exportLegacyBackup(source) };
  crafted = new Map();
  for (const name of ['legacy $types walking into Object.prototype', 'legacy declaring 1,000 rows per table, holding none', 'highlight on a document not in the backup']) {
    const file = CRAFTED_BACKUPS.find((candidate) => candidate.name === name)!;
    const path = join(dir, `${crafted.size}.${name.startsWith('legacy') ? 'json' : 'zip'}`);
    writeFileSync(path, new Uint8Array(await (await file.make(valid)).arrayBuffer()));
    crafted.set(name, path);
  }
  source.close();
  const big = await openTestDb();
  // Enough rows that writing them takes many 2,000-row chunks: the page is closed between two.
  await fillLibrary(big, 40_000);
  bigBackup = join(dir, 'big.zip');
  writeFileSync(bigBackup, new Uint8Array(await (await exportLibrary(big)).arrayBuffer()));
  big.close();
}, 180_000);

describe('backing up and restoring a library with originals', () => {
  it('backs up PDF, EPUB and DOCX originals with highlights, notes and a notebook, and restores every row and byte into a fresh profile', async () => {
    const { page } = await app.open();
    const docx = essayDocx();
    const epub = bookEpub();
    await importFiles(
      page,
      [
        { name: 'paper.pdf', bytes: PAPER },
        { name: 'essay.docx', bytes: docx },
        { name: 'caucasus.epub', bytes: epub },
        { name: seed('001'), bytes: new Uint8Array(readFileSync(SEEDS + seed('001'))) },
      ],
      4,
    );
    await openFromLibrary(page, T001);
    await highlightWithNote(page, 'intergenerational transmitters of cultural traditions', 'A palimpsest of inherited roles');
    await openFromLibrary(page, 'Kinship and Nation on Screen');
    await highlightWithNote(page, 'imagined community', 'Anderson, the standard reference');
    await page.getByRole('button', { name: 'New notebook' }).click();
    const notebook = page.locator('.notebook-pane .rich-editor-input');
    await notebook.click();
    await page.keyboard.type('Seminar plan: kinship and the nation.');
    await waitForNotesSaved(page);
    await page.getByRole('button', { name: 'Library', exact: true }).click();

    const backup = await backUpFromLibraryView(page);
    const before = await libraryDump(page);
    expect(rowCounts(before)).toMatchObject({ documents: 4, contents: 4, originals: 3, annotations: 2, notebooks: 1 });
    const originals = (before.originals as { data: { sha256: string } }[]).map((row) => row.data.sha256).sort();
    expect(originals).toEqual([sha256(PAPER), sha256(docx), sha256(epub)].sort());

    const other = (await app.open({ colorScheme: 'dark' })).page;
    await chooseRestoreFile(other, backup);
    expect(await axeLines(other, '[role="dialog"]')).toEqual([]);
    await replaceLibrary(other);
    await expect.poll(() => rows(other).count(), { timeout: 30_000 }).toBe(4);
    await other.getByText(/Library restored from the backup: 4 documents, 2 highlights, 1 notebook written/).waitFor();
    await screenshot(other, 'restore-succeeded-dark');
    expect(await libraryDump(other)).toEqual(before);

    // The restored originals work: the PDF's pages are drawn from its bytes.
    await openFromLibrary(other, 'Kinship and Nation on Screen');
    await pane(other).getByRole('button', { name: 'Page view' }).click();
    await pane(other).locator('.pdf-page canvas').first().waitFor({ timeout: 30_000 });
  });

  it('refuses crafted backups with their cause, leaving the library and the page untouched', async () => {
    const { page } = await app.open();
    await importFiles(page, [{ name: 'essay.docx', bytes: essayDocx() }], 1);
    const before = await libraryDump(page);
    for (const [name, path] of crafted) {
      await chooseRestoreFile(page, path);
      await replaceLibrary(page);
      const alert = dialog(page).getByRole('alert').filter({ hasText: 'Nothing was changed' });
      await alert.waitFor({ timeout: 30_000 });
      const message = await alert.innerText();
      expect(message, name).toMatch(CRAFTED_BACKUPS.find((file) => file.name === name)!.message);
      expect(message).toMatch(/Nothing was changed/);
      if (name.includes('Object.prototype')) {
        await screenshot(page, 'restore-dialog-error');
        expect(await axeLines(page, '[role="dialog"]')).toEqual([]);
      }
      await dialog(page).getByRole('button', { name: 'Close' }).click();
      await expect.poll(() => dialog(page).count()).toBe(0);
      expect(await prototypeIntact(page)).toBe(true);
      expect(await libraryDump(page)).toEqual(before);
    }
  });

  it('backs up and restores from the desktop menu, through the Electron platform', async () => {
    const baseUrl = inject('baseUrl');
    const openDesktop = async (): Promise<{ context: BrowserContext; page: Page; errors: string[] }> => {
      const context = await app.browser().newContext({ viewport: { width: 1280, height: 820 } });
      // A stand-in for the preload bridge: what main would do with the native dialogs.
      await context.addInitScript(() => {
        const state = window as unknown as { __menu?: (command: string) => void; __saved?: { name: string; data: unknown }; __toOpen?: { name: string; bytes: Uint8Array }[] };
        (window as unknown as { lectern: unknown }).lectern = {
          openFiles: () => Promise.resolve({ ok: true, value: state.__toOpen ?? [] }),
          saveFile: (args: { defaultName: string; data: unknown }) => {
            state.__saved = { name: args.defaultName, data: args.data };
            return Promise.resolve({ ok: true, value: { path: `/home/student/${args.defaultName}` } });
          },
          openExternal: () => Promise.resolve({ ok: true, value: undefined }),
          // The synced bibliography file: none chosen.
          chooseBibliographyFile: () => Promise.resolve({ ok: true, value: null }),
          getBibliographyFile: () => Promise.resolve({ ok: true, value: null }),
          writeBibliographyFile: () => Promise.resolve({ ok: true, value: undefined }),
          forgetBibliographyFile: () => Promise.resolve({ ok: true, value: undefined }),
          getAppInfo: () => Promise.resolve({ name: 'Lectern', version: '0', platform: 'linux' }),
          onMenuCommand: (callback: (command: string) => void) => {
            state.__menu = callback;
            return () => undefined;
          },
        };
      });
      const page = await context.newPage();
      armFileChooser(page);
      const errors: string[] = [];
      page.on('pageerror', (error) => errors.push(error.message));
      page.on('console', (message) => (message.type() === 'error' ? errors.push(message.text()) : undefined));
      await page.goto(baseUrl);
      await page.waitForSelector('.app-header');
      return { context, page, errors };
    };
    const menu = (page: Page, command: string) => page.evaluate((name) => (window as unknown as { __menu: (c: string) => void }).__menu(name), command);

    const desktop = await openDesktop();
    const other = await openDesktop();
    try {
      await importFiles(desktop.page, [{ name: 'paper.pdf', bytes: PAPER }, { name: 'caucasus.epub', bytes: bookEpub() }], 2);
      await menu(desktop.page, 'backup');
      await desktop.page.getByText('Library backed up to /home/student/lectern-backup-').waitFor({ timeout: 30_000 });
      const saved = await desktop.page.evaluate(() => {
        const { name, data } = (window as unknown as { __saved: { name: string; data: unknown } }).__saved;
        return { name, isBytes: data instanceof Uint8Array, bytes: Array.from(data as Uint8Array) };
      });
      expect(saved.name).toMatch(/\.zip$/);
      expect(saved.isBytes).toBe(true);
      expect(saved.bytes.slice(0, 4)).toEqual([0x50, 0x4b, 0x03, 0x04]);

      await other.page.evaluate((bytes) => {
        (window as unknown as { __toOpen: unknown }).__toOpen = [{ name: 'lectern-backup.zip', bytes: new Uint8Array(bytes) }];
      }, saved.bytes);
      await menu(other.page, 'restore');
      await dialog(other.page).waitFor();
      await replaceLibrary(other.page);
      await expect.poll(() => rows(other.page).count(), { timeout: 30_000 }).toBe(2);
      expect(await libraryDump(other.page)).toEqual(await libraryDump(desktop.page));
      expect([...desktop.errors, ...other.errors]).toEqual([]);
    } finally {
      await desktop.context.close();
      await other.context.close();
    }
  });

  it('a page closed in the middle of a replace restore reopens on the old library or the new one, never a mix', { timeout: 180_000 }, async () => {
    const context = await app.browser().newContext({ viewport: { width: 1280, height: 820 } });
    try {
      const page = await context.newPage();
      armFileChooser(page);
      await page.goto(inject('baseUrl'));
      await importFiles(page, [{ name: seed('001'), bytes: new Uint8Array(readFileSync(SEEDS + seed('001'))) }], 1);
      await openFromLibrary(page, T001);
      await highlightPassage(page, 'intergenerational transmitters of cultural traditions');
      await page.getByRole('button', { name: 'Library', exact: true }).click();
      const old = rowCounts(await libraryDump(page));

      await chooseRestoreFile(page, bigBackup);
      await replaceLibrary(page);
      // Wait until rows are being written (the check of the file is over), then close in the
      // first quarter of the writing: the one transaction is open, with thousands of rows to go.
      const status = dialog(page).getByRole('status');
      let progress = '';
      const midway = async () => {
        progress = await status.innerText().catch(() => '');
        const [, done = '0', total = '0'] = /^Restoring: ([\d,]+) of ([\d,]+)/.exec(progress) ?? [];
        const [d, t] = [Number(done.replace(/,/g, '')), Number(total.replace(/,/g, ''))];
        return d > 0 && d <= t / 4;
      };
      await expect.poll(midway, { timeout: 60_000, interval: 20 }).toBe(true);
      await screenshot(page, 'restore-writing');
      await page.close();

      const reopened = await context.newPage();
      await reopened.goto(inject('baseUrl'));
      await reopened.waitForSelector('.app-header');
      const after = rowCounts(await libraryDump(reopened));
      const restored = { documents: 3, contents: 3, originals: 2, references: 1, citations: 1, annotations: 40_000, notebooks: 2, collections: 1, collectionItems: 2, trash: 1, pageMaps: 1 };
      expect([old, restored], `closed at “${progress}”`).toContainEqual(after);
      // Closed while rows were still being written, the one transaction never committed.
      expect(after).toEqual(old);
      await rows(reopened).filter({ hasText: T001 }).waitFor();
    } finally {
      await context.close();
    }
  });
});
