/**
 * A document's reference lists: the usual one at the end, one per chapter (each serving the
 * chapter it closes), or one bibliography split into parts by kind of source ("Literature",
 * "Software", "Online sources") that belong together. A running head or foot that repeats the
 * list's heading on each of its pages ("REFERENCES  12") is page furniture, neither a new list
 * nor part of an entry.
 */
import type { Block } from '../documents/model';
import { findHeadlessList, listUnderHeading, type ReferenceList } from './reference-list';
import { isCategoryHeading, isReferenceHeading, looksLikeHeadlessReference } from './reference-shapes';

/** One bibliography: a list, or category lists that sit together under one heading. */
export interface ReferenceSection extends ReferenceList {
  /** [start, end) of the section in the text: its first heading to its last entry. */
  start: number;
  end: number;
}

/** A heading as a running head prints it: page numbers around it dropped, case folded. */
function headingKey(line: string): string {
  return line.trim().replace(/^\d{1,4}\s{1,4}|\s{1,4}\d{1,4}$/gu, '').toLowerCase();
}

function textOf(text: string, block: Block): string {
  return text.slice(block.start, block.end).trim();
}

/** True for a block first or last on its page. */
function atPageEdge(blocks: Block[], i: number): boolean {
  const page = blocks[i]?.page;
  if (page === undefined) return false;
  return blocks[i - 1]?.page !== page || blocks[i + 1]?.page !== page;
}

/**
 * Blocks that repeat a reference heading at a page's top or foot: right above the list's own
 * heading, or on a later page of a list with that heading, set in capitals where the heading is
 * not or with an entry running on before and after it.
 */
export function runningHeads(text: string, blocks: Block[]): Set<number> {
  const furniture = new Set<number>();
  const seen = new Map<string, { page: number; upper: boolean }>();
  for (let i = 0; i < blocks.length; i++) {
    const block = blocks[i]!;
    if (block.end - block.start > 80) continue;
    const line = textOf(text, block);
    const bare = line.replace(/^\d{1,4}\s{1,4}|\s{1,4}\d{1,4}$/gu, '');
    if (!isReferenceHeading(bare)) continue;
    const key = headingKey(line);
    const upper = bare === bare.toUpperCase();
    const next = blocks[i + 1];
    const edge = atPageEdge(blocks, i);
    if (edge && next && next.end - next.start <= 80 && headingKey(textOf(text, next)) === key && isReferenceHeading(textOf(text, next))) {
      furniture.add(i);
      continue;
    }
    const earlier = seen.get(key);
    if (edge && earlier && block.page !== undefined && earlier.page < block.page) {
      const before = blocks[i - 1];
      const entryBefore = before !== undefined && !furniture.has(i - 1) && looksLikeHeadlessReference(textOf(text, before).split('\n').pop() ?? '');
      if ((upper && !earlier.upper) || entryBefore) {
        furniture.add(i);
        continue;
      }
    }
    if (block.page !== undefined) seen.set(key, { page: block.page, upper });
  }
  return furniture;
}

/** True when nothing but headings and page furniture stands between blocks `from` and `to`. */
function onlyHeadingsBetween(text: string, blocks: Block[], from: number, to: number, skip: ReadonlySet<number>): boolean {
  for (let k = from + 1; k < to; k++) {
    const block = blocks[k]!;
    if (skip.has(k) || block.kind === 'heading') continue;
    const line = textOf(text, block);
    if (line.length <= 60 && (isReferenceHeading(line) || isCategoryHeading(line))) continue;
    return false;
  }
  return true;
}

/** Index of the block holding offset `at` (blocks are in text order). */
function blockHolding(blocks: Block[], at: number, from: number): number {
  let k = from;
  while (k + 1 < blocks.length && blocks[k + 1]!.start <= at) k++;
  return k;
}

/** Lists before the last that have fewer entries than this are taken for stray text. */
const MIN_EARLIER_ENTRIES = 2;

/**
 * The reference lists of a document in text order. Category lists that follow one another with
 * only headings between them are one section; a heading without entries of its own right above
 * them ("References" over "Literature") opens it. Without any heading, the trailing run of
 * reference-shaped blocks is the one list.
 */
export function findReferenceLists(text: string, blocks: Block[]): ReferenceSection[] {
  const skip = runningHeads(text, blocks);
  const sections: Array<ReferenceSection & { lastBlock: number }> = [];
  let parent: { at: number; heading: NonNullable<ReferenceList['heading']> } | undefined;
  for (let i = 0; i < blocks.length; i++) {
    const block = blocks[i]!;
    if (skip.has(i) || block.end - block.start > 80) continue;
    const line = textOf(text, block);
    const previous = sections[sections.length - 1];
    const adjoining = previous !== undefined && onlyHeadingsBetween(text, blocks, previous.lastBlock, i, skip);
    if (!isReferenceHeading(line) && !(isCategoryHeading(line) && (adjoining || parent !== undefined))) continue;
    const list = listUnderHeading(text, blocks, i, skip);
    if (!list?.heading) {
      if (isReferenceHeading(line) && !adjoining) parent = { at: i, heading: listUnderHeadingText(text, block) };
      continue;
    }
    const last = list.entries[list.entries.length - 1]!;
    const lastBlock = blockHolding(blocks, last.end - 1, i);
    if (adjoining) {
      previous.entries.push(...list.entries);
      previous.numbered &&= list.numbered;
      previous.labelled = Boolean(previous.labelled && list.labelled);
      previous.end = last.end;
      previous.lastBlock = lastBlock;
    } else {
      const opening = parent && onlyHeadingsBetween(text, blocks, parent.at, i, skip) ? parent.heading : list.heading;
      sections.push({ ...list, heading: opening, start: opening.start, end: last.end, lastBlock });
    }
    parent = undefined;
    i = lastBlock;
  }
  const kept = sections.filter((s, k) => k === sections.length - 1 || s.entries.length >= MIN_EARLIER_ENTRIES).map(({ lastBlock: _l, ...s }) => s);
  if (kept.length > 0) return kept;
  const headless = findHeadlessList(text, blocks);
  const first = headless.entries[0];
  const end = headless.entries[headless.entries.length - 1];
  return first && end ? [{ ...headless, start: first.start, end: end.end }] : [];
}

function listUnderHeadingText(text: string, block: Block): NonNullable<ReferenceList['heading']> {
  const line = text.slice(block.start, block.end);
  const lead = line.length - line.trimStart().length;
  return { start: block.start + lead, end: block.start + lead + line.trim().length, text: line.trim() };
}

/**
 * The document's main reference list: the last of its lists (with the categories that sit
 * with it), or the trailing run of reference-shaped blocks when no heading announces one.
 */
export function findReferenceList(text: string, blocks: Block[]): ReferenceList {
  const last = findReferenceLists(text, blocks).pop();
  if (!last) return { entries: [], numbered: false };
  const { start: _s, end: _e, ...list } = last;
  return list;
}
