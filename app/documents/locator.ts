import type { Block } from './model';

/** Blocks that count as paragraphs for a "¶ n" locator: everything a reader would number, not headings or rules. */
function counts(block: Block): boolean {
  return block.kind === 'paragraph' || block.kind === 'quote' || block.kind === 'list-item' || block.kind === 'code';
}

/** The index of the block holding `offset` (the last block starting at or before it), or -1. */
export function blockIndexAt(blocks: readonly Block[], offset: number): number {
  let low = 0;
  let high = blocks.length - 1;
  let found = -1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    if (blocks[mid]!.start <= offset) {
      found = mid;
      low = mid + 1;
    } else {
      high = mid - 1;
    }
  }
  return found;
}

/**
 * A locator for a passage where the document has no pages: its paragraph number, from 1,
 * counting paragraphs, quotes and list items (what MLA and Chicago mean by "par." / "¶").
 */
export function paragraphLocator(blocks: readonly Block[], offset: number): { label: 'paragraph'; value: number } | null {
  const index = blockIndexAt(blocks, offset);
  if (index < 0) return null;
  let count = 0;
  for (let i = 0; i <= index; i++) if (counts(blocks[i]!)) count += 1;
  return count > 0 ? { label: 'paragraph', value: count } : null;
}
