// The sync server is killed (SIGKILL, as a crash) in the middle of a burst of changes on two
// machines, and started again: both keep working while it is down, both converge once it is
// back, nothing is lost on either side, and the server's SQLite file holds every change.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import * as Y from 'yjs';
import { selectText } from './actions';
import { armFileChooser, launch, screenshot } from './browser';
import { importSeeds, seed } from './fixtures';
import { launchSyncServer, type LaunchedSyncServer } from './sync-server';

const LIBRARY = 'study-group';
const TOKEN = 'e2e-token-7f3a9c2b51d84e60';
const seed001 = seed('001');
const TITLE = 'Closeness (Tesnota, 2017)';

/** Passages of 001 each machine highlights: two before the crash, the rest while the server is down. */
const FIRST_A = ['yet another achievement from Zviagintsev', 'an overnight sensation'];
const BURST_A = ['on the eve of the Second Chechen War', 'conservative Jewish community', 'works as a mechanic', 'A masterfully shot scene', 'haunting associations'];
const BURST_B = ['primarily on ethnic grounds', 'snuff videos of terrorists', 'the arranged marriage impossible', 'delivers the ransom', 'decide to move to Voronezh'];
const NOTE_ONLINE = 'Closeness is about a family held too tight.';
const NOTE_OFFLINE_A = ' Typed on A while the server was down.';
const NOTE_OFFLINE_B = 'Written on B while the server was down.';

interface Machine {
  page: Page;
  errors: string[];
}

interface StoredRow {
  id: string;
  noteText: string;
  color: string;
}

/** The highlights in a machine's store, read straight from IndexedDB, by id. */
function storedHighlights(page: Page): Promise<Record<string, StoredRow>> {
  return page.evaluate(async () => {
    const open = indexedDB.open('lectern');
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error ?? new Error('IndexedDB did not open'));
    });
    const rows = await new Promise<StoredRow[]>((resolve) => {
      const request = db.transaction('annotations').objectStore('annotations').getAll();
      request.onsuccess = () => resolve(request.result as StoredRow[]);
    });
    db.close();
    return Object.fromEntries(rows.map(({ id, noteText, color }) => [id, { id, noteText, color }]));
  });
}

/** The id of the highlight quoting `phrase` in a machine's store (reads its quote selector). */
function highlightId(page: Page, phrase: string): Promise<string | null> {
  return page.evaluate(async (quote) => {
    const open = indexedDB.open('lectern');
    const db = await new Promise<IDBDatabase>((resolve) => (open.onsuccess = () => resolve(open.result)));
    const rows = await new Promise<{ id: string; selectors: { type: string; exact?: string }[] }[]>((resolve) => {
      const request = db.transaction('annotations').objectStore('annotations').getAll();
      request.onsuccess = () => resolve(request.result as never);
    });
    db.close();
    return rows.find((row) => row.selectors.some((s) => s.type === 'TextQuoteSelector' && s.exact === quote))?.id ?? null;
  }, phrase);
}

/** Every string inside a Lexical note's Y.XmlText, embedded paragraphs and text nodes included. */
function yText(type: unknown): string {
  if (type instanceof Y.XmlText) {
    return (type.toDelta() as { insert: unknown }[]).map((op) => (typeof op.insert === 'string' ? op.insert : yText(op.insert))).join('');
  }
  if (type instanceof Y.XmlElement || type instanceof Y.XmlFragment) return type.toArray().map(yText).join('');
  return '';
}

/** What the server's SQLite file holds for the library: highlight ids and each note's text. */
function serverState(dataDir: string): { ids: string[]; notes: Record<string, string> } {
  const db = new DatabaseSync(join(dataDir, 'lectern-sync.sqlite'), { readOnly: true });
  try {
    const row = db.prepare('SELECT state FROM documents WHERE name = ?').get(LIBRARY) as { state?: Uint8Array } | undefined;
    const doc = new Y.Doc();
    if (row?.state) Y.applyUpdate(doc, row.state);
    const notes: Record<string, string> = {};
    doc.getMap('notes').forEach((value, key) => (notes[key] = yText(value)));
    return { ids: [...doc.getMap('annotations').keys()].sort(), notes };
  } finally {
    db.close();
  }
}

