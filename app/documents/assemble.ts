/**
 * Building the canonical text of a document from its blocks. Every importer produces block
 * drafts (kind plus text, with inline marks relative to that text); this joins them with a blank
 * line between blocks and turns the marks into document offsets.
 */
import type { Block, BlockKind, InlineMark } from './model';

/** A block before it has a place in the document text. Mark offsets are relative to `text`. */
export interface BlockDraft {
  kind: BlockKind;
  text: string;
  level?: number;
  ordered?: boolean;
  marks?: InlineMark[];
  /** 1-based page the block starts on, for paged formats (PDF). */
  page?: number;
}

/** The separator between blocks in the canonical text: a blank line, as a reader would expect. */
export const BLOCK_SEPARATOR = '\n\n';

/** Joins block drafts into the canonical text and blocks pointing into it. */
export function assembleBlocks(drafts: readonly BlockDraft[]): { text: string; blocks: Block[] } {
  const parts: string[] = [];
  const blocks: Block[] = [];
  let offset = 0;
  for (const draft of drafts) {
    if (parts.length > 0) {
      parts.push(BLOCK_SEPARATOR);
      offset += BLOCK_SEPARATOR.length;
    }
    const start = offset;
    parts.push(draft.text);
    offset += draft.text.length;
    const block: Block = { kind: draft.kind, start, end: offset };
    if (draft.level !== undefined) block.level = draft.level;
    if (draft.ordered !== undefined) block.ordered = draft.ordered;
    if (draft.page !== undefined) block.page = draft.page;
    const marks = (draft.marks ?? [])
      .filter((m) => m.start < m.end && m.start >= 0 && m.end <= draft.text.length)
      .map((m) => ({ ...m, start: m.start + start, end: m.end + start }));
    if (marks.length > 0) block.marks = marks;
    blocks.push(block);
  }
  return { text: parts.join(''), blocks };
}
