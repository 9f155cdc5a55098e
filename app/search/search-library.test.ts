import { describe, expect, it } from 'vitest';
import { createLibraryIndex, indexDocument, indexHighlight, indexNotebook, unindexDocument, type ChunkTextSource } from './library-index';
import { searchLibrary } from './search-library';

function libraryWith(texts: Record<string, string>) {
  const source: ChunkTextSource = { chunkText: (docId, offset, length) => texts[docId]?.slice(offset, offset + length) };
  return createLibraryIndex(source);
}

function filler(words: number, seed: string): string {
  return Array.from({ length: words }, (_, i) => `${seed}${i % 97}`).join(' ');
}

describe('searchLibrary', () => {
  const long = `${filler(20_000, 'lorem')} the rare word quixotry appears here once. ${filler(2_000, 'ipsum')}`;
  const texts: Record<string, string> = {
    tree: 'Новогодняя ёлка стояла в углу.',
    film: 'Camera placement and mise-en-scène in Zvyagintsev’s Leviathan.',
    long,
  };
  const index = libraryWith(texts);
  indexDocument(index, { id: 'tree', title: 'Праздник', text: texts.tree! });
  indexDocument(index, { id: 'film', title: 'Closeness', authorsLabel: 'Balagov, Kantemir', text: texts.film! });
  indexDocument(index, { id: 'long', title: 'A very long book', text: long });
  indexHighlight(index, { id: 'h1', docId: 'film', quote: 'Camera placement', note: 'compare with Tarkovsky long takes' }, 'Closeness');
  indexNotebook(index, { id: 'n1', title: 'Seminar notes', text: 'Questions about montage theory' });

  it('folds ё/е and accents both ways', async () => {
    expect((await searchLibrary(index, 'елка')).map((h) => h.docId)).toEqual(['tree']);
    expect((await searchLibrary(index, 'ЁЛКА')).map((h) => h.docId)).toEqual(['tree']);
    const scene = await searchLibrary(index, 'scene');
    expect(scene[0]).toMatchObject({ kind: 'document', docId: 'film', title: 'Closeness' });
    expect(scene[0]!.snippet.highlights.map(([s, e]) => scene[0]!.snippet.text.slice(s, e))).toEqual(['scène']);
    expect((await searchLibrary(index, 'mise-en-scene'))[0]?.docId).toBe('film');
  });

  it('points a hyphenated phrase at the passage holding it, not at completions of its short words', async () => {
    const text = `${'On the night of the engagement the end came. '.repeat(40)}The carefully crafted mise-en-scène amplifies it. ${'An engagement, an ending. '.repeat(40)}`;
    const phrase = libraryWith({ doc: text });
    indexDocument(phrase, { id: 'doc', title: 'Review', text });
    const [hit] = await searchLibrary(phrase, 'mise-en-scene');
    expect(hit?.snippet.text).toContain('mise-en-scène');
    expect(text.slice(hit!.offset, hit!.offset! + 4)).toBe('mise');
  });

  it('matches prefixes and misspellings', async () => {
    const prefix = await searchLibrary(index, 'Balag');
    expect(prefix[0]).toMatchObject({ kind: 'document', docId: 'film' });
    expect(prefix[0]!.snippet.text).toContain('Balagov');
    expect((await searchLibrary(index, 'Zviagintsev'))[0]?.docId).toBe('film');
  });

  it('points at a hit deep in a long document with a snippet around it', async () => {
    const [hit] = await searchLibrary(index, 'quixotry');
    expect(hit?.docId).toBe('long');
    expect(hit?.offset).toBe(long.indexOf('quixotry'));
    expect(hit!.offset!).toBeGreaterThan(100_000);
    expect(hit?.snippet.text).toContain('quixotry');
    const [[start, end]] = hit!.snippet.highlights as [[number, number]];
    expect(hit!.snippet.text.slice(start, end)).toBe('quixotry');
  });

  it('finds highlight notes and notebooks', async () => {
    const hits = await searchLibrary(index, 'tarkovsky');
    expect(hits).toEqual([expect.objectContaining({ kind: 'highlight', docId: 'film', annotationId: 'h1', title: 'Closeness' })]);
    expect(hits[0]!.snippet.text).toContain('Tarkovsky');
    expect(await searchLibrary(index, 'montage')).toEqual([expect.objectContaining({ kind: 'notebook', notebookId: 'n1', title: 'Seminar notes' })]);
  });

  it('lists a document once, needs all words when it can, and honours the limit', async () => {
    expect((await searchLibrary(index, 'lorem1')).filter((h) => h.docId === 'long')).toHaveLength(1);
    expect((await searchLibrary(index, 'camera leviathan')).map((h) => h.docId)).toEqual(['film']);
    expect(await searchLibrary(index, 'camera', { limit: 1 })).toHaveLength(1);
    expect(await searchLibrary(index, '   ')).toEqual([]);
  });

  it('forgets a removed document and its highlights', async () => {
    const local = libraryWith(texts);
    indexDocument(local, { id: 'film', title: 'Closeness', text: texts.film! });
    indexHighlight(local, { id: 'h1', docId: 'film', quote: 'Camera placement', note: 'Tarkovsky' }, 'Closeness');
    unindexDocument(local, 'film');
    expect(await searchLibrary(local, 'camera')).toEqual([]);
    expect(await searchLibrary(local, 'tarkovsky')).toEqual([]);
  });
});
