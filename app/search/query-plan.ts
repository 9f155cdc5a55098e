/**
 * Turns what the student typed into a minisearch query. Each word matches itself, its near
 * misspellings (fuzzy 0.2) and its completions. Completions are capped at the most frequent few,
 * as full-text engines do for prefix queries: a short prefix can complete to hundreds of words,
 * and scoring every one over a large library costs seconds while adding nothing a student reads.
 */
import type MiniSearch from 'minisearch';
import type { Query } from 'minisearch';
import { foldTerm, WORD_SEPARATOR } from './fold-term';

/** At most this many completions per typed word. */
export const MAX_COMPLETIONS = 12;

/** Score weight of a completion relative to the word itself (minisearch's own prefix weight). */
const COMPLETION_WEIGHT = 0.375;

/** Words shorter than this are not fuzzed: one edit in a three-letter word is another word. */
const MIN_FUZZY_LENGTH = 4;

/**
 * Words shorter than this get no completions: one letter completes to a whole vocabulary, and
 * two ("en" in "mise-en-scène") to the most frequent words of the library ("engagement"), which
 * then outscore the passage that holds every typed word.
 */
const MIN_PREFIX_LENGTH = 3;

/** The part of minisearch's term tree used here (a protected field, read through a guard). */
interface TermTree {
  atPrefix(prefix: string): { entries(): Iterable<[string, Map<number, Map<number, number>>]> };
}

function termTree<T>(mini: MiniSearch<T>): TermTree | null {
  const tree = (mini as unknown as { _index?: Partial<TermTree> })._index;
  return typeof tree?.atPrefix === 'function' ? (tree as TermTree) : null;
}

/** The folded words of a query, as the index would see them. */
export function queryTerms(query: string): string[] {
  return query
    .split(WORD_SEPARATOR)
    .map((word) => foldTerm(word))
    .filter((term): term is string => Boolean(term));
}

/** Indexed words starting with `prefix` (itself excluded), the most frequent first, at most `max`. */
export function completions<T>(mini: MiniSearch<T>, prefix: string, max: number = MAX_COMPLETIONS): string[] | null {
  const tree = termTree(mini);
  if (!tree) return null;
  const found: { term: string; entries: number }[] = [];
  for (const [term, fields] of tree.atPrefix(prefix).entries()) {
    if (term === prefix) continue;
    let entries = 0;
    for (const docs of fields.values()) entries += docs.size;
    found.push({ term, entries });
  }
  found.sort((a, b) => b.entries - a.entries || (a.term < b.term ? -1 : 1));
  return found.slice(0, max).map((f) => f.term);
}

/** The query for one typed word: itself (with near misspellings) or one of its completions. */
function wordQuery<T>(mini: MiniSearch<T>, term: string): Query {
  const exact: Query = { queries: [term], prefix: false, fuzzy: term.length >= MIN_FUZZY_LENGTH ? 0.2 : false };
  if (term.length < MIN_PREFIX_LENGTH) return exact;
  const more = completions(mini, term);
  // Without access to the term tree, fall back to minisearch's own (uncapped) prefix search.
  if (more === null) return { ...exact, prefix: true };
  if (more.length === 0) return exact;
  return { combineWith: 'OR', queries: [exact, { queries: more, prefix: false, fuzzy: false, boostTerm: () => COMPLETION_WEIGHT }] };
}

/** The whole query: every word must match ('AND') or any may ('OR'). Null for an empty query. */
export function planQuery<T>(mini: MiniSearch<T>, query: string, combineWith: 'AND' | 'OR'): Query | null {
  const terms = queryTerms(query);
  if (terms.length === 0) return null;
  return { combineWith, queries: terms.map((term) => wordQuery(mini, term)) };
}
