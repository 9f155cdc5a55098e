import { readFileSync } from 'node:fs';
import { strToU8, zipSync } from 'fflate';
import type { Frame, Page } from 'playwright-core';
import { beforeEach, describe, expect, it } from 'vitest';
import { dropFiles, selectText } from './actions';
import { screenshot, SEEDS } from './browser';
import { useApp } from './fixtures';

const escapeXml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** Seed 001's review paragraphs, to lay out as a small book. */
function seedParagraphs(): string[] {
  const text = readFileSync(`${SEEDS}001_94063d3630a703df.txt`, 'utf8');
  return text
    .split(/\n\s*\n/)
    .map((p) => p.replace(/\s+/g, ' ').trim())
    .filter((p) => p.length > 200);
}

const chapter = (title: string, body: string, head = '') =>
  `<?xml version="1.0" encoding="UTF-8"?><!DOCTYPE html><html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops"><head><title>${title}</title><link rel="stylesheet" type="text/css" href="book.css"/>${head}</head><body>${body}</body></html>`;

/**
 * A three-chapter EPUB 3 book made of seed 001: a stylesheet, a table of contents, a footnote in a
 * notes chapter, and hostile content (a script, a script file, a frame) that must never run.
 */
function reviewBook(): Uint8Array {
  const paragraphs = seedParagraphs();
  const first = paragraphs.slice(0, 3).map((p) => `<p>${escapeXml(p)}</p>`).join('');
  const rest = paragraphs.slice(3).map((p) => `<p>${escapeXml(p)}</p>`).join('');
  const files = {
    mimetype: [strToU8('application/epub+zip'), { level: 0 }] as [Uint8Array, { level: 0 }],
    'META-INF/container.xml': strToU8(
      '<?xml version="1.0"?><container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container"><rootfiles><rootfile full-path="OEBPS/content.opf" media-type="application/oebps-package+xml"/></rootfiles></container>',
    ),
    'OEBPS/content.opf': strToU8(
      `<?xml version="1.0" encoding="UTF-8"?><package xmlns="http://www.idpf.org/2007/opf" version="3.0" unique-identifier="uid"><metadata xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:identifier id="uid">urn:lectern:test:closeness</dc:identifier><dc:title>Closeness: A Review in Three Parts</dc:title><dc:creator>Daria Ezerova</dc:creator><dc:date>2018</dc:date><dc:language>en</dc:language></metadata>
      <manifest><item id="nav" href="nav.xhtml" media-type="application/xhtml+xml" properties="nav"/><item id="css" href="book.css" media-type="text/css"/><item id="js" href="evil.js" media-type="application/javascript"/>
      <item id="c1" href="c1.xhtml" media-type="application/xhtml+xml"/><item id="c2" href="c2.xhtml" media-type="application/xhtml+xml"/><item id="notes" href="notes.xhtml" media-type="application/xhtml+xml"/></manifest>
      <spine><itemref idref="c1"/><itemref idref="c2"/><itemref idref="notes"/></spine></package>`,
    ),
    'OEBPS/nav.xhtml': strToU8(
      chapter('Contents', '<nav epub:type="toc"><ol><li><a href="c1.xhtml">Women Are the Heroes</a></li><li><a href="c2.xhtml">The Film</a></li><li><a href="notes.xhtml">Notes</a></li></ol></nav>'),
    ),
    'OEBPS/book.css': strToU8('body { font-family: serif; line-height: 1.5; } h1 { color: rgb(150, 20, 20); } p { text-indent: 1.5em; margin: 0; }'),
    'OEBPS/evil.js': strToU8('parent.__pwned = "file"; window.__pwned = "file";'),
    'OEBPS/c1.xhtml': strToU8(
      chapter(
        'Women Are the Heroes',
        `<h1>Women Are the Heroes of Our Time</h1>${first}<p>On the festival<a epub:type="noteref" href="notes.xhtml#n1" id="r1">1</a> circuit the film travelled far.</p><iframe src="https://example.com/ad">FRAME</iframe>`,
        '<script>parent.__pwned = "inline"; window.__pwned = "inline";</script><script src="evil.js"></script>',
      ),
    ),
    'OEBPS/c2.xhtml': strToU8(chapter('The Film', `<h1>The Film</h1>${rest}`)),
    'OEBPS/notes.xhtml': strToU8(chapter('Notes', '<h1>Notes</h1><aside epub:type="footnote" id="n1"><p>Cannes, Un Certain Regard, 2017.</p></aside>')),
  };
  return zipSync(files);
}

/** The frame showing the current chapter (foliate keeps one, in a closed shadow root; frames are still in the page's frame tree). */
async function chapterFrame(page: Page, containing: string): Promise<Frame> {
  let found: Frame | undefined;
  await expect
    .poll(async () => {
      for (const frame of page.frames()) {
        if (!frame.url().startsWith('blob:')) continue;
        const text = await frame.evaluate(() => document.body?.textContent ?? '').catch(() => '');
        if (text.includes(containing)) {
          found = frame;
          return true;
        }
      }
      return false;
    }, { timeout: 15_000 })
    .toBe(true);
  return found!;
}

/** The text of each range Lectern drew in a chapter, by highlight name. */
function drawnHighlights(frame: Frame): Promise<Record<string, string[]>> {
  return frame.evaluate(() => {
    const drawn: Record<string, string[]> = {};
    CSS.highlights.forEach((highlight, name) => {
      drawn[name] = [...highlight].map((range) => String(range as Range));
    });
    return drawn;
  });
}

const app = useApp();

