import type { Block } from '../../../app/documents/model';

/**
 * The number each ordered list item shows, by block index. Lists are flat blocks in the model,
 * so numbering restarts after any other kind of block and below a shallower item.
 */
export function listOrdinals(blocks: readonly Block[]): (number | undefined)[] {
  const counters: number[] = [];
  return blocks.map((block) => {
    if (block.kind !== 'list-item') {
      counters.length = 0;
      return undefined;
    }
    const level = block.level ?? 0;
    counters.length = Math.min(counters.length, level + 1);
    if (!block.ordered) {
      counters[level] = 0;
      return undefined;
    }
    counters[level] = (counters[level] ?? 0) + 1;
    return counters[level];
  });
}
