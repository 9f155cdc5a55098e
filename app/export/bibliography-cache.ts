/**
 * Styled bibliographies that render only what changed. Each rendered entry is kept (in the
 * store, through an EntryCache) under its style, locale, output format and the item's CSL-JSON,
 * with what citeproc said of the item (its ambiguity key and sort keys) and the context the
 * entry was rendered in. An entry depends on other items in two ways only:
 * - disambiguation (2017a, 2017b): citeproc tells apart items whose citations read the same, so
 *   an entry depends on the items sharing its ambiguity key (its group);
 * - subsequent-author-substitute ("———" for the author of the entry before): on the entry before.
 * A re-export sorts every item by its kept sort keys exactly as citeproc would, and renders only
 * the items that are new or whose context changed, together with their groups and the entries
 * before them, so citeproc sees each of them as it would in the whole list. Styles that number
 * entries (citation-number) or align a second field depend on every entry, and are rendered
 * whole. The text is byte for byte what formatBibliography writes.
 */
import type { CslItem, Result } from '../documents/model';
import {
  bibliographyFrame,
  bibliographyOrder,
  registerItems,
  renderBibliography,
  renderBibliographyParts,
  type RegisteredItem,
  type RenderedEntry,
  type RenderFormat,
  type SortKeys,
} from './citation-js';
import { exportItems, styleReadyItems, styleSetup, DATA_FORMATS, type ExportFormat, type ExportOptions } from './export';
import { styleSource } from './styles';

/** One rendered entry as the cache keeps it. */
export interface CachedEntry {
  /** The style-and-locale key (entryStyleKey) and the item's hash, joined by a NUL. */
  key: string;
  /** entryStyleKey of the style, locale and format the entry was rendered in. */
  style: string;
  /** The item's CSL-JSON as rendered; compared on every read, so a hash collision is harmless. */
  item: string;
  /** The item's citation before disambiguation, as citeproc computed it. */
  ambiguityKey: string;
  /** The item's bibliography sort keys, as citeproc computed them. */
  sortKeys: SortKeys;
  /** A hash of the items the entry depends on (its group, the entry before it). */
  context: string;
  /** The entry's text. */
  text: string;
}

/** Where rendered entries are kept: the store's renderedEntries table, or memory. */
export interface EntryCache {
  /** The entries under `keys`, undefined where none is kept. */
  read(keys: readonly string[]): Promise<(CachedEntry | undefined)[]>;
  /** Keeps `entries`, replacing any under the same keys. */
  write(entries: readonly CachedEntry[]): Promise<void>;
}

/** What one cached rendering did, for tests and benchmarks. */
export interface CachedRenderStats {
  /** Entries taken from the cache as they were. */
  reused: number;
  /** Items citeproc rendered (changed ones, their groups and the entries before them). */
  rendered: number;
  /** Items citeproc only registered to learn their sort and ambiguity keys. */
  registered: number;
}

/** Bump when what is kept, or how it is computed, changes: older rows then simply miss. */
const CACHE_FORMAT = 1;

/** A 53-bit hash of `text` as 14 hex digits (cyrb53); rows also keep the text they hashed. */
export function textHash(text: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return ((h2 >>> 0) & 0x1fffff).toString(16).padStart(6, '0') + (h1 >>> 0).toString(16).padStart(8, '0');
}

/** The key of a style's entries: its XML, the locale files, the output format, this format. */
export function entryStyleKey(source: string, format: RenderFormat): string {
  return textHash(`${CACHE_FORMAT}\u0000${format}\u0000${source}`);
}

/** Styles whose entries depend on every other entry: numbered, or aligned on the widest label. */
function dependsOnWholeList(source: string): boolean {
  return source.includes('citation-number') || source.includes('second-field-align');
}

