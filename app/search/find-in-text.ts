/**
 * Find-in-document: every occurrence of a query in a text, ignoring case and diacritics and
 * folding ё to е, with offsets into the original text. foldForFind folds one UTF-16 unit to one,
 * so offsets in the folded text are offsets in the original.
 */
import { foldForFind } from '../text/fold';

/** A match: [start, end) in the original text. */
export interface FindMatch {
  start: number;
  end: number;
}

/**
 * All non-overlapping matches of `query` in `text`, in order. `limit` caps the list so a
 * one-letter query in a long book stays responsive.
 */
export function findAll(text: string, query: string, limit = 10_000, foldedText?: string): FindMatch[] {
  const needle = foldForFind(query.trim());
  if (!needle) return [];
  const haystack = foldedText ?? foldForFind(text);
  const matches: FindMatch[] = [];
  let from = 0;
  while (matches.length < limit) {
    const at = haystack.indexOf(needle, from);
    if (at < 0) break;
    matches.push({ start: at, end: at + needle.length });
    from = at + needle.length;
  }
  return matches;
}
