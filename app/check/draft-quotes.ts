/**
 * The quotations of a draft. The rule:
 * - A quote block (Markdown "> ", Word's Quote style) is one quotation, whole, less the quote
 *   marks around it and the parenthetical citation it ends with.
 * - In running text, a quotation opens with “ " « „ ‚ or ‘ / ' and closes with its partner in
 *   the same block: “…”, "…", «…», „…“ (or „…”), ‘…’, '…'. Only the outermost quotes count;
 *   quotes inside a quotation (‘…’ in “…”) are part of its words.
 * - A single mark opens a quotation only where an apostrophe cannot stand: after a space, an
 *   opening bracket or a dash and before a letter; it closes only before a non-letter, so don’t
 *   never opens and a plural possessive (“students’ work”) closes only when no later mark can.
 * - Scare quotes are skipped: a quotation of fewer than four words (a block quote is always
 *   kept), and a title in quotes that is the title of an entry in the draft's reference list.
 */
import type { Block } from '../documents/model';
import { wordsOf } from './quote-words';
import type { DraftQuote } from './report';

/** Fewer words than this in running text read as scare quotes or a quoted term, not a quotation. */
export const MIN_QUOTE_WORDS = 4;
/** No quotation runs on longer than this: an unclosed mark must not swallow the paragraph's rest. */
const MAX_QUOTE_CHARS = 4000;

const PAIRS: Record<string, string[]> = {
  '\u201c': ['\u201d'], // “ ”
  '"': ['"'],
  '\u00ab': ['\u00bb'], // « »
  '\u201e': ['\u201c', '\u201d'], // „ “ / „ ”
  '\u201a': ['\u2018', '\u2019'], // ‚ ‘ / ‚ ’
  '\u2018': ['\u2019'], // ‘ ’
  "'": ["'"],
};
const SINGLE = new Set(["'", '\u2018', '\u201a']);
const LETTER = /[\p{L}\p{N}]/u;
const OPEN_BEFORE = /[\s([{\u2014\u2013/-]/u;

function isLetter(char: string | undefined): boolean {
  return char !== undefined && LETTER.test(char);
}

/** Where the quotation opened at `open` closes (the index of the closing mark), or -1. */
function closingMark(text: string, open: number, limit: number): number {
  const mark = text[open]!;
  const closers = PAIRS[mark]!;
  const single = SINGLE.has(mark);
  let depth = 0;
  let fallback = -1;
  for (let i = open + 1; i < limit; i++) {
    const c = text[i]!;
    // A nested quote of the same kind (“ … “ … ” … ”) opens before a letter after a space.
    if (c === mark && !closers.includes(c) && isLetter(text[i + 1])) {
      depth += 1;
      continue;
    }
    if (!closers.includes(c)) continue;
    if (c === mark && closers.length === 1 && OPEN_BEFORE.test(text[i - 1] ?? ' ') && isLetter(text[i + 1])) {
      // A straight mark after a space and before a letter opens an inner quotation.
      depth += 1;
      continue;
    }
    if (isLetter(text[i + 1])) continue; // an apostrophe inside a word: don’t
    if (/\s/u.test(text[i - 1] ?? ' ')) continue;
    if (depth > 0) {
      depth -= 1;
      continue;
    }
    // "students’ work": a plural possessive, unless nothing better closes the quote.
    if (single && /s/u.test(text[i - 1] ?? '') && / \p{Ll}/u.test(text.slice(i + 1, i + 3))) {
      if (fallback < 0) fallback = i;
      continue;
    }
    return i;
  }
  return fallback;
}

function opens(text: string, i: number): boolean {
  const c = text[i]!;
  if (!PAIRS[c]) return false;
  const before = i === 0 ? ' ' : text[i - 1]!;
  const after = text[i + 1];
  if (after === undefined || /\s/u.test(after)) return false;
  if (SINGLE.has(c)) return OPEN_BEFORE.test(before) && isLetter(after);
  return !isLetter(before);
}

/**
 * Running text as regions to look for quotations in: a block, or blocks that are the lines of
 * one hard-wrapped paragraph (a plain-text draft read one line per block), joined where a block
 * ends mid-sentence (no closing punctuation) and the next one goes on.
 */
function runningRegions(text: string, blocks: readonly Block[]): Block[] {
  const regions: Block[] = [];
  let last: Block | undefined;
  for (const block of blocks) {
    if (block.kind === 'heading' || block.kind === 'code' || block.kind === 'rule' || block.kind === 'quote') {
      last = undefined;
      continue;
    }
    const previousEnd = last ? text.slice(Math.max(last.start, last.end - 3), last.end).trimEnd() : '';
    if (last && block.kind === last.kind && !/[.!?:;)\]»”"’]$/u.test(previousEnd) && /^\s*$/u.test(text.slice(last.end, block.start))) {
      last.end = block.end;
    } else {
      last = { ...block };
      regions.push(last);
    }
  }
  return regions;
}

function quotesInRunningText(text: string, block: Block): DraftQuote[] {
  const found: DraftQuote[] = [];
  let i = block.start;
  while (i < block.end) {
    if (!opens(text, i)) {
      i += 1;
      continue;
    }
    const close = closingMark(text, i, Math.min(block.end, i + MAX_QUOTE_CHARS));
    if (close < 0) {
      i += 1;
      continue;
    }
    found.push({ start: i + 1, end: close, text: text.slice(i + 1, close), block: false });
    i = close + 1;
  }
  return found;
}

/** A quote block less its surrounding marks and the citation it ends with. */
function blockQuote(text: string, block: Block): DraftQuote | null {
  let start = block.start;
  let end = block.end;
  const trailing = /\s*\([^()]{1,160}\)[.\s]*$/u.exec(text.slice(start, end));
  if (trailing) end = start + trailing.index;
  while (start < end && /[\s"“”«»„‘’']/u.test(text[start]!)) start += 1;
  while (end > start && /[\s"“”«»‘’']/u.test(text[end - 1]!)) end -= 1;
  return end > start ? { start, end, text: text.slice(start, end), block: true } : null;
}

/**
 * The quotations of a draft, in text order. `titles` are the (folded) titles of the draft's
 * own reference list: a quoted title is not a quotation.
 */
export function findDraftQuotes(text: string, blocks: readonly Block[], titles: ReadonlySet<string> = new Set()): DraftQuote[] {
  const quotes: DraftQuote[] = [];
  for (const block of blocks) {
    if (block.kind !== 'quote') continue;
    const quote = blockQuote(text, block);
    if (quote && wordsOf(quote.text).length > 0) quotes.push(quote);
  }
  for (const region of runningRegions(text, blocks)) {
    for (const quote of quotesInRunningText(text, region)) {
      const words = wordsOf(quote.text);
      if (words.length < MIN_QUOTE_WORDS) continue;
      if (titles.has(words.map((w) => w.folded).join(' '))) continue;
      quotes.push(quote);
    }
  }
  return quotes.sort((a, b) => a.start - b.start);
}

/** The key a title is compared by in `findDraftQuotes`'s `titles`. */
export function titleKey(title: string): string {
  return wordsOf(title).map((w) => w.folded).join(' ');
}
