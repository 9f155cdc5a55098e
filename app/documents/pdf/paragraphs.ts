/**
 * Rebuilding blocks from lines in reading order. A PDF has no paragraphs, only lines; a new
 * paragraph shows as a wider gap between lines, a first-line indent (or the end of a hanging
 * one), or a short line ending a sentence. Headings are set larger than the body text. A
 * paragraph cut by a column or page break continues when nothing marks a new one.
 */
import type { BlockDraft } from '../assemble';
import { buildVocabulary, endsWithBrokenWord, joinBrokenWord } from '../hyphenation';
import type { LineChunk } from './columns';
import { median, type PdfLine } from './lines';

/** A line this much larger than the body text (by size) is a heading. */
const HEADING_SCALE = 1.15;
/** A gap between baselines this much wider than the body's leading starts a paragraph. */
const PARAGRAPH_GAP = 1.4;
/** An indent of at least this many em marks a first line (or a hanging one). */
const INDENT = 0.8;
/** A line ending this many em short of the column's right edge may end its paragraph. */
const SHORT_LINE = 3;
/** Headings are seldom longer; a longer large line is display text, read as a paragraph. */
const MAX_HEADING_LENGTH = 200;

const BULLET = /^[•◦▪‣●○■□·∙]\s*/u;
const SENTENCE_END = /[.!?:;"”’)\]]$/u;

/** The body text's size and leading, measured over the whole document. */
export interface BodyStyle {
  size: number;
  leading: number;
}

/** The size most of the text is set in (by characters), to the half point. */
export function bodySize(lines: Iterable<readonly PdfLine[]>): number {
  const sizeWeights = new Map<number, number>();
  for (const group of lines) {
    for (const line of group) {
      const size = sizeKey(line.size);
      sizeWeights.set(size, (sizeWeights.get(size) ?? 0) + line.text.length);
    }
  }
  let size = 0;
  let weight = -1;
  for (const [candidate, w] of sizeWeights) if (w > weight) [size, weight] = [candidate, w];
  return size;
}

/** The size most of the text is set in, and the usual distance between its baselines. */
export function measureBody(chunks: readonly LineChunk[]): BodyStyle {
  const size = bodySize(chunks);
  const gaps: number[] = [];
  for (const chunk of chunks) {
    for (let i = 1; i < chunk.length; i++) {
      const gap = chunk[i - 1]!.y - chunk[i]!.y;
      if (isBody(chunk[i]!, size) && gap > 0 && gap < 3 * size) gaps.push(gap);
    }
  }
  return { size, leading: median(gaps) || size * 1.2 };
}

function isBody(line: PdfLine, bodySize: number): boolean {
  return Math.abs(line.size - bodySize) < 0.5;
}

interface OpenBlock {
  draft: BlockDraft;
  /**
   * The block's text so far, in pieces joined when the block closes: appending to one string and
   * reading its end again for every line makes a paragraph of n lines cost n² (a long string
   * built by `+=` is copied flat each time its end is read).
   */
  parts: string[];
  /** The line last added, the first line's indent, and the edges of its chunk. */
  last: PdfLine;
  firstIndented: boolean;
  left: number;
  right: number;
}

/** Blocks from the chunks of every page, in reading order. */
export function buildBlocks(chunks: readonly LineChunk[], body: BodyStyle): BlockDraft[] {
  // Only a line ending in a hyphen needs the document's words; many PDFs have none.
  let vocabulary: ReadonlySet<string> | undefined;
  const words = () => (vocabulary ??= buildVocabulary(chunks.flatMap((chunk) => chunk.map((line) => line.text))));
  const headingLevels = levelsBySize(chunks, body.size);
  const drafts: BlockDraft[] = [];
  let open: OpenBlock | undefined;
  for (const chunk of chunks) {
    const left = edge(chunk, 'left');
    const right = edge(chunk, 'right');
    chunk.forEach((line, index) => {
      const level = headingLevels.get(sizeKey(line.size));
      const indented = line.x - left >= INDENT * line.size;
      if (level !== undefined && line.text.length <= MAX_HEADING_LENGTH) {
        if (open?.draft.kind === 'heading' && open.draft.level === level && index > 0 && open.last.y - line.y <= 2 * line.size) {
          open.parts.push(` ${line.text}`);
          open.last = line;
        } else {
          open = start(drafts, open, { kind: 'heading', text: line.text, level, page: line.page }, line, false, left, right);
        }
        return;
      }
      const bullet = BULLET.exec(line.text);
      if (bullet) {
        open = start(drafts, open, { kind: 'list-item', text: line.text.slice(bullet[0].length), level: 0, page: line.page }, line, indented, left, right);
        return;
      }
      if (open && open.draft.kind !== 'heading' && continues(open, line, indented, index === 0, body)) {
        joinLine(open.parts, line.text, words);
        open.last = line;
        open.left = left;
        open.right = right;
        return;
      }
      open = start(drafts, open, { kind: 'paragraph', text: line.text, page: line.page }, line, indented, left, right);
    });
  }
  if (open) close(open);
  return drafts.filter((draft) => draft.text.trim() !== '');
}

function start(drafts: BlockDraft[], previous: OpenBlock | undefined, draft: BlockDraft, line: PdfLine, firstIndented: boolean, left: number, right: number): OpenBlock {
  if (previous) close(previous);
  drafts.push(draft);
  return { draft, parts: [draft.text], last: line, firstIndented, left, right };
}

function close(open: OpenBlock): void {
  open.draft.text = open.parts.join('');
}

/** True when `line` carries on the open paragraph rather than starting one. */
function continues(open: OpenBlock, line: PdfLine, indented: boolean, chunkStart: boolean, body: BodyStyle): boolean {
  const prev = open.last;
  if (endsWithBrokenWord(prev.text)) return true;
  const prevShort = prev.right < open.right - SHORT_LINE * prev.size && SENTENCE_END.test(prev.text);
  if (prevShort) return false;
  if (chunkStart) return !indented;
  if (prev.y - line.y > PARAGRAPH_GAP * body.leading) return false;
  const prevIndented = prev.x - open.left >= INDENT * prev.size;
  // A line shaped like the block's first line after differently shaped ones starts the next
  // block: a first-line indent, or a line back at the margin after a hanging indent.
  return !(indented !== prevIndented && indented === open.firstIndented);
}

/** Longest piece a hyphenated join looks at: the broken word is at its end. */
const JOIN_WINDOW = 256;

/** Adds the next line to a block's pieces: after a space, or joined to a word broken at the line end. */
function joinLine(parts: string[], next: string, words: () => ReadonlySet<string>): void {
  let last = parts.pop() ?? '';
  if (!endsWithBrokenWord(last)) {
    parts.push(last, ` ${next}`);
    return;
  }
  if (last.length > JOIN_WINDOW) {
    parts.push(last.slice(0, -JOIN_WINDOW / 2));
    last = last.slice(-JOIN_WINDOW / 2);
  }
  parts.push(joinBrokenWord(last, next, words()));
}

/**
 * A chunk's left margin (the leftmost start shared by two lines or more, so one stray line
 * sticking out does not move it) or its right edge (the furthest any line reaches).
 */
function edge(chunk: LineChunk, side: 'left' | 'right'): number {
  if (side === 'right') return chunk.reduce((max, line) => Math.max(max, line.right), -Infinity);
  const seen = new Set<number>();
  let shared = Infinity;
  let least = Infinity;
  for (const line of chunk) {
    const x = Math.round(line.x);
    if (seen.has(x)) shared = Math.min(shared, line.x);
    seen.add(x);
    least = Math.min(least, line.x);
  }
  return shared === Infinity ? least : shared;
}

function sizeKey(size: number): number {
  return Math.round(size * 2) / 2;
}

/** Heading levels by size: the largest heading size is level 1. */
function levelsBySize(chunks: readonly LineChunk[], bodySize: number): Map<number, number> {
  const sizes = new Set<number>();
  for (const chunk of chunks) for (const line of chunk) if (line.size >= bodySize * HEADING_SCALE) sizes.add(sizeKey(line.size));
  const ordered = [...sizes].sort((a, b) => b - a);
  return new Map(ordered.map((size, index) => [size, Math.min(6, index + 1)]));
}
