/**
 * The CSL styles and locales Lectern ships, registered for the renderer. Loaded on first use
 * (citation-js and the style files are large), and never fetched: Vite bundles them as text.
 */
import type * as ExportApi from '../../../app/export/export';
import apa from '../../../resources/csl/apa.csl?raw';
import chicago from '../../../resources/csl/chicago-author-date.csl?raw';
import gost from '../../../resources/csl/gost-r-7-0-5-2008.csl?raw';
import enUS from '../../../resources/csl/locales-en-US.xml?raw';
import ruRU from '../../../resources/csl/locales-ru-RU.xml?raw';
import mla from '../../../resources/csl/modern-language-association.csl?raw';

/** The export module with every shipped style registered. */
export type ExportModule = typeof ExportApi;

let loading: Promise<ExportModule> | null = null;

/** Loads citation-js and registers the shipped styles once. */
export function loadExport(): Promise<ExportModule> {
  loading ??= (async () => {
    const styles = await import('../../../app/export/styles');
    styles.registerStyle('apa', apa);
    styles.registerStyle('modern-language-association', mla);
    styles.registerStyle('chicago-author-date', chicago);
    styles.registerStyle('gost-r-7-0-5-2008', gost);
    styles.registerLocale('en-US', enUS);
    styles.registerLocale('ru-RU', ruRU);
    return import('../../../app/export/export');
  })();
  return loading;
}

/** Styles a student can pick for cards, quotes and bibliographies. */
export const CITATION_STYLES = [
  { id: 'apa', label: 'APA 7' },
  { id: 'mla', label: 'MLA 9' },
  { id: 'chicago', label: 'Chicago (author-date)' },
] as const;

/** One of the styles above. */
export type CitationStyleId = (typeof CITATION_STYLES)[number]['id'];
