/**
 * Getting CSL items ready for BibTeX and BibLaTeX output. citation-js is told to keep UTF-8 as is
 * (see citation-js.ts), which also turns off its escaping of characters TeX treats as commands,
 * so those are escaped here: a title with "&" or "50%" must still compile, and an unbalanced
 * brace must not end the field early.
 */
import type { CslItem, CslName } from '../documents/model';

/** Fields written verbatim: a URL or DOI with "_" or "%" must stay clickable. */
const VERBATIM_FIELDS = new Set(['id', 'citation-key', 'URL', 'DOI']);

const TEX_ESCAPES: Readonly<Record<string, string>> = {
  '\\': '\\textbackslash{}',
  '{': '\\{',
  '}': '\\}',
  '&': '\\&',
  '%': '\\%',
  $: '\\$',
  '#': '\\#',
  _: '\\_',
  '~': '\\textasciitilde{}',
  '^': '\\textasciicircum{}',
};

/** `text` with TeX's special characters escaped. */
export function escapeTex(text: string): string {
  return text.replace(/[\\{}&%$#_~^]/g, (ch) => TEX_ESCAPES[ch] ?? ch);
}

/** CSL fields that become BibTeX title fields, where styles may change the letter case. */
const TITLE_FIELDS = new Set(['title', 'collection-title', 'event-title', 'original-title', 'title-short']);

/** Periodical types, whose container becomes `journal` (never recased) rather than `booktitle`. */
const PERIODICAL_TYPE = /^(article|review|post)/;

/**
 * Braces words written in a non-Latin script that hold a capital ("{Кантемиром}"), so a style
 * that lowercases titles keeps proper names. citation-js does this for ASCII words only; as it
 * does, the first word of the title and of each subtitle is left alone.
 */
export function protectCapitals(text: string): string {
  return text
    .split(/(:\s*)/)
    .map((part, i) => {
      if (i % 2 === 1) return part;
      let first = true;
      return part.replace(/[\p{L}\p{M}]+/gu, (word) => {
        const protect = !first && /\p{Lu}/u.test(word) && !/[A-Za-z]/.test(word);
        first = false;
        return protect ? `{${word}}` : word;
      });
    })
    .join('');
}

function escapeName(name: CslName): CslName {
  const out: CslName = {};
  for (const [key, value] of Object.entries(name)) {
    (out as Record<string, unknown>)[key] = typeof value === 'string' ? escapeTex(value) : value;
  }
  return out;
}

function escapeValue(key: string, value: unknown): unknown {
  if (VERBATIM_FIELDS.has(key)) return value;
  if (typeof value === 'string') return escapeTex(value);
  if (Array.isArray(value) && value.every((v) => typeof v === 'object' && v !== null && !Array.isArray(v))) {
    return (value as CslName[]).map(escapeName);
  }
  return value;
}

/**
 * BibTeX has no interview type: citation-js writes one as @misc (BibTeX), dropping the periodical
 * it appeared in, or as @audio (BibLaTeX). An interview printed in a periodical is an article.
 */
function bibtexType(item: CslItem): string {
  return item.type === 'interview' && item['container-title'] ? 'article-magazine' : item.type;
}

/** A copy of `item` keyed `key` (the entry label), with TeX specials escaped in its text fields. */
export function toBibtexReady(item: CslItem, key: string): CslItem {
  const out: CslItem = { id: key, type: bibtexType(item) };
  const titles = PERIODICAL_TYPE.test(out.type) ? TITLE_FIELDS : new Set([...TITLE_FIELDS, 'container-title']);
  for (const [field, value] of Object.entries(item)) {
    if (field === 'id' || field === 'type') continue;
    const escaped = escapeValue(field, value);
    out[field] = titles.has(field) && typeof escaped === 'string' ? protectCapitals(escaped) : escaped;
  }
  // citation-js turns a hyphen between page numbers into TeX's en dash "--" but passes "–" through.
  if (typeof out.page === 'string') out.page = out.page.replace(/\s*[–—]\s*/g, '-');
  out['citation-key'] = key;
  return out;
}

/**
 * citation-js writes every CSL chapter as @inbook, which BibTeX and BibLaTeX reserve for a part
 * of a book by the book's own author; a chapter in an edited volume is @incollection.
 */
export function retypeEditedChapters(text: string, items: readonly CslItem[]): string {
  let out = text;
  for (const item of items) {
    if (item.type !== 'chapter' || !item.editor?.length) continue;
    out = out.replace(`@inbook{${item.id},`, `@incollection{${item.id},`);
  }
  return out;
}

/**
 * citation-js writes a full date's month and day together, `month = {may 30}`, which no BibTeX
 * style reads as a month. BibTeX's month is the three-letter macro (`month = may`); the day goes
 * in `day`, which biblatex's BibTeX reader and several styles take and the rest ignore.
 */
const MONTH_MACROS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

export function bibtexMonths(text: string): string {
  return text.replace(/^(\s*)month = \{([a-z]{3}|\d{1,2})(?: (\d{1,2}))?\},$/gm, (line, indent: string, month: string, day?: string) => {
    const macro = /^\d+$/.test(month) ? MONTH_MACROS[Number(month) - 1] : MONTH_MACROS.includes(month) ? month : undefined;
    if (!macro) return line;
    return day ? `${indent}month = ${macro},\n${indent}day = {${day}},` : `${indent}month = ${macro},`;
  });
}
