/**
 * The one module that talks to citation-js: conversions between CSL-JSON and BibTeX, BibLaTeX
 * and RIS, and citeproc rendering with styles and locales handed in as XML strings. Inputs are
 * always given an explicit type so citation-js never takes a string for a URL or DOI to fetch.
 * Functions here may throw; app/export/export.ts turns that into Result values.
 */
import { plugins, type CitationJsRegister } from '@citation-js/core';
import '@citation-js/plugin-bibtex';
import '@citation-js/plugin-csl';
import '@citation-js/plugin-ris';
import type { CslItem } from '../documents/model';

interface BibtexConfig {
  format: { asciiOnly: boolean; useIdAsLabel: boolean; checkLabel: boolean };
}

interface CslConfig {
  styles: CitationJsRegister<string>;
  locales: CitationJsRegister<string>;
}

// Lectern writes .bib files as UTF-8: the ASCII-only default drops Cyrillic letters and curly
// quotes outright. Characters special to TeX are escaped by bibtex-fields.ts instead.
(plugins.config.get('@bibtex') as BibtexConfig).format.asciiOnly = false;
// Labels are the works' citation keys, already checked by Lectern (citekeys.ts: letters, digits
// and - _ : .); citation-js's own check refuses "-", ":" and "." and silently writes another
// key ("CRAN:Rcpp" became "Eddelbuettel2022Rcpp", shared with four other entries).
(plugins.config.get('@bibtex') as BibtexConfig).format.checkLabel = false;

const csl = plugins.config.get('@csl') as CslConfig;

/** Output formats citeproc renders to. */
export type RenderFormat = 'text' | 'html';

/** CSL items as BibTeX (`bibtex`) or BibLaTeX (`biblatex`) text; `citation-key` is the label. */
export function toBibtexText(items: CslItem[], dialect: 'bibtex' | 'biblatex'): string {
  return String(plugins.output.format(dialect, items, { format: 'text' }));
}

/** One RIS record: tag -> value, repeated tags (AU) as lists. */
export type RisRecord = Record<string, string | string[]>;

/** CSL items as RIS records (not yet text: ris.ts writes the lines). */
export function toRisRecords(items: CslItem[]): RisRecord[] {
  return plugins.output.format('ris', items, { format: 'object' }) as RisRecord[];
}

/** Parses BibTeX or BibLaTeX text (the BibLaTeX reader accepts both) into CSL items. */
export function fromBibtexText(text: string): CslItem[] {
  return plugins.input.chain(text, { forceType: '@biblatex/text', generateGraph: false }) as CslItem[];
}

/** Splits RIS text into records. */
export function risTextToRecords(text: string): RisRecord[] {
  return plugins.input.data(text, '@ris/file') as RisRecord[];
}

/** One RIS record as a CSL item. */
export function risRecordToCsl(record: RisRecord): CslItem | undefined {
  return plugins.input.chain(record, { forceType: '@ris/record', generateGraph: false })[0] as CslItem | undefined;
}

/** Makes a CSL style available to citeproc under `id`. */
export function addCiteprocStyle(id: string, xml: string): void {
  csl.styles.add(id, xml);
}

/** Makes a CSL locale (locales-xx-XX.xml) available to citeproc under its language tag. */
export function addCiteprocLocale(lang: string, xml: string): void {
  csl.locales.add(lang, xml);
}

/** A bibliography of `items` in a style already added, one entry per line in text output. */
export function renderBibliography(items: CslItem[], style: string, lang: string, format: RenderFormat): string {
  return String(plugins.output.format('bibliography', items, { style, lang, format }));
}

/** One cited item in a citation: its id and, optionally, where in it ("405", label "page"). */
export interface CiteEntry {
  id: string;
  locator?: string;
  label?: string;
}

/** One in-text citation of `entry` (default: all `items` together), e.g. "(Ezerova, 2018)". */
export function renderCitation(items: CslItem[], style: string, lang: string, format: RenderFormat, entry?: CiteEntry[]): string {
  const options = { style, lang, format, ...(entry ? { entry } : {}) };
  return String(plugins.output.format('citation', items, options));
}

/** A citeproc sort key list as citeproc stores it (a missing key stays undefined). */
export type SortKeys = readonly (string | undefined)[];

/** The slice of a citeproc-js engine Lectern reads: its registry after updateItems. */
interface CiteprocEngine {
  updateItems(ids: string[], nosort?: boolean): string[];
  makeBibliography(): [{ bibstart: string; bibend: string }, string[]] | false;
  fun: { decorate: { bibstart?: string; bibend?: string } };
  bibliography_sort: { tokens: unknown[]; opt: { sort_directions: [number, number][] } };
  opt: { 'default-locale-sort'?: string };
  tmp: { lang_array: string[] };
  registry: {
    registry: Record<string, { ambig: string; sortkeys: SortKeys | false } | undefined>;
  };
}

type PrepareEngine = (data: CslItem[], style: string, lang: string, format: RenderFormat) => CiteprocEngine;

function engineFor(items: CslItem[], style: string, lang: string, format: RenderFormat): CiteprocEngine {
  return ((plugins.config.get('@csl') as { engine: PrepareEngine }).engine)(items, style, lang, format);
}

/** What citeproc knows of one item once it is registered: its ambiguity key and sort keys. */
export interface RegisteredItem {
  id: string;
  /** The item's citation as rendered before any disambiguation: items sharing one may be told apart (2017a, 2017b). */
  ambiguityKey: string;
  /** The bibliography sort keys. */
  sortKeys: SortKeys;
}

