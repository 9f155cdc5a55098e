import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { importFile } from '../import';
import type { ParsedDocument } from '../model';
import { foldForAlignment } from '../../text/fold';
import { fromT1Codes } from './lines';
import { decodePageItems, encodePageItems, type PageItem } from './page-items';
import { openPdf } from './pdfjs';
import { buildTestPdf, wrapText, type TestPage } from './test-pdf';

async function importPdf(bytes: Uint8Array): Promise<ParsedDocument> {
  const result = await importFile('paper.pdf', bytes);
  if (!result.ok) throw new Error(result.error);
  return result.value;
}

/** Each page's item strings, read again by pdf.js as the page view's text layer reads them (default options). */
async function viewItems(bytes: Uint8Array): Promise<string[][]> {
  const opened = await openPdf(bytes);
  if (!opened.ok) throw new Error(opened.detail);
  try {
    const pages: string[][] = [];
    for (let number = 1; number <= opened.pdf.numPages; number++) {
      const content = await (await opened.pdf.getPage(number)).getTextContent();
      pages.push(content.items.flatMap((item) => ('str' in item ? [item.str] : [])));
    }
    return pages;
  } finally {
    await opened.pdf.destroy();
  }
}

/**
 * Checks a document's map against the items pdf.js gives the view: every mapped item character
 * lands on the same character of the canonical text (as the import folds it), and every character
 * of the canonical text that is not whitespace is reached by some item. Returns the mapped share of item characters.
 */
async function checkMap(document: ParsedDocument, bytes: Uint8Array): Promise<number> {
  const { text } = document;
  const pages = await viewItems(bytes);
  expect(document.pageItems).toHaveLength(pages.length);
  const reached = new Uint8Array(text.length);
  let mapped = 0;
  let itemChars = 0;
  pages.forEach((strs, index) => {
    const items = decodePageItems(document.pageItems![index]!);
    expect(items.map((item) => item.length)).toEqual(strs.map((str) => str.length));
    items.forEach((item, at) => {
      const str = strs[at]!;
      itemChars += str.replace(/\s/g, '').length;
      for (const run of item.runs) {
        const source = [...str.slice(run.char, run.char + run.chars)].map((char) => fromT1Codes(char)).join('');
        const target = text.slice(run.start, run.start + run.length);
        expect([...source].map(foldForAlignment).join('')).toBe([...target].map(foldForAlignment).join(''));
        reached.fill(1, run.start, run.start + run.length);
        mapped += run.chars;
      }
    });
  });
  const unreached = [...text].flatMap((char, at) => (foldForAlignment(char) !== '' && !reached[at] ? [at] : []));
  expect(unreached.map((at) => text.slice(at - 10, at + 10))).toEqual([]);
  return mapped / itemChars;
}

describe('PDF page maps', () => {
  it('encodes and decodes runs, ligature codes spelled out included', () => {
    const items: PageItem[] = [
      { length: 12, top: 71.3, runs: [{ char: 0, chars: 5, start: 100, length: 5 }, { char: 5, chars: 1, start: 105, length: 2 }, { char: 7, chars: 5, start: 108, length: 5 }] },
      { length: 3, top: 0, runs: [] },
    ];
    expect(decodePageItems(encodePageItems(items))).toEqual(items);
    expect(() => decodePageItems([4, 0, 2, 0, 0])).toThrow();
  });

  it('maps the items of a page to the canonical text, skipping running heads, page numbers and broken-word hyphens', async () => {
    const words = 'scholars argue that the representation of argument in the post-Soviet academy changed the study of reading'.split(' ');
    const pages: TestPage[] = [1, 2, 3].map((number) => {
      const body = wrapText([...words, ...words, ...words], { x: 72, top: 700, width: 300 });
      return {
        runs: [
          { x: 72, y: 760, text: `Journal of Reading Studies 12(${number})`, size: 8 },
          ...body.runs,
          { x: 72, y: body.bottom - 14, text: 'the repre-' },
          { x: 72, y: body.bottom - 26, text: 'sentation ends here.' },
          { x: 300, y: 36, text: String(number + 100) },
        ],
      };
    });
    const bytes = buildTestPdf(pages);
    const document = await importPdf(bytes);
    expect(document.text).toContain('the representation ends here.');
    expect(document.text).not.toMatch(/Journal|101/);
    await checkMap(document, bytes);
    const page = decodePageItems(document.pageItems![0]!);
    const strs = (await viewItems(bytes))[0]!;
    // The running head and the page number map to nothing; the hyphen at the line's end neither.
    expect(page[strs.findIndex((str) => str.startsWith('Journal'))]!.runs).toEqual([]);
    expect(page[strs.indexOf('101')]!.runs).toEqual([]);
    const broken = page[strs.indexOf('the repre-')]!;
    // Its letters and the space between its words map; its hyphen does not.
    expect(broken.runs).toHaveLength(1);
    expect(broken.runs[0]).toMatchObject({ char: 0, chars: 'the repre'.length });
    expect(document.text.slice(broken.runs[0]!.start, broken.runs[0]!.start + broken.runs[0]!.length)).toBe('the repre');
    // Tops run down the page: the head above the body, the page number at the foot.
    expect(page[strs.indexOf('101')]!.top).toBeGreaterThan(page[0]!.top);
  });

  const vignettes = ['Formula/doc/Formula.pdf', 'strucchange/doc/strucchange-intro.pdf', 'xts/doc/xts.pdf'].map((path) => `/usr/lib/R/site-library/${path}`);
  it.skipIf(!vignettes.every((path) => existsSync(path)))(
    'maps every character of real typeset PDFs (R package vignettes) exactly',
    async () => {
      for (const path of vignettes) {
        const bytes = new Uint8Array(readFileSync(path));
        const document = await importPdf(bytes);
        expect(await checkMap(document, bytes)).toBeGreaterThan(0.98);
      }
    },
    120_000,
  );
});
