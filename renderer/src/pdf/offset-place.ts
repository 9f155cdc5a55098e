import { blockIndexAt } from '../../../app/documents/locator';
import type { Block } from '../../../app/documents/model';
import { candidatePages } from './page-map';
import { topAt } from './page-text';
import type { FoundSpan, PageTexts, SpanFinder } from './span-finder';

/** Where a place in the canonical text is printed. */
export interface PrintedPlace {
  /** From 1. */
  page: number;
  /** The top of its line, in PDF points down the page; null when only the page is known. */
  top: number | null;
  /** The passage from the place to the end of its block (at most REACH characters) on that page, when found. */
  span?: FoundSpan;
}

/** Characters from the place that are looked for: a reference entry whole, a long paragraph's opening. */
const REACH = 400;

/**
 * Where the text at `offset` sits on the pages: the page its block is printed on, and the line
 * that starts the passage from `offset` to its block's end. Null for a document without pages.
 */
export async function placeOfOffset(
  finder: SpanFinder,
  texts: PageTexts,
  text: string,
  blocks: readonly Block[],
  pageCount: number,
  offset: number,
): Promise<PrintedPlace | null> {
  const block = blocks[blockIndexAt(blocks, offset)];
  const end = Math.min(block && block.end > offset ? block.end : text.length, offset + REACH);
  const pages = candidatePages(blocks, offset, Math.max(end, offset + 1), pageCount);
  if (pages.length === 0) return null;
  const [first] = end > offset ? await finder.spans({ start: offset, end }, pages) : [];
  if (!first) return { page: pages[0]!, top: null };
  return { page: first.page, top: topAt(await texts.text(first.page), first.start), span: first };
}
