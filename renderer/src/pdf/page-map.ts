/**
 * Pages of canonical offsets by the blocks alone: blocks know the page they start on, and a
 * passage sits on that page or, when its block runs over a page break, on a later one. The page
 * view uses this only until the document's page map is loaded (page-offsets.ts is exact).
 */
import { blockIndexAt } from '../../../app/documents/locator';
import type { Block } from '../../../app/documents/model';

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
