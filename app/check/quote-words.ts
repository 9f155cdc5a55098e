/**
 * The words a quotation is compared by, with their offsets. Both the draft's quotes and the
 * library's texts go through the same tokenizer, so what a printed page does to words is
 * undone on both sides alike:
 * - case, accents and ligatures are folded ("ﬁ" -> "fi", "É" -> "e");
 * - quote marks, apostrophes and other punctuation are not words (“curly” and "straight"
 *   agree, don’t and don't are both "dont");
 * - a hyphen inside a word, with or without a line break (or one space) after it, joins its
 *   halves: "reli-\ngious", "reli- gious" and "religious" are one word, "self-evident" and
 *   "self-\nevident" too;
 * - dashes (– —), NBSP, line breaks and any other space only separate words.
 * Punctuation is thereby outside the comparison: a changed comma is not a different quotation.
 */
import { foldCaseAndMarks } from '../text/fold';

/** One word: its folded form and where it stands [start, end). */
export interface Word {
  folded: string;
  start: number;
  end: number;
}

// A run of letters, digits and marks, joined across apostrophes, hyphens and soft hyphens
// ("don’t", "self-evident", "reli-\ngious": a hyphen may be followed by a line break, or by the
// one space a Markdown or Word draft turns that line break into: "popu- larity").
const WORD = /[\p{L}\p{N}\p{M}]+(?:(?:['’\u00ad]|[-\u2010\u2011\u00ad](?:[ \t]*\n[ \t]*|[ \t])?)[\p{L}\p{N}\p{M}]+)*/gu;
const JOINERS = /['’\u00ad\u2010\u2011\s-]/gu;
const ASCII_WORD = /^[a-z0-9]+$/;

const foldCache = new Map<string, string>();

/** The comparison form of one word as written. */
export function foldWord(written: string): string {
  const lower = written.toLowerCase();
  if (ASCII_WORD.test(lower)) return lower;
  let folded = foldCache.get(written);
  if (folded === undefined) {
    folded = foldCaseAndMarks(written.replace(JOINERS, ''));
    if (foldCache.size > 200_000) foldCache.clear();
    foldCache.set(written, folded);
  }
  return folded;
}

/** The words of `text` between `from` and `to`, offsets into `text`. */
export function wordsOf(text: string, from = 0, to = text.length): Word[] {
  const words: Word[] = [];
  WORD.lastIndex = from;
  for (let m = WORD.exec(text); m && m.index < to; m = WORD.exec(text)) {
    const end = Math.min(m.index + m[0].length, to);
    const folded = foldWord(text.slice(m.index, end));
    if (folded) words.push({ folded, start: m.index, end });
  }
  return words;
}

/** Calls `visit` with every word of `text` as written and its offsets, without folding (for indexing many texts). */
export function scanWords(text: string, visit: (written: string, start: number, end: number) => void): void {
  const pattern = new RegExp(WORD.source, WORD.flags);
  for (let m = pattern.exec(text); m; m = pattern.exec(text)) visit(m[0], m.index, m.index + m[0].length);
}
