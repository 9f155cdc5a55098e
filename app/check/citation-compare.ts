/**
 * The draft's citation beside a quotation, and how it compares with the source. The citation
 * that belongs to a quotation is the parenthesis right after it ("… ” (Ezerova 2018, p. 12).",
 * "(Ezerova, 2018, para. 10)", MLA's "(Ezerova 12)", or a block quote's closing "(p. 12)"),
 * read by the citation engine the reader uses when it can, else by the shapes below; a bare
 * "(p. 12)" or "(12)" takes its names and year from a narrative citation earlier in the same
 * sentence ("Ezerova (2018) writes, “…” (p. 12)"), or from the source author's name there.
 */
import type { DocumentCitation } from '../citations/document-citations';
import { quoteCitation, type PassageLocator } from '../citations/quote-citation';
import type { CslItem } from '../documents/model';
import { formatPassageCitation } from '../export/passage-citation';
import { foldName } from '../text/fold';
import type { CitationProblem, DraftCitation, DraftQuote, QuoteCitationCheck } from './report';

const AFTER_QUOTE = /^[”"»“’'‘\s.,;:!?]{0,6}\(([^()]{1,160})\)/u;
const YEAR = /(?<![\p{L}\p{N}])((?:1[5-9]\d\d|20\d\d)[a-z]?|n\.\s?d\.)(?![\p{L}\p{N}])/u;
const PIN = String.raw`(?:\d{1,5}|[ivxlcdm]{1,8})(?:\s?[-–—]\s?(?:\d{1,5}|[ivxlcdm]{1,8}))?`;
const LOCATOR_AT_END = new RegExp(String.raw`(?:^|[\s,:])((?:(?:pp?|pgs?|pages?|paras?|par|¶|§)\.?\s{0,2})?${PIN})\s*$`, 'iu');
const NAMES = /^(?:(?:see|cf\.)(?:\s+also)?\s+)?(\p{Lu}[\p{L}\p{M}'’-]+(?:(?:,\s*|\s+)(?:and|&)\s+\p{Lu}[\p{L}\p{M}'’-]+)?)(\s+et\s+al\.?)?/u;
const NARRATIVE = /(\p{Lu}[\p{L}\p{M}'’-]+(?:\s+(?:and|&)\s+\p{Lu}[\p{L}\p{M}'’-]+)?(?:\s+et\s+al\.?)?)[’']?s?\s{0,2}\(((?:1[5-9]\d\d|20\d\d)[a-z]?|n\.\s?d\.)(?:,\s*([^()]{1,30}))?\)/gu;

function familyNames(written: string): string[] {
  return written.replace(/\s+et\s+al\.?$/u, '').split(/\s*(?:,|\band\b|&)\s*/u).map((n) => n.trim()).filter(Boolean);
}

/** Reads "Ezerova 2018, p. 12", "Ezerova 12", "p. 12" as names, year and locator. */
export function readCitationText(inside: string): Omit<DraftCitation, 'start' | 'end' | 'text'> | null {
  let rest = inside.replace(/\s+/gu, ' ').trim();
  const year = YEAR.exec(rest);
  let names: string[] = [];
  const named = NAMES.exec(rest);
  if (named && !/^(?:pp?|para|paras|par|pgs?|pages?)\.?$/iu.test(named[1] ?? '') && (!year || named.index + named[0].length <= year.index)) {
    names = familyNames(named[1]!);
    rest = rest.slice(named.index + named[0].length);
  }
  let yearText: string | undefined;
  const ownYear = YEAR.exec(rest);
  if (ownYear) {
    yearText = ownYear[1]!.replace(/\s/gu, '');
    rest = rest.slice(ownYear.index + ownYear[0].length);
  }
  const pin = LOCATOR_AT_END.exec(rest.replace(/^[\s,:]+/u, ' '));
  const locator = pin?.[1]?.trim();
  if (names.length === 0 && !yearText && !locator) return null;
  // Whatever else stands there ("see the film") makes it no citation.
  const leftover = pin ? rest.replace(/^[\s,:]+/u, ' ').slice(0, pin.index).trim() : rest.trim();
  if (leftover.replace(/[,;:]/gu, '').trim() !== '') return null;
  return { names, ...(yearText ? { year: yearText } : {}), ...(locator ? { locator } : {}) };
}

function fromEngine(citation: DocumentCitation): Omit<DraftCitation, 'start' | 'end' | 'text'> {
  const item = citation.items?.[0];
  const year = item?.year !== undefined ? `${item.year}${item.suffix ?? ''}` : undefined;
  const locator = citation.locator ?? item?.locator;
  return { names: item?.names ?? [], ...(year ? { year } : {}), ...(locator ? { locator } : {}) };
}

/** The sentence before the quotation, back to the last full stop (at most 240 characters). */
function sentenceBefore(text: string, quote: DraftQuote): { from: number; text: string } {
  const from = Math.max(0, quote.start - 240);
  const window = text.slice(from, Math.max(from, quote.start - 1));
  const stop = Math.max(window.lastIndexOf('. '), window.lastIndexOf('\n\n'));
  return { from: from + stop + 1, text: window.slice(stop + 1) };
}

/**
 * The draft's citation of `quote`: the parenthesis after it, completed by a narrative citation
 * in the sentence before. `citations` are the draft's, as the citation engine found them;
 * `author` is the source's first author, looked for by name when the parenthesis names none.
 */
export function citationOfQuote(text: string, quote: DraftQuote, citations: readonly DocumentCitation[], author?: string): DraftCitation | undefined {
  const after = AFTER_QUOTE.exec(text.slice(quote.end, quote.end + 180));
  let found: DraftCitation | undefined;
  if (after) {
    const start = quote.end + after.index + after[0].lastIndexOf('(');
    const end = quote.end + after.index + after[0].length;
    // The shapes keep the locator's label ("para." or "p."); the engine reads what they cannot
    // ("(Smith 2019; Jones 2020, p. 4)").
    const engine = citations.find((c) => c.start === start && c.kind === 'parenthetical');
    const read = readCitationText(after[1] ?? '') ?? (engine ? fromEngine(engine) : null);
    if (read) found = { start, end, text: text.slice(start, end), ...read };
  }
  if (found && found.names.length > 0) return found;
  const sentence = sentenceBefore(text, quote);
  const narrative = [...sentence.text.matchAll(NARRATIVE)].pop();
  if (narrative) {
    const nStart = sentence.from + narrative.index;
    const nEnd = nStart + narrative[0].length;
    const names = familyNames(narrative[1]!);
    const year = narrative[2]!.replace(/\s/gu, '');
    const locator = found?.locator ?? narrative[3]?.trim();
    if (found) return { ...found, names, ...(found.year ? {} : { year }), ...(locator ? { locator } : {}) };
    return { start: nStart, end: nEnd, text: text.slice(nStart, nEnd), names, year, ...(locator ? { locator } : {}) };
  }
  if (found && author && foldName(sentence.text).split(' ').includes(foldName(author))) return { ...found, names: [author] };
  return found;
}

const ROMAN: Record<string, number> = { i: 1, v: 5, x: 10, l: 50, c: 100, d: 500, m: 1000 };

function pageNumber(value: string): number | null {
  if (/^\d+$/u.test(value)) return Number(value);
  const lower = value.toLowerCase();
  if (!/^[ivxlcdm]+$/u.test(lower)) return null;
  let total = 0;
  for (let i = 0; i < lower.length; i++) {
    const here = ROMAN[lower[i]!]!;
    const next = ROMAN[lower[i + 1] ?? ''] ?? 0;
    total += here < next ? -here : here;
  }
  return total;
}

/** True when the written locator ("12", "pp. 11–13", "ii", "para. 4") names the source's place. */
export function locatorMatches(written: string, locator: PassageLocator): boolean {
  const label = /^(pp?|pgs?|pages?|paras?|par|¶|§)(?![a-z])\.?\s*/iu.exec(written);
  const isParagraph = label ? /^(?:paras?|par|¶|§)$/iu.test(label[1]!) : false;
  if (label && isParagraph !== (locator.label === 'paragraph')) return false;
  const value = written.slice(label?.[0].length ?? 0).trim();
  const wanted = String(locator.value).toLowerCase();
  const range = /^(\S+?)\s?[-–—]\s?(\S+)$/u.exec(value);
  if (!range) return value.toLowerCase() === wanted;
  const [low, high, target] = [pageNumber(range[1]!), pageNumber(range[2]!), pageNumber(wanted)];
  if (low === null || high === null || target === null) return false;
  // Roman front matter and arabic pages are counted apart: "ii–3" is no range to look in.
  if (/^\d+$/u.test(range[1]!) !== /^\d+$/u.test(wanted)) return false;
  const top = high < low && /^\d+$/u.test(range[2]!) ? Number(String(low).slice(0, -range[2]!.length) + range[2]) : high;
  return low <= target && target <= top;
}

function yearOf(item: CslItem): string | undefined {
  const year = item.issued?.['date-parts']?.[0]?.[0];
  return year === undefined ? undefined : String(year);
}

/** A value no style prints of itself, standing for a locator while a citation is formatted. */
const PLACEHOLDER = '97531';

/**
 * The citations a style prints for passages, formatted once per work and kind of locator: the
 * citation engine takes some 20 ms a call, and a draft quotes the same sources again and again
 * at other pages. The work is formatted with a placeholder locator, which each page or
 * paragraph then takes the place of; a citation where the placeholder does not stand exactly
 * once, or a locator that is not a plain number or roman numeral, is formatted as it is.
 */
export class ExpectedCitations {
  private readonly cache = new Map<string, string | null>();

  constructor(
    private readonly style: string,
    private readonly locale?: string,
  ) {}

  /** The citation of `item` at `locator` in the style, or Lectern's plain form when the style fails. */
  get(item: CslItem, locator: PassageLocator | null): string {
    const options = this.locale ? { locale: this.locale } : {};
    const value = locator ? String(locator.value) : '';
    if (locator && /^(?:\d{1,6}|[ivxlcdm]{1,8})$/iu.test(value)) {
      const key = `${JSON.stringify(item)}\u0000${locator.label}`;
      let template = this.cache.get(key);
      if (template === undefined) {
        const formatted = formatPassageCitation(item, this.style, { label: locator.label, value: PLACEHOLDER } as PassageLocator, options);
        template = formatted.ok && formatted.value.split(PLACEHOLDER).length === 2 ? formatted.value : null;
        this.cache.set(key, template);
      }
      if (template !== null) return template.replace(PLACEHOLDER, value);
    }
    const formatted = formatPassageCitation(item, this.style, locator, options);
    return formatted.ok ? formatted.value : quoteCitation(item, locator);
  }
}

/** Compares the draft's citation with the source and the passage's locator, in `style`. */
export function compareCitation(found: DraftCitation | undefined, item: CslItem, locator: PassageLocator | null, style: string | ExpectedCitations, locale?: string): QuoteCitationCheck {
  const expected = (typeof style === 'string' ? new ExpectedCitations(style, locale) : style).get(item, locator);
  if (!found) return { problems: ['missing-citation'], expected };
  const problems: CitationProblem[] = [];
  const creators = (item.author?.length ? item.author : item.editor) ?? [];
  const families = creators.map((c) => foldName(c.family ?? c.literal ?? '')).filter(Boolean);
  if (found.names.length > 0 && families.length > 0 && !families.includes(foldName(found.names[0]!))) problems.push('wrong-author');
  const year = yearOf(item);
  if (found.year && year && found.year.replace(/[a-z]$/u, '') !== year) problems.push('wrong-year');
  if (locator) {
    if (!found.locator) problems.push('missing-page');
    else if (!locatorMatches(found.locator, locator)) problems.push('wrong-page');
  }
  return { found, problems, expected };
}
