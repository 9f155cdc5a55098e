import type { Page } from 'playwright-core';
import { beforeEach, describe, expect, it } from 'vitest';
import { importAndOpenSeed, seed, useApp } from './fixtures';

const app = useApp();

/** How many rendered bibliography entries the app's IndexedDB keeps (read directly, not through the app). */
function keptEntries(page: Page): Promise<number> {
  return page.evaluate(
    () =>
      new Promise<number>((resolve, reject) => {
        const request = indexedDB.open('lectern');
        request.onerror = () => reject(new Error(String(request.error)));
        request.onsuccess = () => {
          const db = request.result;
          const count = db.transaction('renderedEntries', 'readonly').objectStore('renderedEntries').count();
          count.onsuccess = () => {
            resolve(count.result);
            db.close();
          };
          count.onerror = () => reject(new Error(String(count.error)));
        };
      }),
  );
}

describe('styled bibliographies in the export dialog', () => {
  let page: Page;

  beforeEach(async () => {
    ({ page } = await app.open());
    await importAndOpenSeed(page, seed('001'));
  });

  it('keeps each rendered entry in the store and shows the same text when the style is chosen again', async () => {
    const pane = page.locator('section.pane').first();
    await pane.getByRole('button', { name: 'Works Cited' }).click();
    const panel = pane.getByRole('complementary', { name: 'Works Cited' });
    await expect.poll(() => panel.locator('.works-cited-entry').count()).toBe(4);
    await panel.getByRole('button', { name: 'Export…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Export' });
    await dialog.getByRole('radio', { name: 'The works they cite' }).check();
    const preview = dialog.getByLabel('Preview');

    await dialog.getByLabel('Format').selectOption('apa');
    await expect.poll(() => preview.innerText(), { timeout: 10_000 }).toContain('Yuval-Davis, N. (1997)');
    const first = await preview.innerText();
    await expect.poll(() => keptEntries(page), { timeout: 10_000 }).toBe(4);

    await dialog.getByLabel('Format').selectOption('bibtex');
    await expect.poll(() => preview.innerText(), { timeout: 10_000 }).toContain('@');
    await dialog.getByLabel('Format').selectOption('apa');
    await expect.poll(() => preview.innerText(), { timeout: 10_000 }).toContain('Yuval-Davis, N. (1997)');
    expect(await preview.innerText()).toBe(first);
    expect(await keptEntries(page)).toBe(4);

    await dialog.getByLabel('Format').selectOption('mla');
    await expect.poll(() => preview.innerText(), { timeout: 10_000 }).toContain('Yuval-Davis, Nira.');
    await expect.poll(() => keptEntries(page), { timeout: 10_000 }).toBe(8);
    await dialog.getByRole('button', { name: 'Cancel' }).click();
  });
});
