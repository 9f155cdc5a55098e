/**
 * How search splits text into words: minisearch's separators, each word folded by
 * foldForSearch, so indexed text and queries always agree.
 */
import { foldForSearch } from '../text/fold';

/** minisearch's own word separators: line breaks, spaces and punctuation. */
export const WORD_SEPARATOR = /[\n\r\p{Z}\p{P}]+/u;

const WORD = /[^\n\r\p{Z}\p{P}]+/gu;

/** One word of a text with where it sits. */
export interface WordSpan {
  /** [start, end) in the text. */
  start: number;
  end: number;
  /** The word as foldForSearch gives it. */
  term: string;
}

/** Every word of `text`, split as the index splits it, with offsets and folded terms. */
export function wordsWithOffsets(text: string): WordSpan[] {
  const words: WordSpan[] = [];
  for (const match of text.matchAll(WORD)) {
    const term = foldForSearch(match[0]);
    if (term) words.push({ start: match.index, end: match.index + match[0].length, term });
  }
  return words;
}
