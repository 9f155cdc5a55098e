import type { Page } from 'playwright-core';
import { beforeEach, describe, expect, it } from 'vitest';
import { buildTestPdf, wrapText } from '../../app/documents/pdf/test-pdf';
import { screenshot } from './browser';
import { importFiles, useApp } from './fixtures';
import { bookEpub, essayDocx } from './sample-files';

const words = (text: string, times: number) => Array.from({ length: times }, () => text.split(' ')).flat();

function scholarlyPdf(): Uint8Array {
  const body = wrapText(words('Balagov frames the kidnapping as a test of the community and its closeness.', 12), { x: 72, top: 680, width: 460, size: 11 });
  return buildTestPdf(
    [{ runs: [{ x: 72, y: 730, text: 'Closeness and Community in the North Caucasus', size: 18 }, { x: 72, y: 705, text: 'Anna Petrova' }, ...body.runs] }],
    { info: { Title: 'Closeness and Community in the North Caucasus', Author: 'Anna Petrova' } },
  );
}

const hostileHtml = `<!doctype html><html><head><title>Festival notes | Film Weekly</title>
<meta property="og:site_name" content="Film Weekly"><meta name="citation_title" content="Festival Notes from Cannes">
<meta name="citation_author" content="Lee, Jordan"><meta http-equiv="refresh" content="0;url=https://example.com/">
<script>window.__pwned = 'script';</script></head><body>
<nav>Home | Reviews</nav><article><h1>Festival Notes from Cannes</h1>
<p>Closeness was the surprise of the festival. <img src="x" onerror="window.__pwned='onerror'"></p>
<p>Read <a href="javascript:window.__pwned='link'">this</a> and <a href="https://example.org/review">the review</a>.</p>
<iframe src="https://example.com/ad"></iframe><p>The debut won the FIPRESCI prize.</p></article>
<footer>Share on Facebook</footer></body></html>`;

/** One file of each format, and a PDF cut in half. */
function oneOfEachFormat(): { name: string; bytes: Uint8Array }[] {
  const pdf = scholarlyPdf();
  return [
    { name: 'petrova.pdf', bytes: pdf },
    { name: 'festival.html', bytes: new TextEncoder().encode(hostileHtml) },
    { name: 'essay.docx', bytes: essayDocx() },
    { name: 'caucasus.epub', bytes: bookEpub() },
    { name: 'broken.pdf', bytes: pdf.slice(0, Math.floor(pdf.length / 2)) },
  ];
}

const app = useApp();

