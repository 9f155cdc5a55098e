/**
 * Builds a CSL-JSON item from the labelled segments of one reference: names parsed, dates read,
 * punctuation and cue words removed, identifiers pulled out, and a CSL type inferred from which
 * fields are present.
 */
import type { CslItem, CslName } from '../documents/model';
import { parseDate } from './dates';
import {
  cleanContainer,
  cleanNote,
  cleanPages,
  cleanPlain,
  cleanTitle,
  extractDoi,
  extractIsbn,
  extractUrl,
  parseVolume,
} from './field-cleaners';
import { parseNames } from './names';
import { closingQuoteToken } from './quoted-title';
import { squash } from './text-trim';

/** A run of tokens that share one label. */
export interface LabelledSpan {
  label: string;
  text: string;
}

/** Hands the tokens after a quoted title's closing quote to the note (see quoted-title.ts). */
function endQuotedTitles(tokens: Array<{ text: string }>, labels: string[]): string[] {
  const out = [...labels];
  for (let i = 0; i < out.length; i++) {
    if (out[i] !== 'title' || (i > 0 && out[i - 1] === 'title')) continue;
    let end = i;
    while (end < out.length && out[end] === 'title') end++;
    const close = closingQuoteToken(tokens.slice(i, end).map((t) => t.text));
    if (close >= 0) for (let k = i + close + 1; k < end; k++) out[k] = 'note';
    i = end - 1;
  }
  return out;
}

/** Joins labelled tokens into spans of one label each. */
export function spansFromTokens(raw: string, tokens: Array<{ text: string; start: number; end: number }>, tokenLabels: string[]): LabelledSpan[] {
  const labels = endQuotedTitles(tokens, tokenLabels);
  const spans: LabelledSpan[] = [];
  let from = 0;
  for (let i = 1; i <= tokens.length; i++) {
    if (i < tokens.length && labels[i] === labels[from]) continue;
    const first = tokens[from];
    const last = tokens[i - 1];
    if (first && last) spans.push({ label: labels[from] ?? 'note', text: raw.slice(first.start, last.end) });
    from = i;
  }
  return spans;
}

function joined(spans: LabelledSpan[], ...labels: string[]): string | undefined {
  const texts = spans.filter((s) => labels.includes(s.label)).map((s) => s.text);
  return texts.length > 0 ? squash(texts.join(' ')) : undefined;
}

/**
 * The one span of a label that holds the field, when the labeller has scattered it: stray tokens
 * far from the main run are more often mislabelled neighbours than a second half. Measured on
 * held-out references: the first run is the title (later ones are mostly series or notes), the
 * longest run is the container.
 */
function primary(spans: LabelledSpan[], rule: 'first' | 'longest', ...labels: string[]): string | undefined {
  let best: LabelledSpan | undefined;
  for (const span of spans) {
    if (!labels.includes(span.label)) continue;
    if (!best || (rule === 'longest' && span.text.length > best.text.length)) best = span;
  }
  return best ? squash(best.text) : undefined;
}

function names(spans: LabelledSpan[], label: string): CslName[] {
  return spans.filter((s) => s.label === label).flatMap((s) => parseNames(s.text));
}

const CONFERENCE = /\b(?:proc|proceedings|conference|conf|symposium|workshop|congress|meeting|colloquium|tagung|kongress|actes)\b/i;

function inferType(item: CslItem, spans: LabelledSpan[]): string {
  const genre = `${item.genre ?? ''} ${item.note ?? ''}`;
  if (/\b(?:thesis|dissertation|diss\.|these|thèse|doctoral|habilitation)/i.test(genre)) return 'thesis';
  if (/\b(?:report|memo|working paper|technical|tech\.? rep)/i.test(genre)) return 'report';
  const container = item['container-title'];
  const hasJournal = spans.some((s) => s.label === 'journal');
  const parts = item.issued?.['date-parts']?.[0] ?? [];
  if (container) {
    if (CONFERENCE.test(container)) return 'paper-conference';
    if (hasJournal) {
      if (!item.volume && !item.page && parts.length >= 2) return 'article-newspaper';
      return 'article-journal';
    }
    if (item.editor || /^\s*(?:in|dans|im)\b/i.test(joined(spans, 'container-title') ?? '') || item.publisher) return 'chapter';
    if (!item.volume && !item.page && parts.length >= 2) return 'article-newspaper';
    if (item.volume || item.page) return 'article-journal';
    return 'chapter';
  }
  if (item.URL && !item.publisher) return 'webpage';
  if (item.publisher || item['publisher-place'] || item.ISBN || item.edition) return 'book';
  return 'document';
}

/**
 * The date segment, less a page the labeller took for a year: after a volume ending in a colon
 * ("6:" then "1933, 2017."), the leading number is the page, the year follows.
 */