describe('EPUB page view', () => {
  let page: Page;
  const quote = 'Such was Dmitrii Bykov’s poetic response';
  const pane = () => page.locator('section.pane').first();

  beforeEach(async () => {
    ({ page } = await app.open());
    await dropFiles(page, [{ name: 'closeness-review.epub', bytes: reviewBook() }]);
    await page.locator('.library-row', { hasText: 'Closeness: A Review in Three Parts' }).click();
  });

  /** Switches the open book to its page view and waits for its first chapter. */
  async function showPages(): Promise<Frame> {
    await pane().getByRole('button', { name: 'Page view' }).click();
    return chapterFrame(page, 'Women Are the Heroes of Our Time');
  }

  /** Selects the quote on its page, highlights it green and waits until the sidebar lists it. */
  async function highlightQuoteOnPage(): Promise<Frame> {
    const frame = await chapterFrame(page, quote);
    await selectText(frame.locator('body'), 'body', quote);
    await pane().getByRole('button', { name: 'Highlight green' }).click();
    await expect.poll(() => pane().locator('.highlight-card').first().innerText()).toContain(quote);
    return frame;
  }

  it('lays out the book with foliate-js, styled by its own stylesheet, with a page counter and chapters', async () => {
    const frame = await showPages();
    expect(await frame.evaluate(() => getComputedStyle(document.querySelector('h1')!).color)).toBe('rgb(150, 20, 20)');
    await expect.poll(() => pane().locator('.epub-page-counter').innerText()).toMatch(/^Page 1 of \d+ · section 1 of 3$/);
    expect(await pane().getByRole('combobox', { name: 'Chapter' }).locator('option').allInnerTexts()).toEqual(['Women Are the Heroes', 'The Film', 'Notes']);
    await screenshot(page, 'epub-page-view');
  });

  it('runs none of the book’s scripts and shows none of its frames', async () => {
    const frame = await showPages();
    expect(await frame.evaluate(() => document.querySelectorAll('script, iframe').length)).toBe(0);
    expect(await frame.evaluate(() => (window as unknown as { __pwned?: string }).__pwned)).toBeUndefined();
    expect(await page.evaluate(() => (window as unknown as { __pwned?: string }).__pwned)).toBeUndefined();
    expect(await frame.evaluate(() => document.body.textContent)).not.toContain('FRAME');
  });

  it('turns pages with the arrow keys and the buttons', async () => {
    await showPages();
    const counter = pane().locator('.epub-page-counter');
    await expect.poll(() => counter.innerText()).toContain('Page 1 of');
    await pane().getByRole('button', { name: 'Next page' }).click();
    await expect.poll(() => counter.innerText()).toMatch(/^Page 2 of|section 2 of 3$/);
    await pane().getByRole('button', { name: 'Previous page' }).click();
    await expect.poll(() => counter.innerText()).toMatch(/^Page 1 of \d+ · section 1 of 3$/);
    await pane().locator('.epub-pages').focus();
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => counter.innerText()).not.toMatch(/^Page 1 of \d+ · section 1 of 3$/);
    await page.keyboard.press('ArrowLeft');
    await expect.poll(() => counter.innerText()).toMatch(/^Page 1 of \d+ · section 1 of 3$/);
  });

  it('makes a highlight from text selected on a page, draws it there and lists it in the sidebar', async () => {
    await showPages();
    const frame = await highlightQuoteOnPage();
    await expect.poll(() => drawnHighlights(frame)).toMatchObject({ 'lectern-green': [quote] });
    await screenshot(page, 'epub-page-view-highlight');
  });

  it('shows the highlight in the text view too, and again on the pages after a reload', async () => {
    await showPages();
    await highlightQuoteOnPage();
    await pane().getByRole('button', { name: 'Text view' }).click();
    await expect.poll(() => pane().locator('.pane-article .hl-green').first().innerText()).toBe(quote);
    await page.reload();
    await pane().getByRole('button', { name: 'Page view' }).click();
    const frame = await chapterFrame(page, quote);
    await expect.poll(() => drawnHighlights(frame), { timeout: 15_000 }).toMatchObject({ 'lectern-green': [quote] });
  });

  it('follows a note marker to the note, in its own chapter', async () => {
    await showPages();
    const frame = await chapterFrame(page, 'circuit the film travelled far');
    // Clicked after the evaluation returns: following the link replaces this frame.
    await frame.evaluate(() => void setTimeout(() => document.querySelector<HTMLAnchorElement>('a[href*="n1"]')!.click(), 0));
    await expect.poll(() => pane().locator('.epub-page-counter').innerText()).toMatch(/section 3 of 3$/);
    await chapterFrame(page, 'Cannes, Un Certain Regard, 2017.');
  });

  it('follows the dark theme on its pages', async () => {
    await showPages();
    await pane().getByRole('combobox', { name: 'Chapter' }).selectOption({ label: 'Notes' });
    await chapterFrame(page, 'Cannes, Un Certain Regard, 2017.');
    await page.getByRole('radio', { name: 'Dark' }).click();
    const frame = await chapterFrame(page, 'Cannes, Un Certain Regard, 2017.');
    await expect.poll(() => frame.evaluate(() => getComputedStyle(document.documentElement).color)).toBe('rgb(228, 228, 231)');
    await pane().getByRole('combobox', { name: 'Chapter' }).selectOption({ label: 'Women Are the Heroes' });
    await chapterFrame(page, 'Women Are the Heroes of Our Time');
    await screenshot(page, 'epub-page-view-dark');
  });
});
