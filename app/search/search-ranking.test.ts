import { describe, expect, it } from 'vitest';
import { createLibraryIndex, deserializeIndex, indexDocument, indexHighlight, serializeIndex, unindexDocument, type ChunkTextSource, type SerializedIndex } from './library-index';
import { MAX_COMPLETIONS, MAX_WORDS } from './query-plan';
import { searchLibrary } from './search-library';

function library(docs: Record<string, { title: string; text: string }>) {
  const source: ChunkTextSource = { chunkText: (docId, offset, length) => docs[docId]?.text.slice(offset, offset + length) };
  const index = createLibraryIndex(source);
  for (const [id, doc] of Object.entries(docs)) indexDocument(index, { id, ...doc });
  return { index, source };
}

/** Deterministic filler words that match none of the queries below. */
function filler(words: number, seed: number): string {
  return Array.from({ length: words }, (_, i) => `lorem${(i * 7 + seed) % 89}`).join(' ');
}

describe('search ranking', () => {
  it('ranks the document holding the typed word first though the prefix completes to thousands of words', async () => {
    const docs: Record<string, { title: string; text: string }> = {};
    for (let d = 0; d < 150; d++) {
      // Each document: the library's most frequent completions of "cine", many times, and 30 rare ones.
      const common = Array.from({ length: 400 }, (_, i) => ['cinema', 'cinematic', 'cinephile', 'cinemas'][i % 4]).join(' ');
      const rare = Array.from({ length: 30 }, (_, i) => `cine${String(d * 30 + i).padStart(4, '0')}`).join(' ');
      docs[`d${d}`] = { title: `Cinema and cinematic form ${d}`, text: `${common} ${rare}` };
    }
    docs.exact = { title: 'Notes', text: `${filler(3_000, 1)} the word cine appears once. ${filler(500, 2)}` };
    const { index } = library(docs);
    const hits = await searchLibrary(index, 'cine', { limit: 20 });
    expect(hits).toHaveLength(20);
    expect(hits[0]).toMatchObject({ kind: 'document', docId: 'exact' });
    expect(hits[0]!.snippet.text).toContain('word cine appears');
    expect(docs.exact.text.slice(hits[0]!.offset, hits[0]!.offset! + 5)).toBe('cine ');
    // The other hits came through completions, and each document is listed once.
    expect(new Set(hits.map((h) => h.docId)).size).toBe(20);
    expect(MAX_COMPLETIONS).toBeLessThan(4_500);
  });

  it('ranks the exact word above near misspellings, however often and prominently they occur', async () => {
    const docs: Record<string, { title: string; text: string }> = {};
    for (let d = 0; d < 40; d++) docs[`m${d}`] = { title: 'Leviathen', text: `leviathen ${'leviathen leviatan '.repeat(50)}` };
    docs.exact = { title: 'Reviews', text: `${filler(2_000, 3)} and Leviathan, once.` };
    const { index } = library(docs);
    const hits = await searchLibrary(index, 'leviathan', { limit: 10 });
    expect(hits[0]?.docId).toBe('exact');
    expect(hits.slice(1).every((h) => h.docId !== 'exact')).toBe(true);
    expect(hits).toHaveLength(10);
  });

  it('ranks documents matching every word exactly above those matching through completions', async () => {
    const { index } = library({
      near: { title: 'Cameras', text: `${'cameras placements '.repeat(30)}` },
      exact: { title: 'Notes', text: `${filler(1_000, 4)} camera placement ${filler(100, 5)}` },
      half: { title: 'Half', text: 'camera camera camera' },
    });
    expect((await searchLibrary(index, 'camera placement')).map((h) => h.docId)).toEqual(['exact', 'near']);
  });

  it('takes the first MAX_WORDS distinct words of a very long query', async () => {
    const words = Array.from({ length: MAX_WORDS + 8 }, (_, i) => `w${String.fromCharCode(97 + (i % 26))}${String.fromCharCode(97 + Math.floor(i / 26))}`);
    const { index } = library({ all: { title: 'All', text: words.slice(0, MAX_WORDS).join(' ') }, one: { title: 'One', text: words[0]! } });
    expect((await searchLibrary(index, words.join(' '))).map((h) => h.docId)).toEqual(['all']);
  });

  it('answers from the current index after documents and highlights change', async () => {
    const docs: Record<string, { title: string; text: string }> = { a: { title: 'Alpha', text: 'a study of montage' } };
    const { index } = library(docs);
    expect(await searchLibrary(index, 'zebra')).toEqual([]);
    docs.b = { title: 'Beta', text: 'zebra crossings' };
    indexDocument(index, { id: 'b', ...docs.b });
    expect((await searchLibrary(index, 'zebra')).map((h) => [h.docId, h.snippet.text])).toEqual([['b', 'zebra crossings']]);
    indexHighlight(index, { id: 'h', docId: 'a', quote: 'study', note: 'zebra stripes' }, 'Alpha');
    expect((await searchLibrary(index, 'zebra')).map((h) => h.kind).sort()).toEqual(['document', 'highlight']);
    docs.b = { title: 'Beta', text: 'horses only' };
    indexDocument(index, { id: 'b', ...docs.b });
    expect((await searchLibrary(index, 'zebra')).map((h) => h.kind)).toEqual(['highlight']);
    expect((await searchLibrary(index, 'horses')).map((h) => h.docId)).toEqual(['b']);
    unindexDocument(index, 'a');
    expect(await searchLibrary(index, 'zebra')).toEqual([]);
  });

  it('gives the same hits from a saved and reloaded index', async () => {
    const { index, source } = library({ a: { title: 'Montage', text: `${filler(2_000, 6)} Eisenstein on montage` }, b: { title: 'Sound', text: 'montages of sound' } });
    indexHighlight(index, { id: 'h', docId: 'b', quote: 'montages', note: 'Eisenstein again' }, 'Sound');
    const before = await searchLibrary(index, 'montag eisenstein');
    const reloaded = await deserializeIndex(JSON.parse(JSON.stringify(serializeIndex(index))) as SerializedIndex, source);
    expect(before.length).toBeGreaterThan(0);
    expect(await searchLibrary(reloaded, 'montag eisenstein')).toEqual(before);
    unindexDocument(reloaded, 'a');
    expect((await searchLibrary(reloaded, 'eisenstein')).map((h) => h.kind)).toEqual(['highlight']);
  });
});
