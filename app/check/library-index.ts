/**
 * The library's words, indexed once per check so each quotation costs little however many
 * sources there are: every word of every source gets a number, and each word number lists
 * where it stands (its postings, in text order, in one flat array). A quotation is looked up
 * through its rarest words, never by scanning the texts.
 */
import type { LibraryText } from './report';
import { foldWord, scanWords } from './quote-words';

/** The indexed library: all sources' words end to end, with postings per word. */
export interface LibraryIndex {
  sources: readonly LibraryText[];
  /** Word number of each folded word. */
  vocabulary: Map<string, number>;
  /** The folded word of each word number. */
  words: string[];
  /** For each word of the library, in order: its word number. */
  ids: Int32Array;
  /** Offsets of each word in its source's text. */
  starts: Int32Array;
  ends: Int32Array;
  /** Index of the first word of each source, plus the total at the end. */
  firstWord: Int32Array;
  /** Postings of word number w: positions[postingStart[w] .. postingStart[w + 1]). */
  postingStart: Int32Array;
  positions: Int32Array;
}

/** Builds the index of `sources` (one pass over their words). */
export function indexLibrary(sources: readonly LibraryText[]): LibraryIndex {
  const vocabulary = new Map<string, number>();
  const words: string[] = [];
  // Words as written map straight to their number: most repeat, so most are folded only once.
  const written = new Map<string, number>();
  let capacity = 1 << 16;
  let ids = new Int32Array(capacity);
  let starts = new Int32Array(capacity);
  let ends = new Int32Array(capacity);
  const firstWord = new Int32Array(sources.length + 1);
  let at = 0;
  sources.forEach((source, s) => {
    firstWord[s] = at;
    scanWords(source.text, (spelled, start, end) => {
      let id = written.get(spelled);
      if (id === undefined) {
        const folded = foldWord(spelled);
        if (!folded) return;
        id = vocabulary.get(folded);
        if (id === undefined) {
          id = vocabulary.size;
          vocabulary.set(folded, id);
          words.push(folded);
        }
        written.set(spelled, id);
      }
      if (at === capacity) {
        capacity *= 2;
        ids = grow(ids, capacity);
        starts = grow(starts, capacity);
        ends = grow(ends, capacity);
      }
      ids[at] = id;
      starts[at] = start;
      ends[at] = end;
      at += 1;
    });
  });
  const total = at;
  firstWord[sources.length] = total;
  ids = ids.slice(0, total);
  starts = starts.slice(0, total);
  ends = ends.slice(0, total);
  const postingStart = new Int32Array(vocabulary.size + 1);
  for (let i = 0; i < total; i++) postingStart[ids[i]! + 1]! += 1;
  for (let w = 0; w < vocabulary.size; w++) postingStart[w + 1]! += postingStart[w]!;
  const fill = postingStart.slice(0, vocabulary.size);
  const positions = new Int32Array(total);
  for (let i = 0; i < total; i++) positions[fill[ids[i]!]!++] = i;
  return { sources, vocabulary, words, ids, starts, ends, firstWord, postingStart, positions };
}

function grow(array: Int32Array, capacity: number): Int32Array<ArrayBuffer> {
  const bigger = new Int32Array(capacity);
  bigger.set(array);
  return bigger;
}

/** How often word number `id` occurs in the library (0 for -1, a word it never holds). */
export function frequency(index: LibraryIndex, id: number): number {
  return id < 0 ? 0 : index.postingStart[id + 1]! - index.postingStart[id]!;
}

/** The source holding library word `position`. */
export function sourceOf(index: LibraryIndex, position: number): number {
  let low = 0;
  let high = index.sources.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (index.firstWord[mid]! <= position) low = mid;
    else high = mid - 1;
  }
  return low;
}

/** The index of the first posting of word `id` at or after library word `from`. */
export function firstPostingFrom(index: LibraryIndex, id: number, from: number): number {
  let low = index.postingStart[id]!;
  let high = index.postingStart[id + 1]!;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (index.positions[mid]! < from) low = mid + 1;
    else high = mid;
  }
  return low;
}
