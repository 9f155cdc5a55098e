/**
 * An in-text citation of one work at one passage, in a registered CSL style: "(Ezerova, 2018,
 * para. 10)" in APA, "(Ezerova 2018, 405)" in Chicago author-date. Unlike formatCitation, the
 * locator keeps its label, so a paragraph number is cited as a paragraph and not as a page.
 */
import type { PassageLocator } from '../citations/quote-citation';
import type { CslItem, Result } from '../documents/model';
import { renderCitation, type RenderFormat } from './citation-js';
import { withCitekeys } from './export';
import { checkLocale, resolveStyle } from './styles';

/** Options for a passage citation. */
export interface PassageCitationOptions {
  /** Language of terms ("para.", "p."); defaults to the style's own or en-US. */
  locale?: string;
  /** Plain text (default) or citeproc's HTML. */
  output?: RenderFormat;
}

/** A locator as citeproc wants it: the value as text and a CSL locator label. */
function citeprocLocator(locator: PassageLocator): { locator: string; label: string } {
  return { locator: String(locator.value), label: locator.label === 'page' ? 'page' : 'paragraph' };
}

/**
 * Some styles print the paragraph term glued to its number ("para.10" in MLA 9); readers and
 * style guides expect a space there, as after "p.".
 */
function spaceAfterTerm(text: string): string {
  return text.replace(/\b(paras?\.|pars?\.|¶)(?=\d)/gu, '$1 ');
}

/** The in-text citation of `item` at `locator` (or of the whole work without one). */
export function formatPassageCitation(item: CslItem, style: string, locator?: PassageLocator | null, options: PassageCitationOptions = {}): Result<string> {
  const resolved = resolveStyle(style);
  if (!resolved.ok) return resolved;
  const lang = options.locale ?? resolved.value.defaultLocale ?? 'en-US';
  const locale = checkLocale(lang);
  if (!locale.ok) return locale;
  try {
    const [keyed] = withCitekeys([item]);
    if (!keyed) return { ok: false, error: 'There is nothing to cite: no work was given.' };
    const entry = [{ id: keyed.id, ...(locator ? citeprocLocator(locator) : {}) }];
    const text = renderCitation([keyed], resolved.value.engineName, lang, options.output ?? 'text', entry);
    return { ok: true, value: spaceAfterTerm(text.trim()) };
  } catch (error) {
    return { ok: false, error: `Lectern could not format the citation in the style "${style}": ${error instanceof Error ? error.message : String(error)}` };
  }
}
