/**
 * Text extraction from an open PDF: every page's positioned text, through lines, running-head
 * removal and reading order, to blocks that remember their page.
 */
import type { PDFDocumentProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { BlockDraft } from '../assemble';
import { readingOrder, type LineChunk } from './columns';
import type { PageItemSource } from './item-offsets';
import { fromT1Codes, groupLines, type PdfLine, type TextRun } from './lines';
import { bodySize, buildBlocks, measureBody, type BodyStyle } from './paragraphs';
import type { Clock } from './pdf-limits';
import type { PdfRef } from './pdf-syntax';
import { removeRunningHeads } from './running-heads';

/** The text of a PDF, as blocks, plus what metadata extraction needs. */
export interface PdfText {
  drafts: BlockDraft[];
  /** Every page's lines in reading order, running heads removed. */
  lines: PdfLine[];
  body: BodyStyle;
}

/** A bound the import passed while reading pages. */
export class PdfLimitError extends Error {
  constructor(readonly limit: 'time' | 'text') {
    super(`PDF ${limit} limit reached`);
  }
}

/** Pages are not those the balanced page tree listed: the file is read again as it was. */
export class PageOrderError extends Error {}

/** How long and how much page reading may take, and the page objects expected in order (after balancing). */
export interface PageBudget {
  deadline: number;
  now: Clock;
  maxTextChars: number;
  expected?: readonly PdfRef[];
}

/** Every page's lines, and its text items for the page maps. */
export interface PageLines {
  pages: PdfLine[][];
  items: PageItemSource[];
}

/**
 * Reads each page's text runs and groups them into lines. Throws on a page pdf.js cannot read, and
 * on a passed limit. getTextContent is called with its default options, as the page view's text
 * layer calls it (streamTextContent), so item indexes are the same on both sides.
 */
export async function readPageLines(pdf: PDFDocumentProxy, budget: PageBudget): Promise<PageLines> {
  const pages: PdfLine[][] = [];
  const items: PageItemSource[] = [];
  let characters = 0;
  for (let number = 1; number <= pdf.numPages; number++) {
    if (budget.now() > budget.deadline) throw new PdfLimitError('time');
    const page = await pdf.getPage(number);
    const expected = budget.expected?.[number - 1];
    if (budget.expected && (!expected || page.ref?.num !== expected.num || page.ref.gen !== expected.gen)) throw new PageOrderError();
    const content = await withDeadline(page.getTextContent(), budget);
    const runs: TextRun[] = [];
    const source: PageItemSource = { strs: [], tops: [] };
    const viewport = page.getViewport({ scale: 1 });
    for (const item of content.items) {
      if (!('str' in item)) continue;
      const index = source.strs.push(item.str) - 1;
      const [a = 0, b = 0, , d = 0, x = 0, y = 0] = item.transform as number[];
      const [, baseline = 0] = viewport.convertToViewportPoint(x, y) as number[];
      // The item's height is its font size in user space: the line's top is that far above the baseline.
      source.tops.push(Math.max(0, baseline - (item.height || Math.abs(d))));
      if (item.str === '') continue;
      // Rotated text (a margin stamp, a table's side label) is not part of the reading text;
      // slanted text (a shear, for a synthetic italic) is.
      if (!(a > 0) || Math.abs(b) > 0.1 * a) continue;
      runs.push({ x, y, width: item.width, size: Math.abs(d), text: fromT1Codes(item.str), item: index });
      characters += item.str.length;
    }
    if (characters > budget.maxTextChars) throw new PdfLimitError('text');
    page.cleanup();
    pages.push(groupLines(runs, number));
    items.push(source);
  }
  return { pages, items };
}

/** The promise, or a PdfLimitError once the deadline passes (pdf.js yields while it works, so the timer can fire). */
async function withDeadline<T>(work: Promise<T>, budget: PageBudget): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new PdfLimitError('time')), Math.max(0, budget.deadline - budget.now()));
  });
  try {
    return await Promise.race([work, late]);
  } finally {
    clearTimeout(timer);
  }
}

/** Blocks from every page's lines, in reading order. */
export function extractText(pages: readonly PdfLine[][]): PdfText {
  const chunks: LineChunk[] = removeRunningHeads(pages, bodySize(pages)).flatMap((lines) => readingOrder(lines));
  const body = measureBody(chunks);
  return { drafts: buildBlocks(chunks, body), lines: chunks.flat(), body };
}