describe('sync when the server is killed mid-sync', () => {
  let browser: Browser;
  let server: LaunchedSyncServer;
  let dataDir: string;
  const machines: Machine[] = [];

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'lectern-e2e-sync-'));
    server = await launchSyncServer({ dataDir, libraries: { [LIBRARY]: TOKEN } });
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.kill();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });
  afterEach(async () => {
    const closing = machines.splice(0);
    // A socket refused while the server is down is what the test does, not an error of the app;
    // nor is the server's 404 to "have you this blob?" (Chromium logs every 4xx answer).
    const refused = new RegExp(
      `WebSocket connection to '${server.url}.*failed|Failed to load resource: (net::ERR_CONNECTION_REFUSED|the server responded with a status of 404 \\(Not Found\\)) \\(${server.httpUrl}/blobs/`,
    );
    const errors = closing.flatMap((machine) => machine.errors).filter((error) => !refused.test(error));
    await Promise.all(closing.map((machine) => machine.page.context().close()));
    expect(errors, 'page errors and console errors logged during this test').toEqual([]);
  });

  /** A machine of its own (a fresh profile) with sync set on for the launched server before the app loads. */
  async function machine(colorScheme: 'light' | 'dark'): Promise<Machine> {
    const context = await browser.newContext({ viewport: { width: 1280, height: 820 }, colorScheme });
    const settings = { enabled: true, serverUrl: server.url, library: LIBRARY, token: TOKEN };
    await context.addInitScript((value) => localStorage.setItem('lectern.sync', value), JSON.stringify(settings));
    const page = await context.newPage();
    armFileChooser(page);
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(`${message.text()} (${message.location().url})`);
    });
    await page.goto(inject('baseUrl'));
    await page.waitForSelector('.app-header');
    const made = { page, errors };
    machines.push(made);
    return made;
  }

  const pane = (page: Page) => page.locator('section.pane').first();

  const COLOURS = ['yellow', 'green', 'blue', 'pink', 'purple'];

  /** Highlights a passage of the open document with the selection toolbar (colour 1 to 5). */
  async function highlight(page: Page, phrase: string, colour: number): Promise<void> {
    await selectText(pane(page), '.pane-article', phrase);
    await pane(page).locator('.selection-toolbar').waitFor();
    await pane(page).getByRole('button', { name: `Highlight ${COLOURS[colour - 1]!}` }).click();
    await expect.poll(() => highlightId(page, phrase)).not.toBeNull();
  }

  /** Opens the highlight quoting `phrase` and types at the end of its note. */
  async function typeNote(page: Page, phrase: string, text: string): Promise<void> {
    const id = await highlightId(page, phrase);
    await pane(page).locator(`mark[data-annotation-id="${id}"]`).first().click();
    const editor = pane(page).getByRole('textbox', { name: 'Note on this highlight' });
    await editor.click();
    await page.keyboard.press('Control+End');
    await page.keyboard.type(text);
    await expect.poll(() => editor.innerText()).toContain(text.trim());
  }

  /** The sync status line's text. */
  const status = (page: Page) => page.locator('.sync-status').innerText();

  it('loses nothing on either machine, and the server file holds every change', { timeout: 240_000 }, async () => {
    // One machine in the light theme, the other in the dark one, for the screenshots.
    const a = await machine('light');
    const b = await machine('dark');

    // A imports 001; B receives it through the server and opens it too.
    await importSeeds(a.page, [seed001]);
    await a.page.locator('.library-row', { hasText: TITLE }).click();
    await pane(a.page).locator('.doc-paragraph').first().waitFor();
    await b.page.locator('.library-row', { hasText: TITLE }).waitFor({ timeout: 30_000 });
    await b.page.locator('.library-row', { hasText: TITLE }).click();
    await pane(b.page).locator('.doc-paragraph').first().waitFor({ timeout: 30_000 });

    // A highlights twice and writes a note; B has them.
    for (const [i, phrase] of FIRST_A.entries()) await highlight(a.page, phrase, i + 1);
    await typeNote(a.page, FIRST_A[0]!, NOTE_ONLINE);
    const noted = (await highlightId(a.page, FIRST_A[0]!))!;
    await expect.poll(async () => (await storedHighlights(b.page))[noted]?.noteText ?? '', { timeout: 15_000 }).toContain(NOTE_ONLINE);

    // A burst on both machines; the server is killed after the first two changes of each.
    await highlight(a.page, BURST_A[0]!, 2);
    await highlight(b.page, BURST_B[0]!, 3);
    await highlight(a.page, BURST_A[1]!, 4);
    await highlight(b.page, BURST_B[1]!, 5);
    await server.kill('SIGKILL');

    // Both keep working while it is down, and say so.
    for (const [i, phrase] of BURST_A.slice(2).entries()) await highlight(a.page, phrase, 1 + (i % 5));
    await typeNote(a.page, FIRST_A[0]!, NOTE_OFFLINE_A);
    for (const [i, phrase] of BURST_B.slice(2).entries()) await highlight(b.page, phrase, 1 + (i % 5));
    await typeNote(b.page, BURST_B[0]!, NOTE_OFFLINE_B);
    for (const machine of [a, b]) await expect.poll(() => status(machine.page), { timeout: 20_000 }).toMatch(/Offline/);
    await screenshot(a.page, 'sync-restart-offline');
    await screenshot(b.page, 'sync-restart-offline-dark');
    const localA = await storedHighlights(a.page);
    const localB = await storedHighlights(b.page);
    expect(Object.keys(localA).length).toBeGreaterThanOrEqual(FIRST_A.length + BURST_A.length);
    expect(Object.keys(localB).length).toBeGreaterThanOrEqual(FIRST_A.length + BURST_B.length);

    // The server comes back on the same port and data folder: both converge, nothing lost.
    await server.restart();
    const everyId = async () => {
      const ids = new Set<string>();
      for (const machine of [a, b]) for (const id of Object.keys(await storedHighlights(machine.page))) ids.add(id);
      return [...ids].sort();
    };
    const expectedCount = FIRST_A.length + BURST_A.length + BURST_B.length;
    await expect.poll(async () => (await everyId()).length, { timeout: 30_000 }).toBe(expectedCount);
    const ids = await everyId();
    const noteB = (await highlightId(b.page, BURST_B[0]!))!;
    for (const machine of [a, b]) {
      await expect.poll(async () => Object.keys(await storedHighlights(machine.page)).sort(), { timeout: 30_000 }).toEqual(ids);
      await expect.poll(async () => (await storedHighlights(machine.page))[noted]?.noteText, { timeout: 30_000 }).toBe(NOTE_ONLINE + NOTE_OFFLINE_A);
      await expect.poll(async () => (await storedHighlights(machine.page))[noteB]?.noteText, { timeout: 30_000 }).toBe(NOTE_OFFLINE_B);
      await expect.poll(() => status(machine.page), { timeout: 30_000 }).toMatch(/^\W*Synced/);
    }
    const colours = async (page: Page) => Object.fromEntries(Object.values(await storedHighlights(page)).map((row) => [row.id, row.color]));
    expect(await colours(a.page)).toEqual(await colours(b.page));
    await expect.poll(() => pane(b.page).locator('mark').count()).toBeGreaterThanOrEqual(expectedCount);
    await screenshot(b.page, 'sync-restart-converged-dark');
    await screenshot(a.page, 'sync-restart-converged');

    // The server's SQLite file holds every highlight and both notes' text.
    await expect.poll(() => serverState(dataDir).ids, { timeout: 30_000 }).toEqual(ids);
    const notes = serverState(dataDir).notes;
    expect(notes[`annotation:${noted}`]).toContain(NOTE_ONLINE + NOTE_OFFLINE_A);
    expect(notes[`annotation:${noteB}`]).toContain(NOTE_OFFLINE_B);
  });
});
