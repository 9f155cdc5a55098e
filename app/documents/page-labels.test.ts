import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { quoteCitation } from '../citations/quote-citation';
import { importFile } from './import';
import type { Block } from './model';
import { MAX_PAGE_LABEL_LENGTH, pageAtOffset, pageOfLabel, passageLocator, printedPage, sanitizePageLabels } from './page-labels';
import { encodePageItems } from './pdf/page-items';
import { pageLabelsOf, pageMapOf } from './pdf/pdf-importer';
import { buildTestPdf } from './pdf/test-pdf';

/** Three pages: [0, 40) on page 1, [42, 90) on 2, [92, 130) on 3; the "\n\n" between blocks on none. */
const blocks: Block[] = [
  { kind: 'heading', start: 0, end: 40, page: 1 },
  { kind: 'paragraph', start: 42, end: 130, page: 2 },
];

/** A page map where block 2 runs over from page 2 onto page 3 at offset 92, and offsets 90-91 are dropped. */
const pageMap = [
  encodePageItems([{ length: 40, top: 10, runs: [{ char: 0, chars: 40, start: 0, length: 40 }] }]),
  encodePageItems([
    { length: 30, top: 10, runs: [{ char: 0, chars: 30, start: 42, length: 30 }] },
    { length: 18, top: 20, runs: [{ char: 0, chars: 17, start: 72, length: 17 }, { char: 17, chars: 1, start: 89, length: 1 }] },
  ]),
  encodePageItems([{ length: 38, top: 10, runs: [{ char: 0, chars: 38, start: 92, length: 38 }] }]),
];

const roman = ['i', 'ii', '1'];

describe('printedPage', () => {
  it('gives the label printed on the page, roman or arabic', () => {
    expect(printedPage(roman, 1)).toBe('i');
    expect(printedPage(roman, 2)).toBe('ii');
    expect(printedPage(roman, 3)).toBe('1');
  });

  it('gives the page number without labels, past their end, or for an empty label', () => {
    expect(printedPage(null, 4)).toBe('4');
    expect(printedPage(undefined, 12)).toBe('12');
    expect(printedPage(roman, 7)).toBe('7');
    expect(printedPage(['', 'ii'], 1)).toBe('1');
  });
});

describe('pageOfLabel', () => {
  const labels = ['i', 'i', 'ii', 'iii', '1', '2', '12'];
  it('finds the first page printed with a typed label, in any case', () => {
    expect(pageOfLabel(labels, 'ii', 7)).toBe(3);
    expect(pageOfLabel(labels, 'III', 7)).toBe(4);
    expect(pageOfLabel(labels, ' 1 ', 7)).toBe(5);
    expect(pageOfLabel(labels, '12', 7)).toBe(7);
  });

  it('takes a number no label matches as a page number, within the document', () => {
    expect(pageOfLabel(labels, '6', 7)).toBe(6);
    expect(pageOfLabel(null, '3', 7)).toBe(3);
    expect(pageOfLabel(null, '8', 7)).toBeNull();
    expect(pageOfLabel(null, '0', 7)).toBeNull();
    expect(pageOfLabel(labels, 'xii', 7)).toBeNull();
    expect(pageOfLabel(labels, '', 7)).toBeNull();
  });
});

describe('pageAtOffset', () => {
  it('finds the page through the page map, across a page break inside a block', () => {
    expect(pageAtOffset(pageMap, blocks, 0)).toBe(1);
    expect(pageAtOffset(pageMap, blocks, 39)).toBe(1);
    expect(pageAtOffset(pageMap, blocks, 42)).toBe(2);
    expect(pageAtOffset(pageMap, blocks, 89)).toBe(2);
    expect(pageAtOffset(pageMap, blocks, 92)).toBe(3);
    expect(pageAtOffset(pageMap, blocks, 129)).toBe(3);
  });

  it('places a character no page shows on the page of the next one shown', () => {
    expect(pageAtOffset(pageMap, blocks, 40)).toBe(2);
    expect(pageAtOffset(pageMap, blocks, 90)).toBe(3);
  });

  it("falls back to the block's page without a map, past the map's end, or with a broken map", () => {
    expect(pageAtOffset(undefined, blocks, 100)).toBe(2);
    expect(pageAtOffset(pageMap, blocks, 500)).toBe(2);
    expect(pageAtOffset([[5, 0, 2, 0]], blocks, 10)).toBe(1);
    expect(pageAtOffset(undefined, [{ kind: 'paragraph', start: 0, end: 10 }], 3)).toBeNull();
  });
});

