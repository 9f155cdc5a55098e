// Closing the page in the middle of an import: each file is stored in one transaction, so on
// reopening the library is the old one, or the old one plus files imported whole, never a
// document without its text, its original or its references, nor rows of a document that is not there.
import { readFileSync } from 'node:fs';
import { describe, expect, inject, it } from 'vitest';
import { buildDocx, para } from '../../app/documents/docx/docx-fixture';
import { buildTestPdf } from '../../app/documents/pdf/test-pdf';
import { dropFiles } from './actions';
import { armFileChooser, screenshot, SEEDS } from './browser';
import { importFiles, seed, useApp } from './fixtures';
import { libraryDump, type LibraryDump } from './library-dump';

const app = useApp();

/** A long PDF (seconds of parsing in the worker), a Word file and a text with a reference list. */
const BATCH = [
  { name: 'long.pdf', bytes: buildTestPdf(Array.from({ length: 3000 }, (_, i) => ({ runs: [{ x: 72, y: 700, text: `Page ${i + 1} of a long report.` }] }))) },
  { name: 'essay.docx', bytes: buildDocx({ body: para('An essay in a Word file, imported second.') }) },
  // Long enough (about 2 MB) that its import lasts, so the page can be closed while it runs.
  {
    name: 'cited.txt',
    bytes: new TextEncoder().encode(
      `${Array.from({ length: 12_000 }, (_, i) => `Paragraph ${i + 1}: as Smith (2001) shows, the argument holds, and it holds again in the next case we read.`).join('\n\n')}\n\nReferences\n\nSmith, J. (2001). A Study of Holding. Journal of Studies, 1, 1–2.\n`,
    ),
  },
];

interface Row {
  id?: string;
  docId?: string;
  fileName?: string;
  format?: string;
}

/** What is wrong with the library: rows of documents that are missing, documents missing a part. */
function brokenRows(dump: LibraryDump): string[] {
  const documents = (dump['documents'] ?? []) as Row[];
  const ids = new Set(documents.map((d) => d.id));
  const problems: string[] = [];
  for (const table of ['contents', 'originals', 'references', 'citations']) {
    for (const row of (dump[table] ?? []) as Row[]) if (!ids.has(row.docId)) problems.push(`${table} row of missing document ${row.docId}`);
  }
  const contents = new Set(((dump['contents'] ?? []) as Row[]).map((row) => row.docId));
  const originals = new Set(((dump['originals'] ?? []) as Row[]).map((row) => row.docId));
  for (const document of documents) {
    if (!contents.has(document.id)) problems.push(`${document.fileName} has no text`);
    if (['pdf', 'epub', 'docx'].includes(document.format ?? '') && !originals.has(document.id)) problems.push(`${document.fileName} has no original`);
  }
  return problems;
}

const fileNames = (dump: LibraryDump) => ((dump['documents'] ?? []) as Row[]).map((row) => row.fileName ?? '').sort();

describe('closing the page in the middle of an import', () => {
  // While the long PDF is parsed, just after it is stored, and while the last file is read.
  const moments: [string, (label: string) => boolean][] = [
    ['while the first file is parsed', (label) => label.startsWith('Importing 1 of 3')],
    ['as the second file starts', (label) => label.startsWith('Importing 2 of 3')],
    ['as the third file starts', (label) => label.startsWith('Importing 3 of 3')],
  ];
  for (const [moment, reached] of moments) {
    it(`reopens on the old library or the new one, never a mix: closed ${moment}`, { timeout: 180_000 }, async () => {
      const context = await app.browser().newContext({ viewport: { width: 1280, height: 820 } });
      try {
        const page = await context.newPage();
        armFileChooser(page);
        await page.goto(inject('baseUrl'));
        await importFiles(page, [{ name: seed('001'), bytes: new Uint8Array(readFileSync(SEEDS + seed('001'))) }], 1);
        const before = await libraryDump(page);

        // Every label the progress bar shows is recorded in the page as it changes, so a label that
        // shows only briefly on a busy machine is still seen (polling alone can miss it).
        await page.evaluate(() => {
          const seen: string[] = [];
          (window as unknown as { importLabels: string[] }).importLabels = seen;
          const record = () => {
            const text = document.querySelector('.import-progress-label')?.textContent ?? '';
            if (text && seen[seen.length - 1] !== text) seen.push(text);
          };
          new MutationObserver(record).observe(document.body, { subtree: true, childList: true, characterData: true });
        });
        await dropFiles(page, BATCH);
        let label = '';
        const seen = () => page.evaluate(() => (window as unknown as { importLabels: string[] }).importLabels);
        await expect.poll(async () => (label = (await seen()).find(reached) ?? ''), { timeout: 120_000, interval: 10 }).not.toBe('');
        await screenshot(page, `import-closed-${moment.replace(/\W+/g, '-')}`);
        await page.close();

        const reopened = await context.newPage();
        const errors: string[] = [];
        reopened.on('pageerror', (error) => errors.push(error.message));
        await reopened.goto(inject('baseUrl'));
        await reopened.waitForSelector('.app-header');
        const after = await libraryDump(reopened);
        expect(brokenRows(after), `closed at “${label}”`).toEqual([]);
        // The old documents are all there, untouched; any new one is a file of the batch.
        for (const row of (before['documents'] ?? []) as Row[]) expect(after['documents']).toContainEqual(row);
        const added = fileNames(after).filter((name) => !fileNames(before).includes(name));
        for (const name of added) expect(BATCH.map((file) => file.name)).toContain(name);
        expect(errors).toEqual([]);
      } finally {
        await context.close();
      }
    });
  }
});
