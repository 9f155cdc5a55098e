import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { highlightPassage } from './actions';
import { screenshot } from './browser';
import { importSeeds, seed, useApp, waitForNotesSaved } from './fixtures';
import { libraryDump } from './library-dump';
import { launchSyncServer, type LaunchedSyncServer } from './sync-server';

const app = useApp();

const LIBRARY = 'offline-pair';
const TOKEN = 'e2e-offline-token-31d8';
const PHRASE = 'intergenerational transmitters of cultural traditions';
const TITLE = 'Closeness (Tesnota, 2017)';

interface Annotation {
  id: string;
  color: string;
  noteText: string;
  noteJson: unknown;
}
const annotations = async (page: Page): Promise<Annotation[]> => ((await libraryDump(page)).annotations ?? []) as Annotation[];

/** A blob not yet on the server answers 404, which the transfer expects and Chromium logs as an error. */
function forgiveMissingBlobs(errors: string[]): void {
  const kept = errors.filter((error) => error !== 'Failed to load resource: the server responded with a status of 404 (Not Found)');
  errors.splice(0, errors.length, ...kept);
}

async function setUpSync(page: Page, serverUrl: string): Promise<void> {
  await page.keyboard.press('Control+,');
  const dialog = page.getByRole('dialog', { name: 'Sync' });
  await dialog.getByRole('checkbox', { name: 'Sync this library' }).check();
  await dialog.getByLabel('Server address').fill(serverUrl);
  await dialog.getByLabel('Library name').fill(LIBRARY);
  await dialog.getByLabel('Token', { exact: true }).fill(TOKEN);
  await dialog.getByRole('button', { name: 'Save' }).click();
  await dialog.waitFor({ state: 'detached' });
  await expect.poll(() => page.locator('.sync-status-words').innerText(), { timeout: 15_000 }).toMatch(/Synced \d/);
}

/** Opens the synced document, selects its highlight and puts the caret at the end of its note. */
async function openNote(page: Page): Promise<void> {
  await page.locator('.library-row', { hasText: TITLE }).click();
  const pane = page.locator('section.pane').first();
  await pane.locator('mark.hl-yellow, mark.hl-green, mark.hl-blue').first().waitFor({ timeout: 10_000 });
  await pane.locator('mark').first().click();
  const editor = pane.getByRole('textbox', { name: 'Note on this highlight' });
  await editor.click();
  await page.keyboard.press('Control+End');
}

describe('one machine offline, both editing the same note and highlight', () => {
  let server: LaunchedSyncServer;
  let dataDir: string;

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'lectern-sync-offline-'));
    server = await launchSyncServer({ dataDir, libraries: { [LIBRARY]: TOKEN } });
  });
  afterAll(async () => {
    await server?.kill('SIGTERM');
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('converges to one note holding every word typed on both, and one colour, once back online', async () => {
    const a = await app.open();
    const b = await app.open();
    await setUpSync(a.page, server.url);
    await setUpSync(b.page, server.url);

    await importSeeds(a.page, [seed('001')]);
    await a.page.locator('.library-row').first().click();
    await a.page.locator('.pane-article .doc-paragraph').first().waitFor();
    await highlightPassage(a.page, PHRASE);
    await a.page.locator('section.pane').first().locator('mark.hl-yellow').first().click();
    await a.page.locator('section.pane').first().getByRole('textbox', { name: 'Note on this highlight' }).click();
    await a.page.keyboard.type('Shared start.');
    await waitForNotesSaved(a.page);
    await expect.poll(async () => (await annotations(b.page))[0]?.noteText, { timeout: 20_000 }).toBe('Shared start.');

    // B loses the network; both write into the same note and recolour the same highlight.
    await openNote(b.page);
    await b.context.setOffline(true);
    await expect.poll(() => b.page.locator('.sync-status-words').innerText()).toMatch(/^Offline/);
    await a.page.keyboard.type(' Alpha bravo charlie.');
    await b.page.keyboard.type(' Delta echo foxtrot.');
    await waitForNotesSaved(a.page);
    await waitForNotesSaved(b.page);
    await a.page.locator('section.pane').first().getByRole('radio', { name: 'Green' }).click();
    await b.page.locator('section.pane').first().getByRole('radio', { name: 'Blue' }).click();
    await expect.poll(async () => (await annotations(a.page))[0]?.color).toBe('green');
    await expect.poll(async () => (await annotations(b.page))[0]?.color).toBe('blue');
    await expect.poll(() => b.page.locator('.sync-status-words').innerText()).toMatch(/^Offline · \d+ wait$/);
    await screenshot(b.page, 'sync-offline-waiting-light');
    // While B is offline, A has none of B's words.
    expect((await annotations(a.page))[0]?.noteText).not.toContain('Delta');

    await b.context.setOffline(false);
    const converged = async () => {
      const [left, right] = [(await annotations(a.page))[0], (await annotations(b.page))[0]];
      return left && right && left.color === right.color && left.noteText === right.noteText && JSON.stringify(left.noteJson) === JSON.stringify(right.noteJson);
    };
    await expect.poll(converged, { timeout: 15_000 }).toBe(true);
    const [final] = await annotations(a.page);
    for (const word of ['Shared', 'start', 'Alpha', 'bravo', 'charlie', 'Delta', 'echo', 'foxtrot']) expect(final!.noteText, word).toContain(word);
    expect(['green', 'blue']).toContain(final!.color);
    // The editors show what the store holds, on both machines.
    for (const page of [a.page, b.page]) {
      await expect.poll(() => page.locator('section.pane').first().getByRole('textbox', { name: 'Note on this highlight' }).innerText()).toBe(final!.noteText);
    }
    await expect.poll(() => b.page.locator('.sync-status-words').innerText(), { timeout: 15_000 }).toMatch(/^Synced \d/);
    forgiveMissingBlobs(a.errors);
    forgiveMissingBlobs(b.errors);
  });
});
