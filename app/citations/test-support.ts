/** Helpers for the citation tests and benchmarks; imported by them only. */
import type { Block } from '../documents/model';

/** One paragraph block per non-empty line, as a plain-text import of unwrapped text gives. */
export function lineBlocksOf(text: string): Block[] {
  const blocks: Block[] = [];
  let pos = 0;
  for (const line of text.split('\n')) {
    if (line.trim()) blocks.push({ kind: 'paragraph', start: pos, end: pos + line.length });
    pos += line.length + 1;
  }
  return blocks;
}