describe('passageLocator', () => {
  const pdf = { format: 'pdf' as const, blocks, pageMap, pageLabels: roman };

  it('cites a PDF passage by the printed label of its page, never a paragraph', () => {
    expect(passageLocator(pdf, 10)).toEqual({ label: 'page', value: 'i' });
    expect(passageLocator(pdf, 95)).toEqual({ label: 'page', value: '1' });
    expect(passageLocator({ ...pdf, pageMap: undefined }, 95)).toEqual({ label: 'page', value: 'ii' });
  });

  it("takes the page a caller knows (a highlight's PageSelector) over the offset's", () => {
    expect(passageLocator(pdf, 10, 2)).toEqual({ label: 'page', value: 'ii' });
  });

  it('cites an unlabelled PDF by page number', () => {
    expect(passageLocator({ ...pdf, pageLabels: null }, 95)).toEqual({ label: 'page', value: '3' });
    expect(quoteCitation({ author: [{ family: 'Hothorn' }], issued: { 'date-parts': [[2021]] } }, passageLocator(pdf, 95))).toBe('(Hothorn 2021, p. 1)');
  });

  it('cites other formats by paragraph', () => {
    const text: Block[] = [
      { kind: 'heading', start: 0, end: 5 },
      { kind: 'paragraph', start: 7, end: 20 },
      { kind: 'paragraph', start: 22, end: 40 },
    ];
    expect(passageLocator({ format: 'md', blocks: text }, 25)).toEqual({ label: 'paragraph', value: 2 });
    expect(passageLocator({ format: 'html', blocks: text, pageLabels: roman }, 8)).toEqual({ label: 'paragraph', value: 1 });
  });
});

describe('sanitizePageLabels', () => {
  it('keeps a sane array, one label per page', () => {
    expect(sanitizePageLabels(['i', 'ii', '1'], 3)).toEqual(['i', 'ii', '1']);
  });

  it('drops what is not one label per page, and labels that only repeat the page numbers', () => {
    expect(sanitizePageLabels(null, 3)).toBeNull();
    expect(sanitizePageLabels('i', 1)).toBeNull();
    expect(sanitizePageLabels({ length: 2, 0: 'i', 1: 'ii' }, 2)).toBeNull();
    expect(sanitizePageLabels(['i', 'ii'], 3)).toBeNull();
    expect(sanitizePageLabels(['1', '2', '3'], 3)).toBeNull();
  });

  it('replaces a hostile label by the page number and keeps the rest', () => {
    const long = 'x'.repeat(MAX_PAGE_LABEL_LENGTH + 1);
    expect(sanitizePageLabels(['i', long, 7, '', ' A-\u00073 '], 5)).toEqual(['i', '2', '3', '4', 'A-3']);
  });
});

// Real vignettes of 24 and 179 pages: a busy machine may take a while to read them.
describe('PDF import: printed page labels', { timeout: 60_000 }, () => {
  const bytesOf = (file: string) => new Uint8Array(readFileSync(new URL(`../../tests/e2e/files/${file}`, import.meta.url)));
  async function labelsOf(file: string): Promise<string[] | undefined> {
    const bytes = bytesOf(file);
    const result = await importFile(file, bytes);
    if (!result.ok) throw new Error(result.error);
    return result.value.pageLabels;
  }

  it('reads roman front matter then arabic pages (libcoin vignette)', async () => {
    const labels = await labelsOf('libcoin--libcoin.pdf');
    expect(labels?.slice(0, 6)).toEqual(['i', 'i', 'ii', '1', '2', '3']);
    expect(labels).toHaveLength(179);
  });

  it('reads labels that restart (multcomp vignette)', async () => {
    const labels = await labelsOf('multcomp--generalsiminf.pdf');
    expect(labels?.slice(0, 4)).toEqual(['1', '0', '1', '2']);
    expect(labels).toHaveLength(24);
  });

  it('reads the labels of a PDF kept from before labels were read, with or without its page map', async () => {
    const bytes = bytesOf('multcomp--generalsiminf.pdf');
    expect((await pageLabelsOf(bytes))?.slice(0, 4)).toEqual(['1', '0', '1', '2']);
    const imported = await importFile('multcomp.pdf', bytes);
    if (!imported.ok) throw new Error(imported.error);
    const map = await pageMapOf(bytes, imported.value.text);
    expect(map.ok && map.value.labels).toEqual(imported.value.pageLabels);
    expect(map.ok && map.value.pages).toEqual(imported.value.pageItems);
  });

  it('keeps the sane labels of a PDF whose /PageLabels holds an overlong one', async () => {
    const page = (n: number) => ({ runs: [{ x: 72, y: 700, text: `Page ${n} holds a line of ordinary words.` }] });
    const long = 'x'.repeat(MAX_PAGE_LABEL_LENGTH + 36);
    const catalog = `/PageLabels << /Nums [0 << /S /r >> 2 << /P (${long}) >> 3 << /S /D /St 7 >> 4 << /S /A /P (App. ) >>] >>`;
    const imported = await importFile('labelled.pdf', buildTestPdf([1, 2, 3, 4, 5].map(page), { catalog }));
    if (!imported.ok) throw new Error(imported.error);
    expect(imported.value.pageLabels).toEqual(['i', 'ii', '3', '7', 'App. A']);
  });

  it('gives no labels for a PDF that states none, or bytes that are no PDF', async () => {
    const plain = buildTestPdf([{ runs: [{ x: 72, y: 700, text: 'A page without a printed label.' }] }]);
    const imported = await importFile('plain.pdf', plain);
    expect(imported.ok && imported.value.pageLabels).toBeUndefined();
    expect(await pageLabelsOf(plain)).toBeNull();
    expect(await pageLabelsOf(new TextEncoder().encode('not a pdf at all'))).toBeNull();
  });
});
