// The shell the platform gives: the native modal dialog (focus kept inside, the page inert, focus
// given back, a dimmed ::backdrop) with notices still reachable above it; the ? help drawn from the
// one keymap; and error boundaries that keep one broken pane from taking the app down.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { describeKeys, KEYMAP } from '../../renderer/src/shell/keymap';
import { screenshot } from './browser';
import { importSeeds, seed, useApp } from './fixtures';

const app = useApp();

type ContentRow = { docId: string; blocks: unknown };

/** Rewrites every stored document content with `change` applied; returns the rows as they were. */
async function rewriteContents(page: Page, blocks: unknown, rows?: ContentRow[]): Promise<ContentRow[]> {
  return page.evaluate(
    async ({ blocks, rows }) => {
      const open = indexedDB.open('lectern');
      const db = await new Promise<IDBDatabase>((resolve) => (open.onsuccess = () => resolve(open.result)));
      const before = await new Promise<ContentRow[]>((resolve) => {
        const request = db.transaction('contents').objectStore('contents').getAll();
        request.onsuccess = () => resolve(request.result as ContentRow[]);
      });
      const tx = db.transaction('contents', 'readwrite');
      for (const row of rows ?? before.map((row) => ({ ...row, blocks }))) tx.objectStore('contents').put(row);
      await new Promise((resolve) => (tx.oncomplete = resolve));
      db.close();
      return before;
    },
    { blocks, rows },
  );
}

describe('the shell', () => {
  it('lists every shortcut of the keymap in the ? help, under where it works', async () => {
    const { page } = await app.open();
    await page.locator('.empty-library').waitFor();
    await page.locator('body').press('Shift+?');
    const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await help.waitFor();
    const rows = await help.locator('.shortcut-row').evaluateAll((elements) =>
      elements.map((row) => ({ id: (row as HTMLElement).dataset.shortcut, keys: row.querySelector('kbd')!.textContent, label: row.querySelector('dd')!.textContent })),
    );
    expect(rows.map((row) => row.id).sort()).toEqual(KEYMAP.map((binding) => binding.id).sort());
    for (const binding of KEYMAP) expect(rows.find((row) => row.id === binding.id)).toEqual({ id: binding.id, keys: describeKeys(binding), label: binding.label });
    expect(await help.innerText()).toContain('Ctrl+Shift+C');
    await screenshot(page, 'shell-shortcut-help');
  });

  it('keeps focus in the modal dialog, gives it back on Esc, and shows notices above it, where they can be dismissed', async () => {
    const { page } = await app.open();
    await page.emulateMedia({ colorScheme: 'dark' });
    await importSeeds(page, [seed('001')]);
    const helpButton = page.getByRole('button', { name: 'Keyboard shortcuts' });
    await helpButton.click();
    const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await help.waitFor();
    expect(await help.evaluate((dialog) => dialog.matches('dialog:modal'))).toBe(true);
    // Tab never reaches the page behind, which is inert: past the dialog's last button focus
    // leaves the page (to the browser's own controls, where there are any) and comes back in.
    const places: string[] = [];
    for (let step = 0; step < 4; step++) {
      await page.keyboard.press('Tab');
      places.push(await help.evaluate((dialog) => (dialog.contains(document.activeElement) ? 'dialog' : document.activeElement === document.body || !document.activeElement ? 'none' : 'page')));
    }
    expect(places).not.toContain('page');
    expect(places.filter((place) => place === 'dialog').length).toBeGreaterThanOrEqual(2);
    expect(await page.evaluate(() => document.querySelector('.app-header')!.matches(':modal, :modal *'))).toBe(false);
    await page.keyboard.press('Escape');
    await help.waitFor({ state: 'detached' });
    expect(await helpButton.evaluate((button) => button === document.activeElement)).toBe(true);
    // Esc closed the dialog only: the app did not also go somewhere else.
    expect(await page.getByRole('button', { name: 'Library', exact: true }).getAttribute('aria-pressed')).toBe('true');

    await page.getByRole('button', { name: 'Export…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Export' });
    await dialog.waitFor();
    // The page behind is dimmed, more so in the dark theme.
    expect(await dialog.evaluate((element) => getComputedStyle(element, '::backdrop').backgroundColor)).toBe('rgba(0, 0, 0, 0.6)');
    await dialog.getByRole('button', { name: 'Copy' }).click();
    const notice = page.locator('.notice').first();
    await notice.waitFor();
    // The notice is in the top layer with the dialog, not under its backdrop: the point at its
    // centre is the notice, and its button takes the click while the dialog stays open.
    const onTop = await notice.evaluate((element) => {
      const box = element.getBoundingClientRect();
      return element.contains(document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2));
    });
    expect(onTop).toBe(true);
    await screenshot(page, 'shell-notice-over-dialog-dark');
    await notice.getByRole('button', { name: 'Dismiss message' }).click();
    await notice.waitFor({ state: 'detached' });
    expect(await dialog.isVisible()).toBe(true);
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
  });

  it('shows a broken pane’s message and Reload while the pane beside it works, and Reload draws it again once repaired', async () => {
    const { page, errors } = await app.open();
    await importSeeds(page, [seed('001')]);
    // A notebook in one pane, then the damaged document beside it.
    await page.getByRole('button', { name: 'Reading', exact: true }).click();
    await page.getByRole('button', { name: 'New notebook' }).click();
    const notebook = page.locator('section.pane', { has: page.locator('.notebook-pane') });
    await notebook.waitFor();
    // A store damaged under the app: the document's blocks are no list at all.
    const stored = await rewriteContents(page, 'not a list of blocks');
    await page.getByRole('button', { name: 'Library', exact: true }).click();
    await page.locator('.library-row').first().click({ modifiers: ['Shift'] });
    const broken = page.locator('section.pane', { has: page.getByRole('alert') });
    await broken.waitFor();
    expect(await broken.getByRole('alert').innerText()).toContain('This pane ran into a problem and stopped.');
    expect(await broken.getByRole('button', { name: 'Reload' }).isVisible()).toBe(true);
    // What was caught is reported to the console, as React and the boundary do; nothing else broke.
    expect(errors.length).toBeGreaterThan(0);
    expect(errors.every((error) => /stopped|blocks|is not a function|not iterable|Cannot read/i.test(error))).toBe(true);
    errors.length = 0;
    await screenshot(page, 'shell-broken-pane');

    // The notebook beside it still takes notes.
    const editor = notebook.locator('[contenteditable="true"]').first();
    await editor.click();
    await page.keyboard.type('Still writing');
    await expect.poll(() => editor.innerText()).toContain('Still writing');

    // Repaired, Reload draws the pane again from the store.
    await rewriteContents(page, null, stored);
    await broken.getByRole('button', { name: 'Reload' }).click();
    const pane = page.locator('section.pane', { has: page.locator('.doc-paragraph') });
    await pane.locator('.doc-paragraph').first().waitFor();
    expect(await pane.getByRole('alert').count()).toBe(0);
    expect(await editor.innerText()).toContain('Still writing');
  });
});
