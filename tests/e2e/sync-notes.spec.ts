import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations } from './axe';
import { screenshot } from './browser';
import { useApp } from './fixtures';
import { launchSyncServer, type LaunchedSyncServer } from './sync-server';

const app = useApp();
const LIBRARIES = { light: 'notes-panes-light', dark: 'notes-panes-dark' } as const;
const TOKEN = 'e2e-token-notes-3b7e';

async function setUpSync(page: Page, serverUrl: string, library: string): Promise<void> {
  await page.locator('.sync-status').click();
  const dialog = page.getByRole('dialog', { name: 'Sync' });
  await dialog.getByRole('checkbox', { name: 'Sync this library' }).check();
  await dialog.getByLabel('Server address').fill(serverUrl);
  await dialog.getByLabel('Library name').fill(library);
  await dialog.getByLabel('Token', { exact: true }).fill(TOKEN);
  await dialog.getByRole('button', { name: 'Save' }).click();
  await dialog.waitFor({ state: 'detached' });
  await expect.poll(() => page.locator('.sync-status').innerText(), { timeout: 15_000 }).toMatch(/Synced \d/);
}

describe('a synced notebook open in two panes', () => {
  let server: LaunchedSyncServer;
  let dataDir: string;

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'lectern-sync-notes-e2e-'));
    server = await launchSyncServer({ dataDir, libraries: { [LIBRARIES.light]: TOKEN, [LIBRARIES.dark]: TOKEN } });
  });
  afterAll(async () => {
    await server?.kill('SIGTERM');
    rmSync(dataDir, { recursive: true, force: true });
  });

  for (const colorScheme of ['light', 'dark'] as const) {
    it(`is edited in the first pane and followed, read-only, in the second (${colorScheme})`, async () => {
      const { page } = await app.open({ colorScheme });
      await setUpSync(page, server.url, LIBRARIES[colorScheme]);
      await page.getByRole('button', { name: 'Reading', exact: true }).click();
      await page.getByRole('button', { name: 'New notebook' }).click();
      const editors = page.getByRole('textbox', { name: 'Notebook', exact: true });
      await editors.first().waitFor();
      await editors.first().click();
      await page.keyboard.type('Week 3: commons and their keepers.');
      await page.getByRole('button', { name: 'Open Untitled notebook in a new pane' }).click();
      await expect.poll(() => editors.count()).toBe(2);
      const [first, second] = [editors.nth(0), editors.nth(1)];
      expect(await first.getAttribute('contenteditable')).toBe('true');
      await expect.poll(() => second.getAttribute('contenteditable')).toBe('false');
      expect(await second.getAttribute('title')).toMatch(/open in another pane/);
      await expect.poll(() => page.locator('.notebook-pane').nth(1).innerText()).toContain('This note is open in another pane: edit it there.');
      expect(await page.locator('.notebook-pane').nth(0).innerText()).not.toContain('open in another pane');
      // The following pane hides the formatting buttons it cannot use; the editing pane keeps them.
      expect(await page.locator('.notebook-pane').nth(1).getByRole('button', { name: 'Link' }).isVisible()).toBe(false);
      expect(await page.locator('.notebook-pane').nth(0).getByRole('button', { name: 'Link' }).isVisible()).toBe(true);
      await expect.poll(() => second.innerText()).toContain('Week 3: commons and their keepers.');
      await first.click();
      await page.keyboard.press('End');
      await page.keyboard.type(' Ostrom disagrees.');
      await expect.poll(() => second.innerText()).toContain('Ostrom disagrees.');
      await screenshot(page, `sync-notes-two-panes-${colorScheme}`);
      expect(await axeViolations(page, '.workspace')).toEqual([]);
    });
  }
});