function datePart(spans: LabelledSpan[]): string | undefined {
  const date = joined(spans, 'date');
  if (!date) return date;
  const at = spans.findIndex((s) => s.label === 'date');
  const before = spans[at - 1];
  const paged = before?.label === 'volume' && /:\s*$/u.test(before.text) ? /^\s*\d{1,5}\s*,\s*(?=.*\d{4})/u.exec(date) : null;
  return paged ? date.slice(paged[0].length) : date;
}

const IN_CUE = /^\s*(?:in|dans|im)\b/iu;
const EDITOR_CUE = /^\s*[,.]?\s*(?:edited\s+by|ed\.\s+by|eds?\.\s|hrsg\.|hg\.|herausgegeben|sous\s+la\s+dir|a\s+cura\s+di|под\s+(?:общ\.\s+)?ред)/iu;

/**
 * "… “Gender and Nation” in Space, Gender, Knowledge: Feminist Readings, edited by Joanne P.
 * Sharp …": when the editors are named after an editor cue, what follows "in" is the book, even
 * where its title reads like names ("Space, Gender,") or was left as a note.
 */
function bookAfterIn(spans: LabelledSpan[]): LabelledSpan[] {
  const at = spans.findIndex((s) => (s.label === 'editor' || s.label === 'note') && IN_CUE.test(s.text));
  if (at < 0) return spans;
  const cuedEditor = spans.slice(at + 1).some((s) => s.label === 'editor' && EDITOR_CUE.test(s.text));
  const otherContainer = spans.some((s, i) => i !== at + 1 && (s.label === 'container-title' || s.label === 'journal'));
  if (!cuedEditor || otherContainer) return spans;
  const next = spans[at + 1];
  const book = next?.label === 'container-title' ? { label: 'container-title', text: `${spans[at]!.text} ${next.text}` } : { label: 'container-title', text: spans[at]!.text };
  return [...spans.slice(0, at), book, ...spans.slice(next?.label === 'container-title' ? at + 2 : at + 1)];
}

/** The CSL item for a list of spans (id left empty; the caller assigns one). */
export function spansToCsl(given: LabelledSpan[]): CslItem {
  // GOST names editors after the title: "Кино и общество / под ред. П. П. Петрова".
  const spans = bookAfterIn(given).map((span, i) => {
    if (i === 0 || span.label !== 'author') return span;
    const text = span.text.replace(/^\s*\/{1,2}\s*/u, '');
    return EDITOR_CUE.test(text) ? { label: 'editor', text } : span;
  });
  const item: CslItem = { id: '', type: 'document' };
  const author = names(spans, 'author');
  if (author.length) item.author = author;
  const editor = names(spans, 'editor');
  if (editor.length) item.editor = editor;
  const translator = names(spans, 'translator');
  if (translator.length) item.translator = translator;

  const date = datePart(spans);
  const parsedDate = date ? parseDate(date) : undefined;
  if (parsedDate) {
    item.issued = parsedDate.date;
    if (parsedDate.yearSuffix) item['year-suffix'] = parsedDate.yearSuffix;
  }
  const title = primary(spans, 'first', 'title');
  if (title) setText(item, 'title', cleanTitle(title));
  const container = primary(spans, 'longest', 'journal', 'container-title');
  if (container) setText(item, 'container-title', cleanContainer(container));
  const collection = joined(spans, 'collection-title');
  if (collection) setText(item, 'collection-title', cleanContainer(collection));
  const volume = joined(spans, 'volume');
  if (volume) {
    const v = parseVolume(volume);
    if (v.volume) item.volume = v.volume;
    if (v.issue) item.issue = v.issue;
  }
  const pages = joined(spans, 'pages');
  if (pages) setText(item, 'page', cleanPages(pages));
  for (const [label, field] of [['edition', 'edition'], ['publisher', 'publisher'], ['location', 'publisher-place'], ['genre', 'genre']] as const) {
    const text = joined(spans, label);
    if (text) setText(item, field, cleanPlain(text));
  }
  const note = joined(spans, 'note');
  if (note) setText(item, 'note', cleanNote(note));
  const url = joined(spans, 'url');
  const foundUrl = url ? (extractUrl(url) ?? cleanPlain(url)) : undefined;
  if (foundUrl) item.URL = foundUrl;
  const doi = joined(spans, 'doi');
  const foundDoi = doi ? extractDoi(doi) : undefined;
  if (foundDoi) item.DOI = foundDoi;
  const isbn = joined(spans, 'isbn');
  const foundIsbn = isbn ? extractIsbn(isbn) : undefined;
  if (foundIsbn) item.ISBN = foundIsbn;
  item.type = inferType(item, spans);
  return item;
}

function setText(item: CslItem, field: string, value: string): void {
  if (value) item[field] = value;
}