describe('PDF, HTML, DOCX and EPUB in the app', () => {
  let page: Page;

  beforeEach(async () => {
    ({ page } = await app.open());
  });

  it('imports one file of each format, refuses a damaged PDF, and runs no script from a page', async () => {
    await importFiles(page, oneOfEachFormat(), 4);
    const formats = await page.locator('.library-row .col-format').allInnerTexts();
    expect(formats.sort()).toEqual(['DOCX', 'EPUB', 'HTML', 'PDF']);
    const titles = await page.locator('.library-row .doc-title').allInnerTexts();
    expect(titles).toEqual(expect.arrayContaining(['Closeness and Community in the North Caucasus', 'Festival Notes from Cannes', 'An Essay on Closeness', 'Cinema of the Caucasus']));
    await expect.poll(() => page.getByRole('alert').allInnerTexts()).toEqual([expect.stringContaining('“broken.pdf”')]);
    await screenshot(page, 'library-formats');

    await page.locator('.library-row', { hasText: 'Festival Notes from Cannes' }).click();
    const pane = page.locator('section.pane').first();
    await pane.locator('.doc-paragraph').first().waitFor();
    const text = await pane.locator('.pane-article').innerText();
    expect(text).toContain('The debut won the FIPRESCI prize.');
    expect(text).not.toContain('__pwned');
    expect(text).not.toContain('Home | Reviews');
    expect(await pane.locator('a[href^="javascript:"]').count()).toBe(0);
    expect(await pane.locator('iframe, script, img').count()).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: string }).__pwned)).toBeUndefined();
    expect(page.url()).not.toContain('example.com');
  });

  it('reads the PDF as paragraphs and keeps the DOCX footnote', async () => {
    await importFiles(page, [{ name: 'petrova.pdf', bytes: scholarlyPdf() }, { name: 'essay.docx', bytes: essayDocx() }], 2);
    await page.locator('.library-row', { hasText: 'Closeness and Community' }).click();
    const pane = page.locator('section.pane').first();
    await expect.poll(() => pane.locator('.reader-byline').innerText()).toContain('Petrova');
    const paragraphs = await pane.locator('.doc-paragraph').allInnerTexts();
    // The wrapped lines come back as one paragraph, not one block per line.
    expect(paragraphs.filter((p) => p.includes('Balagov frames the kidnapping'))).toHaveLength(1);
    expect(paragraphs.find((p) => p.includes('Balagov frames'))!.split('Balagov frames').length).toBe(13);
    await page.getByRole('button', { name: 'Library' }).click();
    await page.locator('.library-row', { hasText: 'An Essay on Closeness' }).click();
    await expect.poll(() => pane.locator('.pane-article').innerText()).toContain('See the FIPRESCI jury statement, 2017.');
    expect(await pane.locator('.pane-article').innerText()).toContain('Critics praised the debut[1]');
  });

  it('keeps the original bytes of the PDF, EPUB and DOCX for page views', async () => {
    // The page and its original are saved in one transaction: a listed document has its original.
    await importFiles(page, oneOfEachFormat(), 4);
    const kept = await page.evaluate(async () => {
      const open = indexedDB.open('lectern');
      const db = await new Promise<IDBDatabase>((resolve) => (open.onsuccess = () => resolve(open.result)));
      const request = db.transaction('originals').objectStore('originals').getAll();
      const rows = await new Promise<{ data: Blob }[]>((resolve) => (request.onsuccess = () => resolve(request.result as { data: Blob }[])));
      return Promise.all(rows.map(async (row) => new Uint8Array(await row.data.slice(0, 5).arrayBuffer()).join(',')));
    });
    expect(kept).toHaveLength(3);
    expect(kept).toContain([...new TextEncoder().encode('%PDF-')].join(','));
  });

  it('refuses a 200 MB text file with a message, keeping the window responsive and the library unchanged', async () => {
    const before = await page.locator('.library-row').count();
    await page.evaluate(() => {
      // Counts every read of a file over 64 MB on the page's own (UI) thread.
      const reads: string[] = [];
      const large = (blob: Blob) => blob.size > 64 * 1024 * 1024;
      for (const method of ['arrayBuffer', 'bytes', 'text', 'stream']) {
        const original = Object.getOwnPropertyDescriptor(Blob.prototype, method)?.value as ((this: Blob) => unknown) | undefined;
        if (!original) continue;
        Object.defineProperty(Blob.prototype, method, {
          configurable: true,
          value(this: Blob) {
            if (large(this)) reads.push(method);
            return original.call(this);
          },
        });
      }
      for (const method of ['readAsArrayBuffer', 'readAsBinaryString', 'readAsDataURL', 'readAsText']) {
        const original = Object.getOwnPropertyDescriptor(FileReader.prototype, method)!.value as (this: FileReader, blob: Blob, ...rest: unknown[]) => void;
        Object.defineProperty(FileReader.prototype, method, {
          configurable: true,
          value(this: FileReader, blob: Blob, ...rest: unknown[]) {
            if (large(blob)) reads.push(method);
            original.call(this, blob, ...rest);
          },
        });
      }
      (window as unknown as { __largeReads: string[] }).__largeReads = reads;

      const megabyte = new Uint8Array(1024 * 1024).fill(97);
      const huge = new File(Array.from({ length: 200 }, () => megabyte), 'lecture-transcripts.txt');
      const transfer = new DataTransfer();
      transfer.items.add(huge);
      window.dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true }));
    });
    // The window stays responsive: the drop handler hands the file to the import worker without
    // reading it, so straight after the drop the page answers and a click is handled, and no read
    // of the 200 MB ever happens on the UI thread (the worker refuses the file by its size).
    await page.getByRole('radio', { name: 'Dark' }).click();
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
    await expect.poll(() => page.getByRole('alert').allInnerTexts()).toContainEqual(expect.stringMatching(/“lecture-transcripts\.txt” is too large to import \(200 MB of text/));
    expect(await page.evaluate(() => (window as unknown as { __largeReads: string[] }).__largeReads)).toEqual([]);
    expect(await page.locator('.library-row').count()).toBe(before);
  });
});
