/**
 * How search compares words: lowercase, compatibility-decomposed with every diacritic stripped
 * (so "scène" matches "scene" and ligatures split), and ё read as е, as Russian print mostly does.
 * The same function runs over indexed text and queries, so both sides always agree.
 */

/** minisearch's own word separators: line breaks, spaces and punctuation. */
export const WORD_SEPARATOR = /[\n\r\p{Z}\p{P}]+/u;

const WORD = /[^\n\r\p{Z}\p{P}]+/gu;
// Printable ASCII plus tab: the common case that needs no Unicode folding.
const ASCII = /^[\t\x20-\x7e]*$/;

/** The folded form of one word; null for nothing left to index. */
export function foldTerm(term: string): string | null {
  // Most words of most texts are ASCII: skip the Unicode work for them.
  if (ASCII.test(term)) return term ? term.toLowerCase() : null;
  const folded = term.toLowerCase().normalize('NFKD').replace(/\p{M}+/gu, '').replace(/ё/g, 'е');
  return folded || null;
}

/** One word of a text with where it sits. */
export interface WordSpan {
  /** [start, end) in the text. */
  start: number;
  end: number;
  /** The word as foldTerm gives it. */
  term: string;
}

/** Every word of `text`, split as the index splits it, with offsets and folded terms. */
export function wordsWithOffsets(text: string): WordSpan[] {
  const words: WordSpan[] = [];
  for (const match of text.matchAll(WORD)) {
    const term = foldTerm(match[0]);
    if (term) words.push({ start: match.index, end: match.index + match[0].length, term });
  }
  return words;
}
