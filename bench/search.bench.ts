// Full-text search over a large library: 2,000 documents of 10,000 words each, indexed in shards
// as the app keeps them (sharded-index.ts), then 200 queries (whole words, 3–5 letter prefixes,
// one letter changed) through searchLibrary, snippets included, each query class timed on its own
// (p50, p95, max), every query run ROUNDS times. Comparisons in the same run, same queries:
// - oneIndex: the same library in one minisearch index (as it was kept before shards), through
//   the same searchLibrary; how many queries score the same, rank by rank, as over the shards;
// - pieces: what saving costs: one shard (what a change rewrites) against the whole index;
// - minisearch: minisearch's own search with the query Lectern planned before its own ranking
//   (each word with fuzzy 0.2, OR its 12 most frequent completions at weight 0.375; every word
//   needed, any when no entry has them all), results scored and sorted, no snippets: the least
//   the earlier searchLibrary did per query;
// - baseline: a case-folded indexOf scan over every text, the least a search without an index
//   must do (it cannot match a misspelled word).
// Quality, untimed: of the top 20 documents a whole-word query returns, the share holding the word
// itself (not only a completion or a near misspelling), for Lectern and for minisearch.
// SEARCH_BENCH_DOCUMENTS sets the library size; smoke mode (BENCH_SMOKE=1) runs 50 documents once.
import type MiniSearch from 'minisearch';
import type { Query, SearchResult } from 'minisearch';
import { FIELD_BOOSTS, createLibraryIndex, indexDocument, serializeIndex, type ChunkTextSource, type SearchEntry } from '../app/search/library-index';
import { indexView } from '../app/search/index-view';
import { completions, queryTerms } from '../app/search/query-plan';
import { searchLibrary, type SearchHit } from '../app/search/search-library';
import { SHARD_COUNT, ShardedIndex } from '../app/search/sharded-index';
import { longDocumentText } from '../tests/support/long-document';
import { sized, writeResult } from './harness';

const DOCUMENTS = Number(process.env.SEARCH_BENCH_DOCUMENTS ?? sized(2_000, 50));
const WORDS = 10_000;
const QUERIES = 200;
const ROUNDS = sized(3, 1);
const LIMIT = 20;
type Kind = 'word' | 'prefix' | 'fuzzy';
const KINDS: Kind[] = ['word', 'prefix', 'fuzzy'];

const texts: string[] = [];
for (let i = 0; i < DOCUMENTS; i++) texts.push(longDocumentText(WORDS, 1_000 + i));
const characters = texts.reduce((sum, text) => sum + text.length, 0);

// Deterministic queries: words that occur in the texts, 3–5 letter prefixes of them, and the same
// words with one letter changed (what fuzzy matching is for).
let state = 42;
const next = () => ((state = (Math.imul(state, 1664525) + 1013904223) >>> 0), state / 2 ** 32);
const words = texts[Math.min(7, DOCUMENTS - 1)]!.split(/[^a-z]+/i).filter((w) => w.length >= 6);
const pick = () => words[Math.floor(next() * words.length)]!.toLowerCase();
const queries: { kind: Kind; text: string }[] = [];
for (let i = 0; i < QUERIES; i++) {
  const word = pick();
  if (i % 3 === 0) queries.push({ kind: 'word', text: word });
  else if (i % 3 === 1) queries.push({ kind: 'prefix', text: word.slice(0, 3 + Math.floor(next() * 3)) });
  else {
    const at = 1 + Math.floor(next() * (word.length - 2));
    queries.push({ kind: 'fuzzy', text: word.slice(0, at) + (word[at] === 'x' ? 'y' : 'x') + word.slice(at + 1) });
  }
}

const round2 = (ms: number) => Math.round(ms * 100) / 100;
const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return round2(sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0);
};
const figures = (values: number[]) => ({ p50Ms: percentile(values, 50), p95Ms: percentile(values, 95), maxMs: percentile(values, 100), samples: values.length });

type Figures = Record<Kind | 'overall', ReturnType<typeof figures>>;
const summarize = (byKind: Record<Kind, number[]>): Figures =>
  ({ overall: figures(KINDS.flatMap((kind) => byKind[kind])), ...Object.fromEntries(KINDS.map((kind) => [kind, figures(byKind[kind])])) }) as Figures;

