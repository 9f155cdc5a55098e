/**
 * Turns what the student typed into the indexed words each typed word stands for: itself, its
 * completions and its near misspellings, each with the weight a match on it counts. Both
 * expansions are capped, as full-text engines do: a three-letter prefix can complete to most of a
 * library's vocabulary and a short word has dozens of one-letter neighbours, and scoring every
 * one costs far more than the few most frequent add to what a student reads.
 */
import type MiniSearch from 'minisearch';
import { foldForSearch } from '../text/fold';
import { WORD_SEPARATOR } from './words';
import { termTree, type FieldPostings, type TermTree } from './index-view';
import { topK } from './top-k';

/** At most this many completions per typed word. */
export const MAX_COMPLETIONS = 12;

/** At most this many misspelling corrections per typed word. */
export const MAX_CORRECTIONS = 8;

/** At most this many distinct typed words count (a pasted paragraph is not a query). */
export const MAX_WORDS = 32;

/** Score weight of a completion, before its length discount (minisearch's prefix weight). */
const COMPLETION_WEIGHT = 0.375;

/** Score weight of a correction, before its distance discount (minisearch's fuzzy weight). */
const CORRECTION_WEIGHT = 0.45;

/** Words shorter than this are not corrected: one edit in a three-letter word is another word. */
const MIN_FUZZY_LENGTH = 4;

/**
 * Words shorter than this get no completions: one letter completes to a whole vocabulary, and
 * two ("en" in "mise-en-scène") to the most frequent words of the library ("engagement"), which
 * then outscore the passage that holds every typed word.
 */
const MIN_PREFIX_LENGTH = 3;

/** One indexed word a typed word stands for. */
export interface Expansion {
  term: string;
  postings: FieldPostings;
  /** 1 for the typed word itself, less for completions and corrections. */
  weight: number;
  /** True for the typed word itself: such matches rank above completions and corrections. */
  exact: boolean;
}

/** A typed word (folded) and the indexed words it stands for. */
export interface WordPlan {
  word: string;
  expansions: Expansion[];
}

/** The folded words of a query, as the index would see them. */
export function queryTerms(query: string): string[] {
  return query
    .split(WORD_SEPARATOR)
    .map((word) => foldForSearch(word))
    .filter((term): term is string => Boolean(term));
}

/** How many entries hold a term, over all fields (the measure of "most frequent"). */
function entryCount(postings: FieldPostings): number {
  let count = 0;
  for (const docs of postings.values()) count += docs.size;
  return count;
}

interface Candidate {
  term: string;
  postings: FieldPostings;
  entries: number;
  distance: number;
}

/** Fewer edits first, then more entries, then the shorter word, then alphabetical. */
const moreUseful = (a: Candidate, b: Candidate) =>
  a.distance !== b.distance ? a.distance < b.distance : a.entries !== b.entries ? a.entries > b.entries : a.term.length !== b.term.length ? a.term.length < b.term.length : a.term < b.term;

function completionCandidates(tree: TermTree, prefix: string, max: number): Candidate[] {
  function* all(): Generator<Candidate> {
    for (const [term, postings] of tree.atPrefix(prefix)) if (term !== prefix) yield { term, postings, entries: entryCount(postings), distance: 0 };
  }
  return topK(all(), max, moreUseful);
}

/** Indexed words starting with `prefix` (itself excluded), the most frequent first, at most `max`. */
export function completions<T>(mini: MiniSearch<T>, prefix: string, max: number = MAX_COMPLETIONS): string[] {
  return completionCandidates(termTree(mini), prefix, max).map((c) => c.term);
}

/** Edits allowed in a typed word of this length: none below 4 letters, 1 up to 7, then 2. */
export function maxEdits(length: number): number {
  return length < MIN_FUZZY_LENGTH ? 0 : length < 8 ? 1 : 2;
}

/** The plan of one typed word. */
function planWord(tree: TermTree, word: string): WordPlan {
  const expansions: Expansion[] = [];
  const seen = new Set<string>([word]);
  const exact = tree.get(word);
  if (exact) expansions.push({ term: word, postings: exact, weight: 1, exact: true });
  const completionWeight = (term: string) => (COMPLETION_WEIGHT * term.length) / (term.length + 0.3 * (term.length - word.length));
  if (word.length >= MIN_PREFIX_LENGTH) {
    for (const c of completionCandidates(tree, word, MAX_COMPLETIONS)) {
      seen.add(c.term);
      expansions.push({ term: c.term, postings: c.postings, weight: completionWeight(c.term), exact: false });
    }
  }
  const edits = maxEdits(word.length);
  if (edits > 0) {
    function* near(): Generator<Candidate> {
      for (const [term, [postings, distance]] of tree.fuzzyGet(word, edits)) if (!seen.has(term)) yield { term, postings, entries: entryCount(postings), distance };
    }
    for (const c of topK(near(), MAX_CORRECTIONS, moreUseful)) {
      // A correction that extends the typed word is a completion the cap left out: weigh it as one.
      const weight = c.term.startsWith(word) ? completionWeight(c.term) : (CORRECTION_WEIGHT * c.term.length) / (c.term.length + c.distance);
      expansions.push({ term: c.term, postings: c.postings, weight, exact: false });
    }
  }
  return { word, expansions };
}

/** The plan of a whole query: one entry per distinct typed word, at most MAX_WORDS. */
export function planWords(tree: TermTree, query: string): WordPlan[] {
  const words = [...new Set(queryTerms(query))].slice(0, MAX_WORDS);
  return words.map((word) => planWord(tree, word));
}
