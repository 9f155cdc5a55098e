import { describe, expect, it } from 'vitest';
import { longDocumentText } from '../../tests/support/long-document';
import { createLibraryIndex, indexDocument, indexHighlight, indexNotebook, unindexDocument, type ChunkTextSource, type LibraryIndex } from './library-index';
import { searchLibrary, type SearchHit } from './search-library';
import { SHARD_COUNT, ShardedIndex, shardOf } from './sharded-index';

/** The same library, indexed whole and in shards. */
function twoWays() {
  const texts = new Map<string, string>();
  for (let d = 0; d < 40; d++) texts.set(`doc-${d}`, longDocumentText(600 + d * 37, 100 + d));
  texts.set('exact', `${longDocumentText(300, 9)} the word kanemiro stands here once.`);
  const source: ChunkTextSource = { chunkText: (docId, offset, length) => texts.get(docId)?.slice(offset, offset + length) };
  const whole = createLibraryIndex(source);
  const sharded = ShardedIndex.empty(source);
  const both = (add: (index: LibraryIndex) => void, id: string) => {
    add(whole);
    add(sharded.shardFor(id));
  };
  for (const [id, text] of texts) both((index) => indexDocument(index, { id, title: `Book ${id}`, authorsLabel: id === 'doc-3' ? 'Tasvel' : '', text }), id);
  for (let h = 0; h < 30; h++) {
    const docId = `doc-${h % 40}`;
    const words = texts.get(docId)!.split(' ').slice(20 + h, 26 + h).join(' ');
    both((index) => indexHighlight(index, { id: `h${h}`, docId, quote: words, note: h % 3 ? '' : 'ask about luvel' }, `Book ${docId}`), docId);
  }
  // Titles of different lengths: entries that tie exactly may come in another order (by internal id).
  const titleWords = ['for', 'the', 'second', 'chapter', 'draft'];
  for (let n = 0; n < 6; n++) both((index) => indexNotebook(index, { id: `nb${n}`, title: ['Plan', ...titleWords.slice(0, n)].join(' '), text: longDocumentText(80, 500 + n) }), `nb${n}`);
  return { whole, sharded };
}

const shape = (hits: SearchHit[]) => hits.map((hit) => [hit.kind, hit.docId ?? hit.notebookId, hit.annotationId, hit.offset, hit.title, hit.snippet.text]);

const queries = ['kanemiro', 'kane', 'tasvel', 'luvel', 'plan', 'velbar', 'mi ro', 'kanemirp', 'quidam elfra', 'stands here', 'sentas orin'];

describe('ShardedIndex', () => {
  it('spreads ids over every shard, always to the same one', () => {
    const counts = new Array<number>(SHARD_COUNT).fill(0);
    for (let i = 0; i < 800; i++) counts[shardOf(`document-${i}`)]! += 1;
    expect(counts.every((count) => count > 50)).toBe(true);
    expect(shardOf('document-7')).toBe(shardOf('document-7'));
  });

  it('finds and ranks exactly as one index of the same entries', async () => {
    const { whole, sharded } = twoWays();
    expect(new Set(sharded.shards.map((shard) => shard.mini.documentCount > 0)).size).toBe(1);
    for (const query of queries) {
      const one = await searchLibrary(whole, query, { limit: 20 });
      const many = await searchLibrary(sharded, query, { limit: 20 });
      expect(one.length, query).toBeGreaterThan(0);
      expect(shape(many), query).toEqual(shape(one));
      many.forEach((hit, i) => expect(hit.score, query).toBeCloseTo(one[i]!.score, 9));
    }
  });

  it('follows a removal in one shard', async () => {
    const { whole, sharded } = twoWays();
    unindexDocument(whole, 'exact');
    unindexDocument(sharded.shardFor('exact'), 'exact');
    for (const query of ['kanemiro', 'kane']) expect(shape(await searchLibrary(sharded, query, { limit: 20 }))).toEqual(shape(await searchLibrary(whole, query, { limit: 20 })));
    expect((await searchLibrary(sharded, 'kanemiro')).some((hit) => hit.docId === 'exact')).toBe(false);
  });
});
