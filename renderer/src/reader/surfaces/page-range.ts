/**
 * Paged surfaces speak in pages; the pane in canonical offsets. Blocks record the page they start
 * on, which is enough to turn the pages on screen into offsets, at block granularity.
 */
import type { Block } from '../../../../app/documents/model';

/**
 * The canonical text of pages [first, last], block by block: from the first block starting on
 * one of them (or, when none starts on `first`, the block running onto it from before) to the end
 * of the last block starting on one of them. Null when no block records a page up to `last`.
 */
export function textOfPages(blocks: readonly Block[], first: number, last: number): { start: number; end: number } | null {
  let opening = -1;
  let closing = -1;
  let before = -1;
  for (let index = 0; index < blocks.length; index++) {
    const page = blocks[index]!.page;
    if (page === undefined) continue;
    if (page > last) break;
    if (page < first) {
      before = index;
      continue;
    }
    if (opening < 0) opening = index;
    closing = index;
  }
  // A page that opens inside a paragraph of the page before shows that paragraph first.
  if (before >= 0 && (opening < 0 || blocks[opening]!.page! > first)) opening = before;
  if (opening < 0) return null;
  return { start: blocks[opening]!.start, end: blocks[Math.max(opening, closing)]!.end };
}
