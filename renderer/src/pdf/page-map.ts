/**
 * Between the canonical text's offsets and a PDF's pages. Blocks know the page they start on;
 * a passage can sit on that page or, when its block runs over a page break, on a later one. The
 * exact place on a page is then found by matching text (see text-fold.ts), since the page's text
 * layer keeps running heads, page numbers and line breaks that the canonical text dropped.
 */
import { blockIndexAt } from '../../../app/documents/locator';
import type { Block } from '../../../app/documents/model';
import { contextScore, findWithContext, foldOnly, foldText, longestPrefix, longestSuffix, occurrences, sourceRange, type FoldedRange } from './text-fold';

/** The page (from 1) the text at `offset` is printed on or after; null without page numbers. */
export function pageAt(blocks: readonly Block[], offset: number): number | null {
  const found = blockIndexAt(blocks, offset);
  for (let index = Math.max(found, 0); index >= 0; index--) {
    const page = blocks[index]?.page;
    if (page !== undefined) return page;
  }
  return blocks.find((block) => block.page !== undefined)?.page ?? null;
}

/** Pages that may hold [start, end): from the first block's page to one past the last's (its block may run on). */
export function candidatePages(blocks: readonly Block[], start: number, end: number, pageCount: number): number[] {
  const first = pageAt(blocks, start);
  const last = pageAt(blocks, Math.max(start, end - 1));
  if (first === null || last === null) return [];
  const pages: number[] = [];
  for (let page = Math.max(1, first); page <= Math.min(pageCount, last + 1); page++) pages.push(page);
  return pages;
}

/** The canonical text that pages [first, last] may hold, widened by a page either side for safety. */
export function pageRegion(blocks: readonly Block[], textLength: number, first: number, last: number): { start: number; end: number } {
  let start = Infinity;
  let end = -Infinity;
  for (const block of blocks) {
    if (block.page === undefined || block.page < first - 1 || block.page > last + 1) continue;
    start = Math.min(start, block.start);
    end = Math.max(end, block.end);
  }
  return start < end ? { start, end } : { start: 0, end: textLength };
}

/** A stretch of one page's folded text that a highlight covers. */
export interface PageSpan extends FoldedRange {
  page: number;
}

/** A page's text, folded. */
export interface FoldedPage {
  page: number;
  folded: string;
}

/**
 * Where the folded `quote` lies on `pages` (consecutive candidates, folded): one span when a page
 * holds all of it (the best fit to `before`/`after` wins), two when a page break cuts it, none
 * when it cannot be found.
 */
export function placeQuote(quote: string, before: string, after: string, pages: readonly FoldedPage[]): PageSpan[] {
  if (quote === '') return [];
  let best: PageSpan | null = null;
  let bestScore = -1;
  for (const { page, folded } of pages) {
    const range = findWithContext(folded, quote, before, after);
    if (!range) continue;
    const score = contextScore(folded, range.start, range.end, before, after);
    if (score > bestScore) [best, bestScore] = [{ page, ...range }, score];
  }
  if (best) return [best];
  for (let index = 0; index + 1 < pages.length; index++) {
    const [a, b] = [pages[index]!, pages[index + 1]!];
    if (b.page !== a.page + 1) continue;
    const head = longestPrefix(a.folded, quote, 1);
    if (head) {
      const tail = findWithContext(b.folded, quote.slice(head.end - head.start), '', after);
      if (tail) return [{ page: a.page, ...head }, { page: b.page, ...tail }];
    }
    const tail = longestSuffix(b.folded, quote, 1);
    if (tail) {
      const rest = findWithContext(a.folded, quote.slice(0, quote.length - (tail.end - tail.start)), before, '');
      if (rest) return [{ page: a.page, ...rest }, { page: b.page, ...tail }];
    }
  }
  return [];
}

/**
 * Maps text selected on the page view back to canonical offsets: `selected` is the selection's
 * text, `before` the page text just ahead of it (to tell repeats apart), `region` the canonical
 * text its pages may hold. A selection across a page break may include a page number or running
 * head the canonical text lacks: then its longest head and tail are matched and joined.
 */
export function locateSelection(text: string, region: { start: number; end: number }, selected: string, before: string): { start: number; end: number } | null {
  const canonical = foldText(text.slice(region.start, region.end), region.start);
  const wanted = foldOnly(selected);
  if (wanted === '') return null;
  const context = foldOnly(before);
  const whole = findWithContext(canonical.folded, wanted, context);
  if (whole) return sourceRange(canonical, whole);
  const min = Math.min(4, wanted.length);
  const headPart = longestPrefix(canonical.folded, wanted, min);
  const tailPart = longestSuffix(canonical.folded, wanted, min);
  if (!headPart || !tailPart) return null;
  const headText = wanted.slice(0, headPart.end - headPart.start);
  const tailText = wanted.slice(wanted.length - (tailPart.end - tailPart.start));
  // A running head and page number can be a good part of a short selection, but not most of it.
  if (headText.length + tailText.length < wanted.length * 0.4) return null;
  let headAt = -1;
  let headScore = -1;
  for (const at of occurrences(canonical.folded, headText)) {
    const score = contextScore(canonical.folded, at, at, context, '');
    if (score > headScore) [headAt, headScore] = [at, score];
  }
  const tailAt = occurrences(canonical.folded, tailText).find((at) => at >= headAt + headText.length);
  if (tailAt === undefined) return null;
  const end = tailAt + tailText.length;
  // Junk inside the selection is absent from the canonical text, so the span is not much longer.
  if (end - headAt > wanted.length + 40) return null;
  return sourceRange(canonical, { start: headAt, end });
}
