// PDF import (pdf.js text, lines, columns, running heads, paragraphs, metadata, SHA-256) against
// the least any PDF importer must do: pdf.js's getTextContent over every page of the same
// document, opened the same way, measured in the same run.
import { importFile } from '../app/documents/import';
import { openPdf } from '../app/documents/pdf/pdfjs';
import { buildTestPdf, wrapText, type TestPage, type TestTextRun } from '../app/documents/pdf/test-pdf';
import { sized, time, writeResult } from './harness';

const PAGES = sized(300, 5);
const WORDS_PER_PAGE = 400;
const vocabulary = (
  'the reader of a scholarly article moves between its argument and the works it cites while the page ' +
  'itself sets columns notes headers and numbers around a text that must be read in order every claim ' +
  'rests on evidence gathered from archives interviews and earlier studies which the author weighs'
).split(' ');

let seed = 7;
function nextWord(): string {
  seed = (seed * 1103515245 + 12345) % 2147483648;
  return vocabulary[seed % vocabulary.length]!;
}

/** One column of paragraphs of about `count` words, each paragraph's first line indented. */
function column(x: number, count: number): TestTextRun[] {
  const runs: TestTextRun[] = [];
  let top = 700;
  for (let left = count; left > 0; ) {
    const size = Math.min(left, 60 + (seed % 40));
    const words = Array.from({ length: size }, nextWord);
    const set = wrapText(words, { x, top, width: 225, indent: 12 });
    runs.push(...set.runs);
    top = set.bottom - 12;
    left -= size;
  }
  return runs;
}

const pages: TestPage[] = Array.from({ length: PAGES }, (_, index) => ({
  runs: [
    { x: 72, y: 760, text: `Journal of Reading Studies, vol. 12 (${2000 + (index % 20)})`, size: 8 },
    ...column(72, WORDS_PER_PAGE / 2),
    ...column(315, WORDS_PER_PAGE / 2),
    { x: 300, y: 36, text: String(index + 1) },
  ],
}));
const bytes = buildTestPdf(pages, { info: { Title: 'Reading Across Columns', Author: 'Ann Smith' } });

const baseline = await time(async () => {
  const opened = await openPdf(bytes);
  if (!opened.ok) throw new Error(opened.detail);
  for (let number = 1; number <= opened.pdf.numPages; number++) {
    const page = await opened.pdf.getPage(number);
    await page.getTextContent();
    page.cleanup();
  }
  await opened.pdf.destroy();
}, 7, 2);
let blocks = 0;
const lectern = await time(async () => {
  const result = await importFile('bench.pdf', bytes);
  if (!result.ok) throw new Error(result.error);
  blocks = result.value.blocks.length;
}, 7, 2);

writeResult('pdf-import', {
  input: { bytes: bytes.byteLength, pages: PAGES, wordsPerPage: WORDS_PER_PAGE, blocks, description: 'generated: two columns, running header, page numbers' },
  baseline: { what: 'pdf.js getDocument + getTextContent on every page', medianMs: baseline.medianMs },
  lectern: { what: 'importFile: pdf.js text, layout, paragraphs, metadata, SHA-256', medianMs: lectern.medianMs },
  ratio: Math.round((lectern.medianMs / baseline.medianMs) * 100) / 100,
});
