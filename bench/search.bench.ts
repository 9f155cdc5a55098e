// Full-text search over a large library: 2,000 documents of 10,000 words each, indexed whole, then
// 200 queries (whole words, prefixes, misspellings) through searchLibrary, snippets included.
// Baseline in the same run: a case-folded indexOf scan over every text for the same queries, the
// least a search without an index must do (and it cannot match a prefix-only or misspelled word).
import { createLibraryIndex, indexDocument, type ChunkTextSource } from '../app/search/library-index';
import { searchLibrary } from '../app/search/search-library';
import { longDocumentText } from '../tests/support/long-document';
import { writeResult } from './harness';

const DOCUMENTS = Number(process.env.SEARCH_BENCH_DOCUMENTS ?? 2_000);
const WORDS = 10_000;
const QUERIES = 200;

const texts: string[] = [];
for (let i = 0; i < DOCUMENTS; i++) texts.push(longDocumentText(WORDS, 1_000 + i));
const characters = texts.reduce((sum, text) => sum + text.length, 0);

// Deterministic queries: words that occur in the texts, 3–5 letter prefixes of them, and the same
// words with one letter changed (what fuzzy matching is for).
let state = 42;
const next = () => ((state = (Math.imul(state, 1664525) + 1013904223) >>> 0), state / 2 ** 32);
const words = texts[7]!.split(/[^a-z]+/i).filter((w) => w.length >= 6);
const pick = () => words[Math.floor(next() * words.length)]!.toLowerCase();
const queries: { kind: 'word' | 'prefix' | 'fuzzy'; text: string }[] = [];
for (let i = 0; i < QUERIES; i++) {
  const word = pick();
  if (i % 3 === 0) queries.push({ kind: 'word', text: word });
  else if (i % 3 === 1) queries.push({ kind: 'prefix', text: word.slice(0, 3 + Math.floor(next() * 3)) });
  else {
    const at = 1 + Math.floor(next() * (word.length - 2));
    queries.push({ kind: 'fuzzy', text: word.slice(0, at) + (word[at] === 'x' ? 'y' : 'x') + word.slice(at + 1) });
  }
}

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return Math.round(sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]! * 100) / 100;
};

// Lectern: build the index, then search.
const source: ChunkTextSource = { chunkText: (docId, offset, length) => texts[Number(docId)]?.slice(offset, offset + length) };
const index = createLibraryIndex(source);
const heapBefore = process.memoryUsage().heapUsed;
const buildStart = performance.now();
texts.forEach((text, i) => indexDocument(index, { id: String(i), title: `Document ${i}`, text }));
const buildMs = performance.now() - buildStart;
const heapMb = Math.round((process.memoryUsage().heapUsed - heapBefore) / 2 ** 20);

for (const query of queries.slice(0, 10)) await searchLibrary(index, query.text, { limit: 20 }); // warm up
const lectern: number[] = [];
const lecternByKind: Record<string, number[]> = { word: [], prefix: [], fuzzy: [] };
const found: Record<string, number> = { word: 0, prefix: 0, fuzzy: 0 };
for (const query of queries) {
  const start = performance.now();
  const hits = await searchLibrary(index, query.text, { limit: 20 });
  const ms = performance.now() - start;
  lectern.push(ms);
  lecternByKind[query.kind]!.push(ms);
  if (hits.length) found[query.kind]! += 1;
}

// Baseline: fold once (not timed, in its favour), then scan every text per query.
const folded = texts.map((text) => text.toLowerCase());
const baseline: number[] = [];
const baselineFound: Record<string, number> = { word: 0, prefix: 0, fuzzy: 0 };
for (const query of queries) {
  const start = performance.now();
  let hits = 0;
  for (const text of folded) if (text.indexOf(query.text) >= 0) hits += 1;
  baseline.push(performance.now() - start);
  if (hits) baselineFound[query.kind]! += 1;
}

const serializeStart = performance.now();
const serializedMb = Math.round(JSON.stringify(index.mini).length / 2 ** 20);
const serializeMs = performance.now() - serializeStart;

writeResult('search', {
  library: { documents: DOCUMENTS, wordsPerDocument: WORDS, characters, indexEntries: index.mini.documentCount },
  queries: { total: QUERIES, limit: 20, kinds: 'a third each: whole words, 3–5 letter prefixes, one letter changed' },
  lectern: {
    what: 'searchLibrary (minisearch, prefix + fuzzy 0.2, snippets), per query',
    p50Ms: percentile(lectern, 50),
    p95Ms: percentile(lectern, 95),
    maxMs: percentile(lectern, 100),
    queriesWithHits: found,
    byKind: Object.fromEntries(Object.entries(lecternByKind).map(([kind, values]) => [kind, { p50Ms: percentile(values, 50), p95Ms: percentile(values, 95) }])),
    buildMs: Math.round(buildMs),
    heapMb,
    serializedMb,
    serializeMs: Math.round(serializeMs),
  },
  baseline: {
    what: 'case-folded indexOf over every text, per query (texts folded beforehand, untimed)',
    p50Ms: percentile(baseline, 50),
    p95Ms: percentile(baseline, 95),
    maxMs: percentile(baseline, 100),
    queriesWithHits: baselineFound,
  },
  ratioP50: Math.round((percentile(lectern, 50) / percentile(baseline, 50)) * 1000) / 1000,
  ratioP95: Math.round((percentile(lectern, 95) / percentile(baseline, 95)) * 1000) / 1000,
});
