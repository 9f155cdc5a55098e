/**
 * Exporting CSL items: as CSL-JSON, BibTeX, BibLaTeX or RIS, as a bibliography in any registered
 * CSL style, or as one in-text citation ("copy quote with citation"). Every item gets a stable,
 * unique citekey (citekeys.ts) that becomes its id in CSL-JSON and RIS and its label in BibTeX.
 * Nothing here throws: failures come back as a message the student can act on.
 */
import type { CslItem, Result } from '../documents/model';
import { bibtexMonths, retypeEditedChapters, toBibtexReady } from './bibtex-fields';
import { renderBibliography, renderCitation, toBibtexText, type RenderFormat } from './citation-js';
import { itemsToRis } from './ris';
import { assignCitekeys } from '../citations/citekeys';
import { withoutLoneParts, withSiteNamesKept, withSpelledInitials } from './export-tidy';
import { checkLocale, resolveStyle, STYLE_ALIASES } from './styles';

/** Data formats; any other format name is taken as a CSL style id or alias (apa, mla, chicago). */
export const DATA_FORMATS = ['csl-json', 'bibtex', 'biblatex', 'ris'] as const;

/** A data format, a style alias, or the id of any registered CSL style. */
export type ExportFormat = (typeof DATA_FORMATS)[number] | 'apa' | 'mla' | 'chicago' | (string & {});

/** Options for styled output. */
export interface ExportOptions {
  /** Language of terms and dates ("edited by", month names); defaults to the style's own or en-US. */
  locale?: 'en-US' | 'ru-RU' | (string & {});
  /** Plain text (default) or citeproc's HTML, which keeps italics. */
  output?: RenderFormat;
  /** The works' stored citation keys, one per item in order; without them keys are assigned afresh. */
  citekeys?: readonly string[];
}

/** Options for one in-text citation. */
export interface CitationOptions extends ExportOptions {
  /** A page or page range in the cited work ("405"), added when one item is cited. */
  locator?: string;
}

function failure(error: unknown, what: string): { ok: false; error: string } {
  const reason = error instanceof Error ? error.message : String(error);
  return { ok: false, error: `Lectern could not ${what}: ${reason}` };
}

/**
 * The items with their citekeys as ids (`stored` when given for every item, else assigned), and
 * initials written without dots spelled out.
 */
export function withCitekeys(items: readonly CslItem[], stored?: readonly string[]): CslItem[] {
  const keys = stored && stored.length === items.length ? stored : assignCitekeys(items);
  return items.map((item, i) => withSpelledInitials({ ...item, id: keys[i] ?? item.id }));
}

/**
 * Items ready for a CSL style: citekeys, site names marked so title case leaves them alone, and
 * no review of itself or issue without its periodical.
 */
export function styleReadyItems(items: readonly CslItem[], citekeys?: readonly string[]): CslItem[] {
  return withCitekeys(items, citekeys).map((item) => withSiteNamesKept(withoutLoneParts(item)));
}

/** The engine name of a registered style and the locale to render in, or why there is none. */
export function styleSetup(style: string, options: ExportOptions): Result<{ engineName: string; lang: string }> {
  const resolved = resolveStyle(style);
  if (!resolved.ok) return resolved;
  const lang = options.locale ?? resolved.value.defaultLocale ?? 'en-US';
  const locale = checkLocale(lang);
  if (!locale.ok) return locale;
  return { ok: true, value: { engineName: resolved.value.engineName, lang } };
}

/** A bibliography of `items` in a registered style, sorted as the style says. */
export function formatBibliography(items: readonly CslItem[], style: string, options: ExportOptions = {}): Result<string> {
  const setup = styleSetup(style, options);
  if (!setup.ok) return setup;
  try {
    return { ok: true, value: renderBibliography(styleReadyItems(items, options.citekeys), setup.value.engineName, setup.value.lang, options.output ?? 'text') };
  } catch (error) {
    return failure(error, `format the bibliography in the style "${style}"`);
  }
}

/** One in-text citation of all `items` together, e.g. "(Ezerova 2018)" in Chicago author-date. */
export function formatCitation(items: readonly CslItem[], style: string, options: CitationOptions = {}): Result<string> {
  if (items.length === 0) return { ok: false, error: 'There is nothing to cite: no work was given.' };
  const setup = styleSetup(style, options);
  if (!setup.ok) return setup;
  try {
    const keyed = styleReadyItems(items, options.citekeys);
    const entry = keyed.map((item) => (options.locator && keyed.length === 1 ? { id: item.id, locator: options.locator, label: 'page' } : { id: item.id }));
    return { ok: true, value: renderCitation(keyed, setup.value.engineName, setup.value.lang, options.output ?? 'text', entry) };
  } catch (error) {
    return failure(error, `format the citation in the style "${style}"`);
  }
}

/** `items` in a data format, or as a bibliography when `format` names a style. */
export function exportItems(items: readonly CslItem[], format: ExportFormat, options: ExportOptions = {}): Result<string> {
  const keyed = withCitekeys(items, options.citekeys);
  try {
    switch (format) {
      case 'csl-json':
        return { ok: true, value: JSON.stringify(keyed, null, 2) + '\n' };
      case 'bibtex':
      case 'biblatex': {
        const ready = keyed.map((item) => toBibtexReady(item, item.id));
        return { ok: true, value: bibtexMonths(retypeEditedChapters(toBibtexText(ready, format === 'bibtex' ? 'bibtex' : 'biblatex'), ready)) };
      }
      case 'ris':
        return { ok: true, value: itemsToRis(keyed) };
      default:
        return formatBibliography(keyed, format, { ...options, citekeys: keyed.map((item) => item.id) });
    }
  } catch (error) {
    return failure(error, `export as ${format}`);
  }
}

/** Every format name exportItems takes besides registered style ids. */
export const FORMAT_NAMES: readonly string[] = [...DATA_FORMATS, ...Object.keys(STYLE_ALIASES)];
