/**
 * "Copy as citation": one work, or one highlighted passage, cited for the tool the student
 * writes in: pandoc Markdown ("[@key, p. 12]"), LaTeX with biblatex ("\autocite[12]{key}") or
 * formatted text in a CSL style ("(Ezerova, 2018, para. 10)"). The key is the work's stored
 * citation key, so what is pasted resolves against the synced bibliography file.
 */
import { quoteCitation, type PassageLocator } from '../citations/quote-citation';
import type { CslItem } from '../documents/model';
import { formatPassageCitation } from '../export/passage-citation';
import { normaliseQuote } from '../export/quote-marks';

/** The tools a citation is copied for. */
export const CITE_TOOLS = ['pandoc', 'latex', 'formatted'] as const;

/** One of {@link CITE_TOOLS}. */
export type CiteTool = (typeof CITE_TOOLS)[number];

/** What a formatted citation needs besides the key. */
export interface CiteOptions {
  /** The work's description; required for 'formatted'. */
  item?: CslItem;
  /** A CSL style id or alias for 'formatted' ("apa", "mla", "chicago"); APA when absent. */
  style?: string;
}

/**
 * Pandoc reads "@key" up to the first character a key cannot hold; keys with anything else, or
 * ending in punctuation, go in braces ("@{key}") so pandoc takes them whole.
 */
const PANDOC_BARE_KEY = /^[\p{L}\p{N}_]+(?:[:.#$%&\-+?<>~/][\p{L}\p{N}_]+)*$/u;

function pandocKey(key: string): string {
  return PANDOC_BARE_KEY.test(key) ? `@${key}` : `@{${key.replace(/[{}]/g, '')}}`;
}

/** A locator value as pandoc reads it: brackets, semicolons and "@" would end or split the citation. */
function pandocValue(value: string): string {
  return value.replace(/[[\]@;\\]/g, (c) => `\\${c}`);
}

const LATEX_SPECIAL: Readonly<Record<string, string>> = {
  '\\': '\\textbackslash{}',
  '{': '\\{',
  '}': '\\}',
  '%': '\\%',
  '#': '\\#',
  '&': '\\&',
  _: '\\_',
  $: '\\$',
  '~': '\\textasciitilde{}',
  '^': '\\textasciicircum{}',
};

/** Text safe in a LaTeX paragraph or optional argument. */
export function escapeLatex(text: string): string {
  return text.replace(/[\\{}%#&_$~^]/g, (c) => LATEX_SPECIAL[c] ?? c).replace(/[[\]]/g, (c) => `{${c}}`);
}

/** Characters pandoc Markdown would read as syntax inside a quoted passage (a stray "@smith" would become a citation). */
function escapePandocText(text: string): string {
  return text.replace(/[\\`*_[\]<>@$^~]/g, '\\$&');
}

/** The citation of the work `key` at `locator`, or of the whole work without one. */
export function citeAs(tool: CiteTool, key: string, locator: PassageLocator | null | undefined, options: CiteOptions = {}): string {
  const value = locator ? String(locator.value).trim() : '';
  const where = locator && value ? locator : null;
  switch (tool) {
    case 'pandoc': {
      if (!where) return `[${pandocKey(key)}]`;
      return `[${pandocKey(key)}, ${where.label === 'page' ? 'p.' : 'para.'} ${pandocValue(value)}]`;
    }
    case 'latex': {
      // biblatex prints "p." itself for a bare page; a paragraph names its term.
      if (!where) return `\\autocite{${key}}`;
      return `\\autocite[${where.label === 'page' ? escapeLatex(value) : `para.~${escapeLatex(value)}`}]{${key}}`;
    }
    case 'formatted': {
      const item = options.item ?? { id: key, type: 'article' };
      const text = formatPassageCitation(item, options.style ?? 'apa', where);
      // A style that cannot be used still gives a citation, in Lectern's own short form.
      return text.ok ? text.value : quoteCitation(item, where);
    }
  }
}

/**
 * A highlighted passage in typographic quotes followed by its citation for `tool`:
 * “the protagonist is a girl” [@ezerova2018, para. 10]. A sentence-final full stop moves
 * after the citation, where pandoc, biblatex and the author-date styles all put it.
 */
export function quoteAs(tool: CiteTool, quote: string, key: string, locator: PassageLocator | null | undefined, options: CiteOptions = {}): string {
  let body = normaliseQuote(quote);
  let end = '';
  if (/[^.]\.$/u.test(body)) {
    body = body.slice(0, -1);
    end = '.';
  }
  const text = tool === 'pandoc' ? escapePandocText(body) : tool === 'latex' ? escapeLatex(body) : body;
  return `“${text}” ${citeAs(tool, key, locator, options)}${end}`;
}
