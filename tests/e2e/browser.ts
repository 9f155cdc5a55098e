import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

/** Debian's Chromium; never a downloaded browser. */
export const CHROMIUM = process.env.LECTERN_CHROMIUM ?? '/usr/bin/chromium';

/** Where each run leaves its screenshots. */
export const SCREENSHOTS = fileURLToPath(new URL('../../test-results/screenshots/', import.meta.url));

export const SEEDS = fileURLToPath(new URL('../../../shared/seeds/', import.meta.url));

/** Starts headless Chromium with the flags this machine needs (no network chatter, no sandbox as root). */
export function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
  });
}

/**
 * Keeps Playwright's file-chooser interception on for the page's whole life. Playwright turns it
 * on only when the first 'filechooser' listener is added, and tells the browser without waiting
 * for an answer; a key press sent straight after `waitForEvent('filechooser')` (Ctrl+O) could
 * reach Chromium first, and headless Chromium cancels a chooser nobody intercepts, so the event
 * never came. A listener added before the page loads makes interception certain; specs still
 * wait for each chooser with `page.waitForEvent('filechooser')`.
 */
export function armFileChooser(page: Page): void {
  page.on('filechooser', () => undefined);
}

/** A fresh profile (empty IndexedDB) with the page open on the app; collects page errors. */
export async function openApp(browser: Browser, baseUrl: string, options: { colorScheme?: 'light' | 'dark' } = {}) {
  const context: BrowserContext = await browser.newContext({ viewport: { width: 1280, height: 820 }, colorScheme: options.colorScheme ?? 'light' });
  const page: Page = await context.newPage();
  armFileChooser(page);
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(process.env.LECTERN_E2E_TRACE ? `${message.text()} @ ${JSON.stringify(message.location())}` : message.text());
  });
  await page.goto(baseUrl);
  await page.waitForSelector('.app-header');
  return { context, page, errors };
}

/** Saves a screenshot under test-results/screenshots. */
export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const path = `${SCREENSHOTS}${name}.png`;
  await page.screenshot({ path, fullPage: false });
  return path;
}
