import { readdirSync, readFileSync } from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, expect, inject } from 'vitest';
import { dropFiles } from './actions';
import { launch, openApp, SEEDS } from './browser';

/** One app window in a profile of its own, with the page errors and console errors it has logged. */
export interface AppWindow {
  context: BrowserContext;
  page: Page;
  errors: string[];
}

/**
 * One browser for the spec file, and a fresh profile (empty IndexedDB and localStorage) for every
 * window a test opens, so no test sees another's documents or settings. After each test its
 * windows are closed, and the test fails if any of them logged a page error or a console error:
 * each test answers for its own errors only. Call once, at the top of a spec file.
 */
export function useApp() {
  let browser: Browser | undefined;
  let opened: AppWindow[] = [];

  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });
  afterEach(async () => {
    const closing = opened;
    opened = [];
    // Read before closing: a profile torn down mid-write may log errors that the test did not cause.
    const errors = closing.flatMap((app) => [...app.errors]);
    await Promise.all(closing.map((app) => app.context.close()));
    expect(errors, 'page errors and console errors logged during this test').toEqual([]);
  });

  /** The spec file's browser (also for pages that are not app windows, such as a PDF printer). */
  const started = (): Browser => {
    if (!browser) throw new Error('the browser starts in beforeAll');
    return browser;
  };
  /** Opens the app in a fresh profile; closed, and checked for errors, after the test. */
  const open = async (options: Parameters<typeof openApp>[2] = {}): Promise<AppWindow> => {
    const app = await openApp(started(), inject('baseUrl'), options);
    opened.push(app);
    return app;
  };
  return { browser: started, open };
}

/** The seed documents' file names, in order (000 to 004). */
export const SEED_NAMES = readdirSync(SEEDS)
  .filter((name) => name.endsWith('.txt'))
  .sort();

/** The seed whose file name starts with `prefix` ('001'). */
export function seed(prefix: string): string {
  const name = SEED_NAMES.find((candidate) => candidate.startsWith(prefix));
  if (!name) throw new Error(`no seed ${prefix} in ${SEEDS}`);
  return name;
}

/**
 * Drops files onto the window and waits until the library lists `rows` documents (the library
 * must be showing). Faster than the file chooser, for tests where choosing is not the point.
 */
export async function importFiles(page: Page, files: Parameters<typeof dropFiles>[1], rows: number): Promise<void> {
  await dropFiles(page, files);
  await expect.poll(() => page.locator('.library-row').count(), { timeout: 30_000 }).toBe(rows);
}

/** The seeds' files (exact bytes), ready to drop. */
export function seedFiles(names: string[]): { name: string; bytes: Uint8Array }[] {
  return names.map((name) => ({ name, bytes: readFileSync(SEEDS + name) }));
}

/** Imports the named seeds into an empty library and waits until all are listed. */
export async function importSeeds(page: Page, names: string[]): Promise<void> {
  await importFiles(page, seedFiles(names), names.length);
}

/** Imports one seed into an empty library and opens it in the reader. */
export async function importAndOpenSeed(page: Page, name: string): Promise<void> {
  await importSeeds(page, [name]);
  await page.locator('.library-row').first().click();
  await page.locator('.pane-article .doc-paragraph').first().waitFor();
}

/** The reading workspace as the app saves it in localStorage (the parts the specs look at). */
export interface SavedWorkspace {
  panes: { id: string; content: { kind: string; docId?: string }; scroll?: { block: number; offset: number } }[];
  layout?: Record<string, number>;
}

/** The reading workspace as the app last saved it (panes, their split and scroll places). */
export function savedWorkspace(page: Page): Promise<SavedWorkspace> {
  return page.evaluate(() => JSON.parse(localStorage.getItem('lectern.workspace.v1') ?? '{"panes":[]}') as SavedWorkspace);
}

/**
 * Waits until every note and notebook edit is in the store. The app keeps each edit as a draft
 * in localStorage until the store has that version, so none left means all are saved.
 */
export async function waitForNotesSaved(page: Page): Promise<void> {
  await expect
    .poll(() => page.evaluate(() => Object.keys(localStorage).filter((key) => key.startsWith('lectern.draft.'))))
    .toEqual([]);
}
