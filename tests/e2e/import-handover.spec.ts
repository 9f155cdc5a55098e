// What the import tells the student and where files come from: an importer's warning shown as a
// message, and files the system hands the desktop app (a double-click on an associated file),
// through a stand-in for the preload bridge, imported like a drop.
import { describe, expect, it } from 'vitest';
import { dropFiles } from './actions';
import { useApp } from './fixtures';

const app = useApp();

describe('import messages and files handed over by the system', () => {
  it('shows the importer’s warning for a file it had to simplify, and imports all its words', async () => {
    const { page } = await app.open();
    await dropFiles(page, [{ name: 'deep-lists.md', text: '- '.repeat(5000) + 'the deepest item\n\nAfter the list.' }]);
    await page.locator('.notice-info').filter({ hasText: '“deep-lists.md” nests lists or quotes more than 64 levels deep' }).waitFor({ timeout: 30_000 });
    await expect.poll(() => page.locator('.library-row').count()).toBe(1);
  });

  it('imports the files main says are waiting, at launch and when more arrive', async () => {
    const { context, page } = await app.open();
    await context.addInitScript(() => {
      const waiting: { name: string; bytes: Uint8Array }[] = [{ name: 'launched.md', bytes: new TextEncoder().encode('# Opened at launch\n\nA document the system handed over.') }];
      const state = window as unknown as { __filesWaiting?: () => void; __handOver?: (name: string, text: string) => void };
      (window as unknown as { lectern: unknown }).lectern = {
        openFiles: () => Promise.resolve({ ok: true, value: [] }),
        takeOpenedFiles: () => Promise.resolve({ ok: true, value: waiting.splice(0) }),
        saveFile: () => Promise.resolve({ ok: true, value: null }),
        openExternal: () => Promise.resolve({ ok: true, value: undefined }),
        // The synced bibliography file: none chosen.
        chooseBibliographyFile: () => Promise.resolve({ ok: true, value: null }),
        getBibliographyFile: () => Promise.resolve({ ok: true, value: null }),
        writeBibliographyFile: () => Promise.resolve({ ok: true, value: undefined }),
        forgetBibliographyFile: () => Promise.resolve({ ok: true, value: undefined }),
        getAppInfo: () => Promise.resolve({ name: 'Lectern', version: '0', platform: 'linux' }),
        onMenuCommand: () => () => undefined,
        onFilesWaiting: (callback: () => void) => {
          state.__filesWaiting = callback;
          return () => undefined;
        },
      };
      state.__handOver = (name, text) => {
        waiting.push({ name, bytes: new TextEncoder().encode(text) });
        state.__filesWaiting?.();
      };
    });
    await page.reload();
    await page.locator('.library-row').filter({ hasText: 'Opened at launch' }).waitFor({ timeout: 30_000 });
    await page.evaluate(() => (window as unknown as { __handOver: (name: string, text: string) => void }).__handOver('second.md', '# Opened later\n\nA second file from a double-click.'));
    await page.locator('.library-row').filter({ hasText: 'Opened later' }).waitFor({ timeout: 30_000 });
    await expect.poll(() => page.locator('.library-row').count()).toBe(2);
  });
});
