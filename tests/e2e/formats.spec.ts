import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { buildDocx, coreXml, footnote, footnoteRef, para, run } from '../../app/documents/docx/docx-fixture';
import { buildEpub } from '../../app/documents/epub/epub-fixture';
import { buildTestPdf, wrapText } from '../../app/documents/pdf/test-pdf';
import { launch, openApp, screenshot } from './browser';
import { dropFiles } from './actions';

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

function essayDocx(): Uint8Array {
  return buildDocx({
    body: para('An Essay on Closeness', 'Heading1') + `<w:p>${run('Critics praised the debut')}${footnoteRef(1)}${run(' for its long takes.')}</w:p>`,
    footnotes: footnote(1, 'See the FIPRESCI jury statement, 2017.'),
    coreXml: coreXml('An Essay on Closeness', 'Maria Ivanova', '2019-04-02T00:00:00Z'),
  });
}

function bookEpub(): Uint8Array {
  return buildEpub({
    metadata: '<dc:title>Cinema of the Caucasus</dc:title><dc:creator>Ruslan Khatuev</dc:creator><dc:date>2020</dc:date>',
    chapters: [{ file: 'ch1.xhtml', body: '<h1>Nalchik on Screen</h1><p>The city appears in Closeness as a place of limited options.</p>' }],
  });
}

describe('PDF, HTML, DOCX and EPUB in the app', () => {
  let browser: Browser;
  let page: Page;
  let errors: string[];

  beforeAll(async () => {
    browser = await launch();
    ({ page, errors } = await openApp(browser, inject('baseUrl')));
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('imports one file of each format, refuses a damaged PDF, and runs no script from a page', async () => {
    const pdf = scholarlyPdf();
    await dropFiles(page, [
      { name: 'petrova.pdf', bytes: pdf },
      { name: 'festival.html', bytes: new TextEncoder().encode(hostileHtml) },
      { name: 'essay.docx', bytes: essayDocx() },
      { name: 'caucasus.epub', bytes: bookEpub() },
      { name: 'broken.pdf', bytes: pdf.slice(0, Math.floor(pdf.length / 2)) },
    ]);
    await expect.poll(() => page.locator('.library-row').count(), { timeout: 30_000 }).toBe(4);
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
    await page.getByRole('button', { name: 'Library' }).click();
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
    await page.getByRole('button', { name: 'Library' }).click();
    const before = await page.locator('.library-row').count();
    const frameDelay = await page.evaluate(async () => {
      const megabyte = new Uint8Array(1024 * 1024).fill(97);
      const huge = new File(Array.from({ length: 200 }, () => megabyte), 'lecture-transcripts.txt');
      const transfer = new DataTransfer();
      transfer.items.add(huge);
      window.dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true }));
      const start = performance.now();
      return new Promise<number>((resolve) => requestAnimationFrame(() => resolve(performance.now() - start)));
    });
    expect(frameDelay).toBeLessThan(500);
    await expect.poll(() => page.getByRole('alert').allInnerTexts()).toContainEqual(expect.stringMatching(/“lecture-transcripts\.txt” is too large to import \(200 MB/));
    expect(await page.locator('.library-row').count()).toBe(before);
  });

  it('ran without page errors', () => {
    expect(errors).toEqual([]);
  });
});