/** An in-memory EntryCache (the command line, tests). */
export function memoryEntryCache(): EntryCache & { size(): number } {
  const rows = new Map<string, CachedEntry>();
  return {
    read: (keys) => Promise.resolve(keys.map((key) => rows.get(key))),
    write: (entries) => {
      for (const entry of entries) rows.set(entry.key, entry);
      return Promise.resolve();
    },
    size: () => rows.size,
  };
}

interface Slot {
  item: CslItem;
  json: string;
  key: string;
  cached: CachedEntry | undefined;
  known: RegisteredItem | undefined;
  context: string;
}

/**
 * `items` as formatBibliography would format them, reusing entries kept in `cache` and keeping
 * the ones rendered. `stats`, when given, is filled in.
 */
export async function formatBibliographyCached(
  items: readonly CslItem[],
  style: string,
  cache: EntryCache,
  options: ExportOptions = {},
  stats?: CachedRenderStats,
): Promise<Result<string>> {
  const setup = styleSetup(style, options);
  if (!setup.ok) return setup;
  const { engineName, lang } = setup.value;
  const format = options.output ?? 'text';
  const source = styleSource(style, lang) ?? '';
  try {
    const ready = styleReadyItems(items, options.citekeys);
    if (stats) Object.assign(stats, { reused: 0, rendered: ready.length, registered: 0 });
    if (dependsOnWholeList(source) || new Set(ready.map((item) => item.id)).size !== ready.length) {
      return { ok: true, value: renderBibliography(ready, engineName, lang, format) };
    }
    const styleKey = entryStyleKey(source, format);
    const slots: Slot[] = ready.map((item) => {
      const json = JSON.stringify(item);
      return { item, json, key: `${styleKey}\u0000${textHash(json)}`, cached: undefined, known: undefined, context: '' };
    });
    const rows = await cache.read(slots.map((slot) => slot.key));
    slots.forEach((slot, i) => {
      const row = rows[i];
      if (row && row.item === slot.json) {
        slot.cached = row;
        slot.known = { id: slot.item.id, ambiguityKey: row.ambiguityKey, sortKeys: row.sortKeys };
      }
    });

    // Items never rendered in this style: citeproc registers them alone for their keys, which
    // depend on the item only (disambiguation changes what is printed, not these keys). When
    // most are new (a first export), the whole list is rendered at once instead: registering
    // them first would double the work.
    const unknown = slots.filter((slot) => !slot.known);
    let whole: Map<string, RenderedEntry> | undefined;
    let wholeFrame: { start: string; end: string } | undefined;
    let wholeText = '';
    let wholeIds = '';
    if (unknown.length * 2 > slots.length) {
      const parts = renderBibliographyParts(ready, engineName, lang, format);
      if (!parts) return { ok: true, value: renderBibliography(ready, engineName, lang, format) };
      whole = new Map(parts.entries.map((entry) => [entry.id, entry]));
      wholeFrame = parts;
      wholeText = parts.start + parts.entries.map((entry) => entry.text).join('') + parts.end;
      wholeIds = parts.entries.map((entry) => entry.id).join('\u0000');
      for (const slot of slots) slot.known = whole.get(slot.item.id);
    } else if (unknown.length > 0) {
      const learned = registerItems(
        unknown.map((slot) => slot.item),
        engineName,
        lang,
        format,
      );
      unknown.forEach((slot, i) => (slot.known = learned[i]));
      if (stats) stats.registered = unknown.length;
    }

    const order = bibliographyOrder(
      slots.map((slot) => slot.known?.sortKeys ?? []),
      engineName,
      lang,
      format,
    );
    const substitutes = /subsequent-author-substitute=/.test(source);
    const groups = new Map<string, number[]>();
    for (const index of order) {
      const ambiguityKey = slots[index]?.known?.ambiguityKey ?? '';
      const group = groups.get(ambiguityKey);
      if (group) group.push(index);
      else groups.set(ambiguityKey, [index]);
    }
    const groupOf = (index: number): number[] => groups.get(slots[index]?.known?.ambiguityKey ?? '') ?? [index];
    const position = new Map(order.map((index, at) => [index, at]));
    const before = (index: number): number | undefined => {
      const at = position.get(index) ?? 0;
      return substitutes && at > 0 ? order[at - 1] : undefined;
    };
    for (const [index, slot] of slots.entries()) {
      const previous = before(index);
      const members = groupOf(index).map((member) => slots[member]?.key ?? '');
      slot.context = textHash(`${members.join('\u0001')}\u0002${previous === undefined ? '' : (slots[previous]?.key ?? '')}`);
    }

    // What citeproc must see again: each stale entry, with its group and the entry before it
    // (and that entry's group), so its year suffix and author substitute come out as in the
    // whole list.
    const stale = [...slots.keys()].filter((index) => slots[index]?.cached?.context !== slots[index]?.context);
    const wanted = new Set<number>();
    for (const index of stale) {
      for (const member of groupOf(index)) wanted.add(member);
      const previous = before(index);
      if (previous !== undefined) for (const member of groupOf(previous)) wanted.add(member);
    }
    const staleSet = new Set(stale);
    const texts = new Map<number, string>();
    for (const [index, slot] of slots.entries()) if (slot.cached && !staleSet.has(index)) texts.set(index, slot.cached.text);
    const fresh: CachedEntry[] = [];
    let frame: { start: string; end: string };
    /** Takes each stale item's new rendering, by item id, into the output and the cache. */
    const takeFresh = (rendered: ReadonlyMap<string, { text: string; ambiguityKey: CachedEntry['ambiguityKey']; sortKeys: CachedEntry['sortKeys'] }>) => {
      for (const index of stale) {
        const slot = slots[index]!;
        const entry = rendered.get(slot.item.id)!;
        texts.set(index, entry.text);
        fresh.push({ key: slot.key, style: styleKey, item: slot.json, ambiguityKey: entry.ambiguityKey, sortKeys: entry.sortKeys, context: slot.context, text: entry.text });
      }
    };
    if (whole && wholeFrame) {
      // Kept only if the order computed from the kept keys is citeproc's own.
      if (order.map((index) => slots[index]!.item.id).join('\u0000') !== wholeIds) return { ok: true, value: wholeText };
      takeFresh(whole);
      frame = wholeFrame;
    } else if (wanted.size > 0) {
      const subset = [...wanted].sort((a, b) => a - b);
      const parts = renderBibliographyParts(
        subset.map((index) => slots[index]!.item),
        engineName,
        lang,
        format,
      );
      // citeproc left an entry out, or ordered the subset otherwise than the whole: render whole.
      const expected = order.filter((index) => wanted.has(index)).map((index) => slots[index]!.item.id);
      if (!parts || parts.entries.map((entry) => entry.id).join('\u0000') !== expected.join('\u0000')) {
        return { ok: true, value: renderBibliography(ready, engineName, lang, format) };
      }
      takeFresh(new Map(parts.entries.map((entry) => [entry.id, entry])));
      frame = parts;
      if (stats) stats.rendered = subset.length;
    } else {
      frame = bibliographyFrame(engineName, lang, format);
      if (stats) stats.rendered = 0;
    }
    if (stats) stats.reused = slots.length - stale.length;
    if (fresh.length > 0) await cache.write(fresh);
    return { ok: true, value: frame.start + order.map((index) => texts.get(index) ?? '').join('') + frame.end };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return { ok: false, error: `Lectern could not format the bibliography in the style "${style}": ${reason}` };
  }
}

/**
 * exportItems with styled formats rendered through `cache`: the same text, with only new or
 * changed entries (and those whose neighbours changed) rendered again.
 */
export function exportItemsCached(items: readonly CslItem[], format: ExportFormat, cache: EntryCache, options: ExportOptions = {}, stats?: CachedRenderStats): Promise<Result<string>> {
  if ((DATA_FORMATS as readonly string[]).includes(format)) return Promise.resolve(exportItems(items, format, options));
  return formatBibliographyCached(items, format, cache, options, stats);
}
