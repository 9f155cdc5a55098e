/**
 * Find-in-document: every occurrence of a query in a text, ignoring case and diacritics and
 * folding ё to е, with offsets into the original text. Folding is one UTF-16 unit to one, so
 * offsets in the folded text are offsets in the original.
 */

const foldCache = new Map<string, string>();

function foldChar(ch: string): string {
  let folded = foldCache.get(ch);
  if (folded === undefined) {
    const stripped = ch.normalize('NFD').replace(/\p{M}+/gu, '').toLowerCase();
    const lower = ch.toLowerCase();
    folded = stripped.length === 1 ? stripped : lower.length === 1 ? lower : ch;
    if (folded === 'ё') folded = 'е';
    foldCache.set(ch, folded);
  }
  return folded;
}

/** Folds a string unit by unit (same length as the input). */
export function foldForFind(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) out += foldChar(text[i]!);
  return out;
}

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
