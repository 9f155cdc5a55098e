/**
 * Ranks index entries for a planned query and keeps only the results a page shows. Every posting
 * of every expanded word is scored (BM25+, as minisearch scores, into typed arrays: no object per
 * match), each result (a document with its title line and chunks, a highlight, a notebook) keeps
 * its best entry, and a bounded heap picks the best `limit` results.
 *
 * Order: more typed words matched first (every word, when some entry has them all: then only
 * those count), then more typed words matched exactly, then score. So a document holding the
 * word itself ranks above documents that only hold its completions or near misspellings, however
 * often those occur.
 */
import { BM25, Role, type IndexView } from './index-view';
import type { WordPlan } from './query-plan';
import { topK } from './top-k';

/** One result: its best entry and, for a document, its best chunk and its title line. */
export interface RankedResult {
  /** Short id of the best-ranked entry, and its score. */
  entry: number;
  score: number;
  /** Role of the best entry (a document's is meta or chunk). */
  role: number;
  /** The best matching chunk of a document, -1 when only its title line matched. */
  chunk: number;
  /** The document's title line, -1 when it did not match. */
  meta: number;
}

interface Scratch {
  score: Float64Array;
  any: Uint32Array;
  exact: Uint32Array;
  touched: Int32Array;
  touchedCount: number;
  groupBest: Int32Array;
  groupChunk: Int32Array;
  groupMeta: Int32Array;
  groups: Int32Array;
  groupCount: number;
}

const scratches = new WeakMap<IndexView, Scratch>();

function scratchFor(view: IndexView): Scratch {
  let scratch = scratches.get(view);
  if (!scratch) {
    const { size, groupCount } = view;
    scratch = {
      score: new Float64Array(size),
      any: new Uint32Array(size),
      exact: new Uint32Array(size),
      touched: new Int32Array(size),
      touchedCount: 0,
      groupBest: new Int32Array(groupCount).fill(-1),
      groupChunk: new Int32Array(groupCount).fill(-1),
      groupMeta: new Int32Array(groupCount).fill(-1),
      groups: new Int32Array(groupCount),
      groupCount: 0,
    };
    scratches.set(view, scratch);
  }
  return scratch;
}

function popcount(x: number): number {
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  return (((x + (x >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}

/** Scores every posting of every expansion into the scratch arrays. */
function score(view: IndexView, plan: readonly WordPlan[], s: Scratch): void {
  const { group } = view;
  const { d, k } = BM25;
  const n = view.entryCount;
  plan.forEach((word, w) => {
    const bit = 1 << w;
    for (const expansion of word.expansions) {
      for (const field of view.fields) {
        const postings = expansion.postings.get(field.id);
        if (!postings) continue;
        const idf = Math.log(1 + (n - postings.size + 0.5) / (postings.size + 0.5));
        const scale = idf * expansion.weight * field.boost;
        const { norm } = field;
        const exact = expansion.exact;
        postings.forEach((tf, id) => {
          const g = group[id];
          if (g === undefined || g < 0) return;
          if (s.any[id] === 0) s.touched[s.touchedCount++] = id;
          s.any[id]! |= bit;
          if (exact) s.exact[id]! |= bit;
          s.score[id]! += scale * (d + (tf * (k + 1)) / (tf + norm[id]!));
        });
      }
    }
  });
}

/** The best `limit` results for `plan`, best first. */
export function rankResults(view: IndexView, plan: readonly WordPlan[], limit: number): RankedResult[] {
  if (plan.length === 0 || limit <= 0) return [];
  const s = scratchFor(view);
  try {
    score(view, plan, s);
    return select(view, plan.length, limit, s);
  } finally {
    // Clear only what this query touched: the arrays are as long as the index.
    for (let i = 0; i < s.touchedCount; i++) {
      const id = s.touched[i]!;
      s.score[id] = 0;
      s.any[id] = 0;
      s.exact[id] = 0;
    }
    s.touchedCount = 0;
    for (let i = 0; i < s.groupCount; i++) {
      const g = s.groups[i]!;
      s.groupBest[g] = s.groupChunk[g] = s.groupMeta[g] = -1;
    }
    s.groupCount = 0;
  }
}

/** Each result's best entry, then the best `limit` results. */
function select(view: IndexView, words: number, limit: number, s: Scratch): RankedResult[] {
  const { any, exact, touched, groupBest, groupChunk, groupMeta, groups } = s;
  const tier = (id: number) => popcount(any[id]!) * 64 + popcount(exact[id]!);
  const better = (a: number, b: number) => {
    const ta = tier(a);
    const tb = tier(b);
    if (ta !== tb) return ta > tb;
    const sa = s.score[a]!;
    const sb = s.score[b]!;
    return sa !== sb ? sa > sb : a < b;
  };
  const all = 2 ** words - 1;
  let allWords = false;
  for (let i = 0; i < s.touchedCount && !allWords; i++) allWords = any[touched[i]!] === all;
  for (let i = 0; i < s.touchedCount; i++) {
    const id = touched[i]!;
    if (allWords && any[id] !== all) continue;
    const g = view.group[id]!;
    const best = groupBest[g]!;
    if (best < 0) {
      groups[s.groupCount++] = g;
      groupBest[g] = id;
    } else if (better(id, best)) groupBest[g] = id;
    const role = view.role[id];
    if (role === Role.chunk && (groupChunk[g]! < 0 || better(id, groupChunk[g]!))) groupChunk[g] = id;
    else if (role === Role.meta) groupMeta[g] = id;
  }
  const chosen = topK(groups.subarray(0, s.groupCount), limit, (a, b) => better(groupBest[a]!, groupBest[b]!));
  return chosen.map((g): RankedResult => {
    const entry = groupBest[g]!;
    return { entry, score: s.score[entry]!, role: view.role[entry]!, chunk: groupChunk[g]!, meta: groupMeta[g]! };
  });
}

/** What entry `id` holds of a query: every matched indexed word, and per typed word where a snippet should centre. */
export interface EntryMatch {
  /** Every indexed word of the plan the entry holds (what its snippet marks). */
  terms: string[];
  /** Per typed word it holds: that word alone when it is there, else its completions and corrections. */
  anchors: string[][];
}

/** What entry `id` holds of `plan`. */
export function entryMatch(view: IndexView, plan: readonly WordPlan[], id: number): EntryMatch {
  const terms: string[] = [];
  const anchors: string[][] = [];
  for (const word of plan) {
    const held = word.expansions.filter((expansion) => view.fields.some((field) => expansion.postings.get(field.id)?.has(id)));
    if (held.length === 0) continue;
    for (const expansion of held) terms.push(expansion.term);
    const exact = held.find((expansion) => expansion.exact);
    anchors.push(exact ? [exact.term] : held.map((expansion) => expansion.term));
  }
  return { terms, anchors };
}
