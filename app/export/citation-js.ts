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
