/**
 * A read-only view of the library index's term tree and per-entry figures, for ranking a query
 * without minisearch's own search (which builds a result object for every matching entry and
 * sorts them all, while a results page shows 20). minisearch keeps the index, its updates and
 * its saved form; this view reads its posting lists (protected fields, checked by a guard; the
 * package is pinned to an exact version and index-view.test.ts fails if their shape changes).
 *
 * Per-entry figures (which result an entry belongs to, its BM25 length factor per field) sit in
 * typed arrays indexed by minisearch's short ids, built once per state of the index: after any
 * add or removal the next query builds them again (a few milliseconds for 20,000 entries).
 *
 * A library saved in shards (several minisearch indexes, see sharded-index.ts) is read as one:
 * each shard's short ids are shifted past the shards before it, a word's postings are the union
 * of its postings in every shard, and entry counts and average field lengths are the library's,
 * so a query plans and scores exactly as it would over one index of the same entries.
 */
import type MiniSearch from 'minisearch';

/** Occurrences of a term per entry: short id -> frequency (a Map, or the union of several). */
export interface Postings {
  readonly size: number;
  forEach(visit: (frequency: number, id: number) => void): void;
  has(id: number): boolean;
}
/** A term's postings per field id. */
export type FieldPostings = ReadonlyMap<number, Postings>;

/** The part of minisearch's radix tree that ranking reads. */
export interface TermTree {
  get(term: string): FieldPostings | undefined;
  atPrefix(prefix: string): Iterable<[string, FieldPostings]>;
  fuzzyGet(term: string, maxDistance: number): Map<string, [FieldPostings, number]>;
}

interface Internals {
  _index: TermTree;
  _fieldIds: Record<string, number>;
  _fieldLength: Map<number, number[]>;
  _storedFields: Map<number, Record<string, unknown>>;
  _documentIds: Map<number, unknown>;
  _documentCount: number;
  _nextId: number;
}

/** minisearch's BM25+ parameters (its defaults), so scores stay on the scale they had. */
export const BM25 = { k: 1.2, b: 0.7, d: 0.5 } as const;

/** What an entry is, as ranking needs it (the values of IndexView.role). */
export const Role = { gone: 0, meta: 1, chunk: 2, highlight: 3, notebook: 4 } as const;

/** One indexed field: its id, boost and each entry's BM25 length factor k·(1 − b + b·len/avg). */
export interface FieldView {
  id: number;
  boost: number;
  norm: Float64Array;
}

/** The index as ranking reads it. */
export interface IndexView {
  tree: TermTree;
  /** Entries in the index (minisearch's N in the inverse document frequency). */
  entryCount: number;
  /** One past the largest short id: the length of every per-entry array. */
  size: number;
  fields: FieldView[];
  /** Per entry: its Role (gone for a removed entry still in the posting lists). */
  role: Uint8Array;
  /** Per entry: the result it belongs to (a document's title line and chunks share one); -1 when gone. */
  group: Int32Array;
  groupCount: number;
  /** Stored fields of an entry. */
  stored(id: number): Record<string, unknown> | undefined;
}

function internals<T>(mini: MiniSearch<T>): Internals | null {
  const m = mini as unknown as Partial<Internals>;
  const tree = m._index as Partial<TermTree> | undefined;
  const ok =
    typeof tree?.get === 'function' &&
    typeof tree.atPrefix === 'function' &&
    typeof tree.fuzzyGet === 'function' &&
    typeof m._fieldIds === 'object' &&
    m._fieldLength instanceof Map &&
    m._storedFields instanceof Map &&
    m._documentIds instanceof Map &&
    typeof m._documentCount === 'number' &&
    typeof m._nextId === 'number';
  return ok ? (m as Internals) : null;
}

const views = new WeakMap<object, { key: string; minis: readonly object[]; boosts: Readonly<Record<string, number>>; view: IndexView }>();

/** `mini`'s term tree. Throws when the installed minisearch does not have the fields read here. */
export function termTree<T>(mini: MiniSearch<T>): TermTree {
  return readable(mini)._index;
}

function readable<T>(mini: MiniSearch<T>): Internals {
  const m = internals(mini);
  if (!m) throw new Error('The search index is of an unknown format. Rebuild it from the library.');
  return m;
}

/**
 * The view of the current state of `mini` (or of several shards read as one index), `boosts` per
 * field name (1 when absent). Throws when the installed minisearch does not have the fields read
 * here. Shards given as an array are cached by that array: pass the same array while they last.
 */
export function indexView<T>(mini: MiniSearch<T> | readonly MiniSearch<T>[], boosts: Readonly<Record<string, number>>): IndexView {
  const minis: readonly MiniSearch<T>[] = Array.isArray(mini) ? mini : [mini as MiniSearch<T>];
  const shards = minis.map(readable);
  // Every add takes a new short id and every removal lowers the count: together they name the state.
  const key = shards.map((m) => `${m._nextId}:${m._documentCount}`).join(',');
  const cached = views.get(mini);
  if (cached?.key === key && cached.boosts === boosts && cached.minis.every((m, i) => m === minis[i])) return cached.view;
  const view = buildView(shards, boosts);
  views.set(mini, { key, minis: [...minis], boosts, view });
  return view;
}

