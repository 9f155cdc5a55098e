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
 */
import type MiniSearch from 'minisearch';

/** Occurrences of a term per entry: short id -> frequency. */
export type Postings = Map<number, number>;
/** A term's postings per field id. */
export type FieldPostings = Map<number, Postings>;

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
  _avgFieldLength: number[];
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
    Array.isArray(m._avgFieldLength) &&
    m._storedFields instanceof Map &&
    m._documentIds instanceof Map &&
    typeof m._documentCount === 'number' &&
    typeof m._nextId === 'number';
  return ok ? (m as Internals) : null;
}

const views = new WeakMap<object, { key: string; boosts: Readonly<Record<string, number>>; view: IndexView }>();

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
 * The view of `mini`'s current state, `boosts` per field name (1 when absent). Throws when the
 * installed minisearch does not have the fields read here.
 */
export function indexView<T>(mini: MiniSearch<T>, boosts: Readonly<Record<string, number>>): IndexView {
  const m = readable(mini);
  // Every add takes a new short id and every removal lowers the count: together they name the state.
  const key = `${m._nextId}:${m._documentCount}`;
  const cached = views.get(mini);
  if (cached?.key === key && cached.boosts === boosts) return cached.view;
  const view = buildView(m, boosts);
  views.set(mini, { key, boosts, view });
  return view;
}

function buildView(m: Internals, boosts: Readonly<Record<string, number>>): IndexView {
  const size = m._nextId;
  const { k, b } = BM25;
  const fields: FieldView[] = Object.entries(m._fieldIds).map(([name, id]) => ({ id, boost: boosts[name] ?? 1, norm: new Float64Array(size) }));
  for (const [id, lengths] of m._fieldLength) {
    for (const field of fields) {
      const avg = m._avgFieldLength[field.id] || 1;
      field.norm[id] = k * (1 - b + (b * (lengths[field.id] ?? 0)) / avg);
    }
  }
  const role = new Uint8Array(size);
  const group = new Int32Array(size).fill(-1);
  const docGroups = new Map<string, number>();
  let groupCount = 0;
  for (const [id, stored] of m._storedFields) {
    if (!m._documentIds.has(id)) continue;
    const kind = stored.kind;
    const docId = typeof stored.docId === 'string' ? stored.docId : undefined;
    if ((kind === 'meta' || kind === 'chunk') && docId !== undefined) {
      role[id] = kind === 'meta' ? Role.meta : Role.chunk;
      let g = docGroups.get(docId);
      if (g === undefined) docGroups.set(docId, (g = groupCount++));
      group[id] = g;
    } else if (kind === 'highlight' || kind === 'notebook') {
      role[id] = kind === 'highlight' ? Role.highlight : Role.notebook;
      group[id] = groupCount++;
    }
  }
  return { tree: m._index, entryCount: m._documentCount, size, fields, role, group, groupCount, stored: (id) => m._storedFields.get(id) };
}
