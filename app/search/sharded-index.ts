/**
 * The library index in shards: a fixed number of minisearch indexes, each holding the documents
 * (with their highlights) and notebooks whose id hashes to it. A change touches one shard, so
 * only that shard is saved again; a query reads every shard as one index (index-view.ts), so
 * sharding changes neither what is found nor how it ranks.
 */
import type MiniSearch from 'minisearch';
import { createLibraryIndex, type ChunkTextSource, type LibraryIndex, type SearchEntry } from './library-index';

/**
 * How many shards a library index has. More shards make each save smaller (a 2,000-book library
 * saves about 12 MB per shard with 8) but each query reads every shard's term tree.
 */
export const SHARD_COUNT = 8;

/** Which of `count` shards holds the document or notebook `id` (FNV-1a over its UTF-16 units). */
export function shardOf(id: string, count: number = SHARD_COUNT): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) hash = Math.imul(hash ^ id.charCodeAt(i), 0x01000193);
  return (hash >>> 0) % count;
}

/** The shards of one library, and where snippets read their text. */
export class ShardedIndex {
  private minisValue: readonly MiniSearch<SearchEntry>[] | null = null;

  constructor(
    private readonly shardList: LibraryIndex[],
    readonly source: ChunkTextSource,
  ) {}

  /** `count` empty shards reading snippet text from `source`. */
  static empty(source: ChunkTextSource, count: number = SHARD_COUNT): ShardedIndex {
    return new ShardedIndex(
      Array.from({ length: count }, () => createLibraryIndex(source)),
      source,
    );
  }

  get shards(): readonly LibraryIndex[] {
    return this.shardList;
  }

  /** The shards' minisearch indexes, the same array until a shard is replaced (views are cached by it). */
  get minis(): readonly MiniSearch<SearchEntry>[] {
    return (this.minisValue ??= this.shardList.map((shard) => shard.mini));
  }

  /** The number of the shard holding document or notebook `id`. */
  shardNumber(id: string): number {
    return shardOf(id, this.shardList.length);
  }

  /** The shard holding document or notebook `id`. */
  shardFor(id: string): LibraryIndex {
    return this.shardList[this.shardNumber(id)]!;
  }

  /** Puts `shard` in place of shard `n` (one loaded from its saved piece). */
  replace(n: number, shard: LibraryIndex): void {
    this.shardList[n] = shard;
    this.minisValue = null;
  }
}