function buildView(shards: readonly Internals[], boosts: Readonly<Record<string, number>>): IndexView {
  const offsets: number[] = [];
  let size = 0;
  let entryCount = 0;
  for (const m of shards) {
    offsets.push(size);
    size += m._nextId;
    entryCount += m._documentCount;
  }
  const { k, b } = BM25;
  const first = shards[0];
  const fields: FieldView[] = Object.entries(first?._fieldIds ?? {}).map(([name, id]) => ({ id, boost: boosts[name] ?? 1, norm: new Float64Array(size) }));
  // The mean length of each field over every entry (0 where an entry lacks it), counted here:
  // minisearch's running average depends on the order entries came and went, so shards that
  // hold the same entries as one index would not add up to its figure.
  const totals = fields.map(() => 0);
  for (const m of shards) {
    for (const lengths of m._fieldLength.values()) fields.forEach((field, f) => (totals[f]! += lengths[field.id] ?? 0));
  }
  const average = totals.map((total) => (entryCount > 0 ? total / entryCount : 0));
  const role = new Uint8Array(size);
  const group = new Int32Array(size).fill(-1);
  let groupCount = 0;
  shards.forEach((m, shard) => {
    const offset = offsets[shard]!;
    for (const [id, lengths] of m._fieldLength) {
      fields.forEach((field, f) => {
        field.norm[offset + id] = k * (1 - b + (b * (lengths[field.id] ?? 0)) / (average[f] || 1));
      });
    }
    // A document's entries all sit in one shard: its groups are numbered within it.
    const docGroups = new Map<string, number>();
    for (const [id, stored] of m._storedFields) {
      if (!m._documentIds.has(id)) continue;
      const kind = stored.kind;
      const docId = typeof stored.docId === 'string' ? stored.docId : undefined;
      if ((kind === 'meta' || kind === 'chunk') && docId !== undefined) {
        role[offset + id] = kind === 'meta' ? Role.meta : Role.chunk;
        let g = docGroups.get(docId);
        if (g === undefined) docGroups.set(docId, (g = groupCount++));
        group[offset + id] = g;
      } else if (kind === 'highlight' || kind === 'notebook') {
        role[offset + id] = kind === 'highlight' ? Role.highlight : Role.notebook;
        group[offset + id] = groupCount++;
      }
    }
  });
  const stored = (id: number) => {
    for (let shard = shards.length - 1; shard >= 0; shard--) if (id >= offsets[shard]!) return shards[shard]!._storedFields.get(id - offsets[shard]!);
    return undefined;
  };
  const tree = shards.length === 1 ? first!._index : new ShardedTree(shards.map((m) => m._index), offsets);
  return { tree, entryCount, size, fields, role, group, groupCount, stored };
}

/** Postings of one term over several shards, each shard's short ids shifted by its offset. */
class ShardPostings implements Postings {
  readonly size: number;
  constructor(private readonly parts: { postings: Postings; offset: number }[]) {
    this.size = parts.reduce((sum, part) => sum + part.postings.size, 0);
  }

  forEach(visit: (frequency: number, id: number) => void): void {
    for (const { postings, offset } of this.parts) postings.forEach((frequency, id) => visit(frequency, id + offset));
  }

  has(id: number): boolean {
    // Parts are in shard order: the last that starts at or before `id` is the one that can hold it.
    for (let i = this.parts.length - 1; i >= 0; i--) {
      const part = this.parts[i]!;
      if (id >= part.offset) return part.postings.has(id - part.offset);
    }
    return false;
  }
}

/** The term trees of several shards read as one. */
class ShardedTree implements TermTree {
  constructor(
    private readonly trees: readonly TermTree[],
    private readonly offsets: readonly number[],
  ) {}

  /** One term's postings, merged from every shard that holds it (shards in order). */
  private merge(parts: (FieldPostings | undefined)[]): FieldPostings | undefined {
    const byField = new Map<number, { postings: Postings; offset: number }[]>();
    parts.forEach((fieldPostings, shard) => {
      fieldPostings?.forEach((postings, field) => {
        let list = byField.get(field);
        if (!list) byField.set(field, (list = []));
        list.push({ postings, offset: this.offsets[shard]! });
      });
    });
    if (byField.size === 0) return undefined;
    const merged = new Map<number, Postings>();
    for (const [field, list] of byField) merged.set(field, list.length === 1 && list[0]!.offset === 0 ? list[0]!.postings : new ShardPostings(list));
    return merged;
  }

  get(term: string): FieldPostings | undefined {
    return this.merge(this.trees.map((tree) => tree.get(term)));
  }

  *atPrefix(prefix: string): Iterable<[string, FieldPostings]> {
    const byTerm = new Map<string, (FieldPostings | undefined)[]>();
    this.trees.forEach((tree, shard) => {
      for (const [term, postings] of tree.atPrefix(prefix)) {
        let parts = byTerm.get(term);
        if (!parts) byTerm.set(term, (parts = new Array<FieldPostings | undefined>(this.trees.length)));
        parts[shard] = postings;
      }
    });
    for (const [term, parts] of byTerm) {
      const merged = this.merge(parts);
      if (merged) yield [term, merged];
    }
  }

  fuzzyGet(term: string, maxDistance: number): Map<string, [FieldPostings, number]> {
    const byTerm = new Map<string, { parts: (FieldPostings | undefined)[]; distance: number }>();
    this.trees.forEach((tree, shard) => {
      for (const [found, [postings, distance]] of tree.fuzzyGet(term, maxDistance)) {
        let entry = byTerm.get(found);
        if (!entry) byTerm.set(found, (entry = { parts: new Array<FieldPostings | undefined>(this.trees.length), distance }));
        entry.parts[shard] = postings;
      }
    });
    const merged = new Map<string, [FieldPostings, number]>();
    for (const [found, { parts, distance }] of byTerm) {
      const postings = this.merge(parts);
      if (postings) merged.set(found, [postings, distance]);
    }
    return merged;
  }
}