/** One rendered bibliography entry. */
export interface RenderedEntry extends RegisteredItem {
  /** The entry as renderBibliography writes it (HTML entries carry data-csl-entry-id). */
  text: string;
}

/** A bibliography as its parts: the frame around the entries, and the entries in output order. */
export interface BibliographyParts {
  start: string;
  end: string;
  entries: RenderedEntry[];
}

function registered(engine: CiteprocEngine, id: string): RegisteredItem {
  const token = engine.registry.registry[id];
  return { id, ambiguityKey: token?.ambig ?? '', sortKeys: token?.sortkeys || [] };
}

/**
 * Registers `items` with citeproc (ambiguity keys, sort keys, disambiguation) without rendering
 * entries: the cheap half of a bibliography, for items whose entries are known already.
 */
export function registerItems(items: CslItem[], style: string, lang: string, format: RenderFormat): RegisteredItem[] {
  const engine = engineFor(items, style, lang, format);
  engine.updateItems(items.map((item) => item.id));
  return items.map((item) => registered(engine, item.id));
}

/**
 * The same bibliography renderBibliography writes, as its parts: `start + entries.join('') + end`
 * is its text. Undefined when citeproc left an entry out (a style's exclusions), where the
 * entries no longer pair with their items one to one.
 */
export function renderBibliographyParts(items: CslItem[], style: string, lang: string, format: RenderFormat): BibliographyParts | undefined {
  const engine = engineFor(items, style, lang, format);
  const sortedIds = engine.updateItems(items.map((item) => item.id));
  const made = engine.makeBibliography();
  if (!made || made[1].length !== sortedIds.length) return undefined;
  const [{ bibstart, bibend }, body] = made;
  // As citation-js labels each entry with the id it renders (data-csl-entry-id in HTML).
  const entries = body.map((text, index) => {
    const id = sortedIds[index] ?? '';
    return { ...registered(engine, id), text: text.replace(/^\s*<[a-z]+/i, `$& data-csl-entry-id="${id}"`) };
  });
  return { start: bibstart, end: bibend, entries };
}

/** The frame citeproc writes around a bibliography's entries in `format`. */
export function bibliographyFrame(style: string, lang: string, format: RenderFormat): { start: string; end: string } {
  const decorate = engineFor([], style, lang, format).fun.decorate;
  return { start: decorate.bibstart ?? '', end: decorate.bibend ?? '' };
}

/** citeproc's sort comparison (CSL.getSortCompare) on keys lower-cased once, not per comparison. */
function keyComparer(engine: CiteprocEngine): ((a: string, b: string) => number) & { prepare: (key: string) => string } {
  const locale = engine.opt['default-locale-sort'] ?? 'en-US';
  const langs = engine.tmp.lang_array;
  const collator = new Intl.Collator(locale, { sensitivity: 'base', ignorePunctuation: true, numeric: true });
  const lower = (key: string): string => {
    try {
      return key.toLocaleLowerCase(langs);
    } catch {
      return key.toLowerCase();
    }
  };
  // citeproc strips leading brackets and quotes where the collation does not ignore them.
  const strip = collator.compare('[x', 'x') !== 0;
  const prepare = (key: string): string => lower(strip ? key.replace(/^[[\]'"]*/g, '') : key);
  return Object.assign((a: string, b: string) => collator.compare(a, b), { prepare });
}

/**
 * Orders items as citeproc orders a bibliography of them all registered at once, in this order:
 * the style's sort keys compared as citeproc compares them (CSL.Registry.Comparifier, with the
 * locale's collation), ties kept in the order given, each item inserted in turn as
 * CSL.Registry.sorttokens does. Returns indexes into `sortKeys`.
 */
export function bibliographyOrder(sortKeys: readonly SortKeys[], style: string, lang: string, format: RenderFormat): number[] {
  const engine = engineFor([], style, lang, format);
  // A style with no bibliography sort lists items as given.
  if (engine.bibliography_sort.tokens.length === 0) return sortKeys.map((_, index) => index);
  const directions = engine.bibliography_sort.opt.sort_directions;
  const compare = keyComparer(engine);
  const prepared = sortKeys.map((keys) => keys.map((key) => (key === undefined ? undefined : compare.prepare(key))));
  const compareItems = (a: number, b: number): number => {
    const left = sortKeys[a] ?? [];
    const right = sortKeys[b] ?? [];
    for (let pos = 0; pos < left.length; pos++) {
      const direction = directions[pos] ?? [-1, 1];
      if (left[pos] === right[pos]) continue;
      let cmp: number;
      if (left[pos] === undefined) cmp = direction[1];
      else if (right[pos] === undefined) cmp = direction[0];
      else cmp = compare(prepared[a]![pos]!, prepared[b]![pos]!);
      if (cmp > 0) return direction[1];
      if (cmp < 0) return direction[0];
    }
    return a - b;
  };
  // The binary insertion of CSL.Registry._locationOf, on item indexes.
  const list: number[] = [];
  const locate = (index: number, start: number, end: number): number => {
    if (list.length === 0) return -1;
    const pivot = (start + end) >> 1;
    const c = Math.sign(compareItems(index, list[pivot]!));
    if (end - start <= 1) return c === -1 ? pivot - 1 : pivot;
    if (c === -1) return locate(index, start, pivot);
    if (c === 0) return pivot;
    return locate(index, pivot, end);
  };
  for (let index = 0; index < sortKeys.length; index++) list.splice(locate(index, 0, list.length) + 1, 0, index);
  return list;
}
