import { describe, expect, it } from 'vitest';
import { importFile } from '../import';
import type { ParsedDocument } from '../model';
import { buildTestPdf, wrapText, type TestPage, type TestTextRun } from './test-pdf';

async function importPdf(bytes: Uint8Array, fileName = 'paper.pdf'): Promise<ParsedDocument> {
  const result = await importFile(fileName, bytes);
  if (!result.ok) throw new Error(result.error);
  return result.value;
}

function blockTexts(document: ParsedDocument): { kind: string; text: string; page?: number; level?: number }[] {
  return document.blocks.map((block) => ({
    kind: block.kind,
    text: document.text.slice(block.start, block.end),
    ...(block.page !== undefined ? { page: block.page } : {}),
    ...(block.level !== undefined ? { level: block.level } : {}),
  }));
}

const lines = (x: number, top: number, texts: readonly (readonly [number, string])[]): TestTextRun[] =>
  texts.map(([indent, text], i) => ({ x: x + indent, y: top - 12 * i, text }));

/** A two-column page under a title that crosses the gutter, with soft and real hyphens at line ends. */
const twoColumnPage: TestPage = {
  runs: [
    { x: 72, y: 740, text: 'Layout and the Scholarly Page', size: 18 },
    ...lines(72, 700, [
      [12, 'Scholars of reading have long argued that'],
      [0, 'textual layout shapes the repre-'],
      [0, 'sentation of argument in the post-'],
      [0, 'Soviet academy and beyond it.'],
      [12, 'A second paragraph begins with an indent'],
      [0, 'and runs on to the foot of the left column,'],
      [0, 'where it breaks off without an ending and'],
    ]),
    ...lines(320, 700, [
      [0, 'continues at the top of the right column as'],
      [0, 'the same paragraph, since nothing marks it.'],
      [12, 'The third paragraph is indented and short.'],
    ]),
  ],
};

describe('PDF import: text and reading order', () => {
  it('reads a two-column page column by column, joining lines and handling hyphens', async () => {
    const document = await importPdf(buildTestPdf([twoColumnPage]));
    expect(document.format).toBe('pdf');
    expect(blockTexts(document)).toEqual([
      { kind: 'heading', text: 'Layout and the Scholarly Page', level: 1, page: 1 },
      { kind: 'paragraph', text: 'Scholars of reading have long argued that textual layout shapes the representation of argument in the post-Soviet academy and beyond it.', page: 1 },
      {
        kind: 'paragraph',
        text: 'A second paragraph begins with an indent and runs on to the foot of the left column, where it breaks off without an ending and continues at the top of the right column as the same paragraph, since nothing marks it.',
        page: 1,
      },
      { kind: 'paragraph', text: 'The third paragraph is indented and short.', page: 1 },
    ]);
  });

  it('removes running headers, footers and page numbers, and joins paragraphs across pages', async () => {
    const filler = 'the argument goes on through the chapter with more words than a line can hold'.split(' ');
    const openers = ['First', 'Second', 'Third', 'Fourth', 'Fifth'];
    const pages: TestPage[] = openers.map((opener, index) => {
      const body = wrapText([opener, ...filler, ...filler, ...filler], { x: 72, top: 700, width: 460 });
      return {
        runs: [
          { x: 72, y: 760, text: `Journal of Reading Studies 12(${index + 1})`, size: 8 },
          { x: 480, y: 760, text: 'Smith and Li', size: 8 },
          ...body.runs,
          { x: 72, y: 50, text: 'Downloaded from the publisher on 3 May 2024', size: 8 },
          { x: 300, y: 36, text: String(index + 101) },
        ],
      };
    });
    const document = await importPdf(buildTestPdf(pages));
    expect(document.text).not.toMatch(/Journal of Reading|Smith and Li|Downloaded|10[1-5]/);
    // Each page's text runs on into the next page's, so it reads as one paragraph.
    expect(document.blocks).toHaveLength(1);
    expect(document.blocks[0]?.page).toBe(1);
    expect(document.text).toMatch(/^First the argument .* can hold Second the argument .* Fifth the argument .* can hold$/);
  });

  it('starts new blocks on the pages they begin on', async () => {
    const endings = ['the opening ends here.', 'the middle goes on a little longer.', 'and so the close comes.'];
    const pages: TestPage[] = endings.map((ending, index) => ({
      runs: [{ x: 72, y: 700, text: `Section ${index + 1}`, size: 14 }, ...wrapText(`Body of this section: ${ending}`.split(' '), { x: 72, top: 680, width: 400 }).runs],
    }));
    const document = await importPdf(buildTestPdf(pages));
    expect(blockTexts(document).map((block) => [block.kind, block.page])).toEqual([
      ['heading', 1],
      ['paragraph', 1],
      ['heading', 2],
      ['paragraph', 2],
      ['heading', 3],
      ['paragraph', 3],
    ]);
  });
});

describe('PDF import: metadata', () => {
  const page: TestPage = {
    runs: [
      { x: 72, y: 720, text: 'Margins of the Printed Page', size: 20 },
      { x: 72, y: 696, text: 'Ann Smith1 and Bo Li2', size: 12 },
      ...wrapText('Abstract. We study what readers see on a page and what they skip.'.split(' '), { x: 72, top: 660, width: 460 }).runs,
    ],
  };

  it('takes the title and authors from the info dictionary', async () => {
    const document = await importPdf(buildTestPdf([page], { info: { Title: 'Margins: A Study', Author: 'Smith, Ann; Bo Li' } }));
    expect(document.metadata.title).toBe('Margins: A Study');
    expect(document.metadata.author).toEqual([
      { family: 'Smith', given: 'Ann' },
      { family: 'Li', given: 'Bo' },
    ]);
    expect(document.provenance.titleIsFallback).toBe(false);
  });

  it('reads the first page when the info dictionary holds only junk', async () => {
    const junk = buildTestPdf([page], { info: { Title: 'Microsoft Word - margins_final.docx', Author: 'Administrator' } });
    const document = await importPdf(junk, 'margins.pdf');
    expect(document.metadata.title).toBe('Margins of the Printed Page');
    expect(document.metadata.author).toEqual([
      { family: 'Smith', given: 'Ann' },
      { family: 'Li', given: 'Bo' },
    ]);
    // The byline stays in the text as a paragraph, not a heading.
    expect(blockTexts(document)[1]).toEqual({ kind: 'paragraph', text: 'Ann Smith1 and Bo Li2', page: 1 });
  });

  it('ignores a title that is only the file name', async () => {
    const document = await importPdf(buildTestPdf([page], { info: { Title: 'margins' } }), 'margins.pdf');
    expect(document.metadata.title).toBe('Margins of the Printed Page');
  });
});