/** Times each of `runs` on every query, `rounds` times, taking turns query by query so a busy moment of the machine weighs on all alike; per class and overall. */
async function measure(rounds: number, ...runs: ((query: string) => unknown)[]): Promise<Figures[]> {
  const byKind = runs.map((): Record<Kind, number[]> => ({ word: [], prefix: [], fuzzy: [] }));
  for (let round = 0; round < rounds; round++) {
    for (const query of queries) {
      for (const [i, run] of runs.entries()) {
        const start = performance.now();
        await run(query.text);
        byKind[i]![query.kind].push(performance.now() - start);
      }
    }
  }
  return byKind.map(summarize);
}

// Lectern: build the index in shards, then search.
const source: ChunkTextSource = { chunkText: (docId, offset, length) => texts[Number(docId)]?.slice(offset, offset + length) };
const sharded = ShardedIndex.empty(source);
const heapBefore = process.memoryUsage().heapUsed;
const buildStart = performance.now();
texts.forEach((text, i) => indexDocument(sharded.shardFor(String(i)), { id: String(i), title: `Document ${i}`, text }));
const buildMs = performance.now() - buildStart;
const heapMb = Math.round((process.memoryUsage().heapUsed - heapBefore) / 2 ** 20);
// The per-entry arrays ranking reads are built on the first query after a change.
const viewStart = performance.now();
indexView(sharded.minis, FIELD_BOOSTS);
const viewBuildMs = performance.now() - viewStart;

// The same library in one index.
const index = createLibraryIndex(source);
const oneBuildStart = performance.now();
texts.forEach((text, i) => indexDocument(index, { id: String(i), title: `Document ${i}`, text }));
const oneBuildMs = performance.now() - oneBuildStart;

for (const query of queries.slice(0, 10)) await searchLibrary(sharded, query.text, { limit: LIMIT }); // warm up
for (const query of queries.slice(0, 10)) await searchLibrary(index, query.text, { limit: LIMIT });
const [lectern, oneIndex] = (await measure(
  ROUNDS,
  (text) => searchLibrary(sharded, text, { limit: LIMIT }),
  (text) => searchLibrary(index, text, { limit: LIMIT }),
)) as [Figures, Figures];
// Results that tie exactly (same score) may come in another order: compare the scores, rank by rank.
const shape = (hits: SearchHit[]) => JSON.stringify(hits.map((hit) => hit.score.toFixed(9)));
let identical = 0;
for (const query of queries) if (shape(await searchLibrary(sharded, query.text, { limit: LIMIT })) === shape(await searchLibrary(index, query.text, { limit: LIMIT }))) identical += 1;

// minisearch's own search, planned as searchLibrary planned it before ranking moved into Lectern.
function minisearchQuery(mini: MiniSearch<SearchEntry>, text: string, combineWith: 'AND' | 'OR'): Query {
  return {
    combineWith,
    queries: queryTerms(text).map((term): Query => {
      const exact: Query = { queries: [term], prefix: false, fuzzy: term.length >= 4 ? 0.2 : false, maxFuzzy: 4 };
      const more = term.length >= 3 ? completions(mini, term) : [];
      return more.length ? { combineWith: 'OR', queries: [exact, { queries: more, prefix: false, fuzzy: false, boostTerm: () => 0.375 }] } : exact;
    }),
  };
}
const boost = { ...FIELD_BOOSTS };
function minisearchSearch(text: string): SearchResult[] {
  const all = index.mini.search(minisearchQuery(index.mini, text, 'AND'), { boost });
  return all.length ? all : index.mini.search(minisearchQuery(index.mini, text, 'OR'), { boost });
}
for (const query of queries.slice(0, 10)) minisearchSearch(query.text); // warm up
const [minisearch] = (await measure(1, minisearchSearch)) as [Figures];

// Baseline: fold once (not timed, in its favour), then scan every text per query.
const folded = texts.map((text) => text.toLowerCase());
const [baseline] = (await measure(1, (text) => {
  let hits = 0;
  for (const doc of folded) if (doc.indexOf(text) >= 0) hits += 1;
  return hits;
})) as [Figures];

