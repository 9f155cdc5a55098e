/**
 * Text extraction from an open PDF: every page's positioned text, through lines, running-head
 * removal and reading order, to blocks that remember their page.
 */
import type { PDFDocumentProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { BlockDraft } from '../assemble';
import { readingOrder, type LineChunk } from './columns';
import { fromT1Codes, groupLines, type PdfLine, type TextRun } from './lines';
import { bodySize, buildBlocks, measureBody, type BodyStyle } from './paragraphs';
import { removeRunningHeads } from './running-heads';

/** The text of a PDF, as blocks, plus what metadata extraction needs. */
export interface PdfText {
  drafts: BlockDraft[];
  /** Every page's lines in reading order, running heads removed. */
  lines: PdfLine[];
  body: BodyStyle;
}

/** Reads each page's text runs and groups them into lines. Throws on a page pdf.js cannot read. */
export async function readPageLines(pdf: PDFDocumentProxy): Promise<PdfLine[][]> {
  const pages: PdfLine[][] = [];
  for (let number = 1; number <= pdf.numPages; number++) {
    const page = await pdf.getPage(number);
    const content = await page.getTextContent();
    const runs: TextRun[] = [];
    for (const item of content.items) {
      if (!('str' in item) || item.str === '') continue;
      const [a = 0, b = 0, , d = 0, x = 0, y = 0] = item.transform as number[];
      // Rotated text (a margin stamp, a table's side label) is not part of the reading text;
      // slanted text (a shear, for a synthetic italic) is.
      if (!(a > 0) || Math.abs(b) > 0.1 * a) continue;
      runs.push({ x, y, width: item.width, size: Math.abs(d), text: fromT1Codes(item.str) });
    }
    page.cleanup();
    pages.push(groupLines(runs, number));
  }
  return pages;
}

/** Blocks from every page's lines, in reading order. */
export function extractText(pages: readonly PdfLine[][]): PdfText {
  const chunks: LineChunk[] = removeRunningHeads(pages, bodySize(pages)).flatMap((lines) => readingOrder(lines));
  const body = measureBody(chunks);
  return { drafts: buildBlocks(chunks, body), lines: chunks.flat(), body };
}
