/**
 * The CSL styles and locales Lectern can format with. Nothing is fetched: each host registers
 * the XML it ships (styles-node.ts reads resources/csl from disk for the CLI and tests; the
 * renderer and worker import the same files as raw strings), and formatting refuses a style or
 * locale that was not registered rather than fall back to one citation-js bundles.
 */
import type { Result } from '../documents/model';
import { addCiteprocLocale, addCiteprocStyle } from './citation-js';

/** The short names Lectern offers for the common styles, and the CSL style ids they stand for. */
export const STYLE_ALIASES: Readonly<Record<string, string>> = {
  apa: 'apa',
  mla: 'modern-language-association',
  chicago: 'chicago-author-date',
};

/** A registered style as citeproc will be asked for it. */
export interface ResolvedStyle {
  /** The name citeproc knows the style by (changes when the XML changes, see registerStyle). */
  engineName: string;
  /** The style's `default-locale` (GOST styles say ru-RU), used when the caller names none. */
  defaultLocale?: string;
}

const styles = new Map<string, ResolvedStyle & { xml: string }>();
const locales = new Map<string, string>();
let revisions = 0;

/** Registers (or replaces) the CSL style `id`, e.g. registerStyle('apa', apaXml). */
export function registerStyle(id: string, xml: string): Result<void> {
  if (!/<style\b[^>]*xmlns="http:\/\/purl\.org\/net\/xbiblio\/csl"/.test(xml)) {
    return { ok: false, error: `The style "${id}" is not a CSL style file (no <style> element in the CSL namespace).` };
  }
  if (styles.get(id)?.xml === xml) return { ok: true, value: undefined };
  // citation-js caches one citeproc engine per style name, so new XML needs a new name.
  const engineName = styles.has(id) ? `${id}#${++revisions}` : id;
  addCiteprocStyle(engineName, xml);
  const defaultLocale = /<style\b[^>]*\bdefault-locale="([^"]+)"/.exec(xml)?.[1];
  styles.set(id, defaultLocale ? { engineName, xml, defaultLocale } : { engineName, xml });
  return { ok: true, value: undefined };
}

/** Registers (or replaces) the CSL locale for a language tag such as 'en-US' or 'ru-RU'. */
export function registerLocale(lang: string, xml: string): Result<void> {
  if (!/<locale\b[^>]*xmlns="http:\/\/purl\.org\/net\/xbiblio\/csl"/.test(xml)) {
    return { ok: false, error: `The locale "${lang}" is not a CSL locale file (no <locale> element in the CSL namespace).` };
  }
  addCiteprocLocale(lang, xml);
  locales.set(lang, xml);
  return { ok: true, value: undefined };
}

/** Ids of the registered styles, sorted. */
export function registeredStyles(): string[] {
  return [...styles.keys()].sort();
}

/** Language tags of the registered locales, sorted. */
export function registeredLocales(): string[] {
  return [...locales.keys()].sort();
}

/** A style by id or alias ('mla'), or why it cannot be used. */
export function resolveStyle(idOrAlias: string): Result<ResolvedStyle> {
  const id = STYLE_ALIASES[idOrAlias] ?? idOrAlias;
  const style = styles.get(id);
  if (style) return { ok: true, value: style.defaultLocale ? { engineName: style.engineName, defaultLocale: style.defaultLocale } : { engineName: style.engineName } };
  const known = registeredStyles().join(', ') || 'none';
  return { ok: false, error: `The citation style "${idOrAlias}" is not available (registered styles: ${known}).` };
}

/**
 * What a rendering in `style` and `lang` depends on besides the items: the style's XML and the
 * locale files citeproc reads (the one asked for and en-US, its fallback), as one string to hash.
 * Undefined for a style or locale that is not registered.
 */
export function styleSource(idOrAlias: string, lang: string): string | undefined {
  const style = styles.get(STYLE_ALIASES[idOrAlias] ?? idOrAlias);
  const locale = locales.get(lang);
  const fallback = locales.get('en-US');
  if (!style || locale === undefined || fallback === undefined) return undefined;
  return `${style.xml}\u0000${lang}\u0000${locale}\u0000${fallback}`;
}

/** Checks that a locale was registered, and that en-US (citeproc's fallback for every style) was. */
export function checkLocale(lang: string): Result<void> {
  for (const needed of ['en-US', lang]) {
    if (!locales.has(needed)) {
      const known = registeredLocales().join(', ') || 'none';
      return { ok: false, error: `The locale "${needed}" is not available (registered locales: ${known}).` };
    }
  }
  return { ok: true, value: undefined };
}
