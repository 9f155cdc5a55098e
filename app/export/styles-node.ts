/**
 * Registers the CSL styles and locales shipped in resources/csl by reading them from disk. For
 * the command line and tests only: the renderer and worker import the same files as raw strings.
 */
import { readFile } from 'node:fs/promises';
import type { Result } from '../documents/model';
import { registerLocale, registerStyle } from './styles';

/** Style files shipped in resources/csl, by style id. */
export const SHIPPED_STYLES = ['apa', 'modern-language-association', 'chicago-author-date', 'gost-r-7-0-5-2008'] as const;

/** Locale files shipped in resources/csl, by language tag. */
export const SHIPPED_LOCALES = ['en-US', 'ru-RU'] as const;

const CSL_DIR = new URL('../../resources/csl/', import.meta.url);

/** Reads and registers every shipped style and locale; says which file failed if one does. */
export async function registerShippedStyles(): Promise<Result<void>> {
  try {
    for (const lang of SHIPPED_LOCALES) {
      const done = registerLocale(lang, await readFile(new URL(`locales-${lang}.xml`, CSL_DIR), 'utf8'));
      if (!done.ok) return done;
    }
    for (const id of SHIPPED_STYLES) {
      const done = registerStyle(id, await readFile(new URL(`${id}.csl`, CSL_DIR), 'utf8'));
      if (!done.ok) return done;
    }
    return { ok: true, value: undefined };
  } catch (error) {
    return { ok: false, error: `Lectern could not read its citation styles: ${error instanceof Error ? error.message : String(error)}` };
  }
}