// Results, untimed: queries with any hit, and how many of a word query's top documents hold the word.
const holds = (docId: string, word: string) => new RegExp(`(^|[^a-z])${word}([^a-z]|$)`).test(folded[Number(docId)]!);
const found = { lectern: { word: 0, prefix: 0, fuzzy: 0 }, minisearch: { word: 0, prefix: 0, fuzzy: 0 } };
const exactShare = { lectern: { holding: 0, all: 0 }, minisearch: { holding: 0, all: 0 } };
for (const query of queries) {
  const ours = (await searchLibrary(index, query.text, { limit: LIMIT })).map((hit) => hit.docId!);
  const theirs = [...new Set(minisearchSearch(query.text).map((r) => r.docId as string))].slice(0, LIMIT);
  if (ours.length) found.lectern[query.kind] += 1;
  if (theirs.length) found.minisearch[query.kind] += 1;
  if (query.kind !== 'word') continue;
  for (const [name, docs] of [['lectern', ours], ['minisearch', theirs]] as const) {
    exactShare[name].holding += docs.filter((docId) => holds(docId, query.text)).length;
    exactShare[name].all += docs.length;
  }
}
const share = ({ holding, all }: { holding: number; all: number }) => (all ? Math.round((holding / all) * 1000) / 1000 : null);

const serializeStart = performance.now();
const serializedMb = Math.round(JSON.stringify(index.mini).length / 2 ** 20);
const serializeMs = performance.now() - serializeStart;
// One piece: what a change to one document, highlight or notebook rewrites.
const pieces = sharded.shards.map((shard) => {
  const start = performance.now();
  const length = serializeIndex(shard).mini.length;
  return { ms: performance.now() - start, mb: length / 2 ** 20 };
});
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;

const ratio = (a: number, b: number) => (b ? Math.round((a / b) * 1000) / 1000 : null);
writeResult('search', {
  library: { documents: DOCUMENTS, wordsPerDocument: WORDS, characters, indexEntries: index.mini.documentCount, indexedWords: index.mini.termCount },
  queries: { total: QUERIES, rounds: ROUNDS, limit: LIMIT, kinds: 'a third each: whole words, 3–5 letter prefixes, one letter changed' },
  lectern: {
    what: 'searchLibrary per query: planned (exact word, 12 most frequent completions, 8 nearest corrections), ranked over the term tree with top-k selection, snippets for the hits shown',
    ...lectern,
    queriesWithHits: found.lectern,
    wordQueryTopHitsHoldingTheWord: share(exactShare.lectern),
    shards: SHARD_COUNT,
    buildMs: Math.round(buildMs),
    viewBuildMs: round2(viewBuildMs),
    heapMb,
  },
  oneIndex: {
    what: 'the same searchLibrary over the library in one minisearch index, as it was kept before shards',
    ...oneIndex,
    buildMs: Math.round(oneBuildMs),
    queriesWithTheSameScoresRankByRank: identical,
  },
  pieces: {
    what: 'saving the index: one shard (what a change rewrites, median of the shards) against the whole index in one row (as it was saved before)',
    pieceMb: round2(median(pieces.map((piece) => piece.mb))),
    pieceSerializeMs: Math.round(median(pieces.map((piece) => piece.ms))),
    wholeMb: serializedMb,
    wholeSerializeMs: Math.round(serializeMs),
  },
  minisearch: {
    what: "minisearch's search with the earlier query plan (fuzzy 0.2, 12 completions at 0.375, AND then OR), scored and sorted, no snippets: a lower bound of the earlier searchLibrary",
    ...minisearch,
    queriesWithHits: found.minisearch,
    wordQueryTopHitsHoldingTheWord: share(exactShare.minisearch),
  },
  baseline: {
    what: 'case-folded indexOf over every text, per query (texts folded beforehand, untimed)',
    ...baseline,
  },
  ratioToOneIndex: { p50: ratio(lectern.overall.p50Ms, oneIndex.overall.p50Ms), p95: ratio(lectern.overall.p95Ms, oneIndex.overall.p95Ms) },
  ratioToMinisearch: Object.fromEntries((['overall', ...KINDS] as const).map((k) => [k, { p50: ratio(lectern[k].p50Ms, minisearch[k].p50Ms), p95: ratio(lectern[k].p95Ms, minisearch[k].p95Ms) }])),
  ratioP50: ratio(lectern.overall.p50Ms, baseline.overall.p50Ms),
  ratioP95: ratio(lectern.overall.p95Ms, baseline.overall.p95Ms),
});
