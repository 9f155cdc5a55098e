/**
 * Telling whether two bibliographic descriptions are the same work, when different documents
 * spell it differently: "Kuvshinova, Mariia. 2017. ‘Tesnota’…" in one reference list and
 * "Kuvshinova, M. (2017). Tesnota…" in another. Same DOI settles it; otherwise the first
 * author's folded family name, the year (with its a/b suffix) and most of the title must agree.
 */
import type { CslItem, CslName } from '../documents/model';
import { foldName } from '../text/fold';

/** What identifies a work, folded for comparison. */
export interface WorkSignature {
  /** Folded family name of the first author (else editor, else a corporate name); "" if none. */
  family: string;
  /** Year of publication; undefined when unknown. */
  year?: number;
  /** "a", "b"… when the year carries one ("2017a"); "" otherwise. */
  suffix: string;
  /** Folded title words, without short and function words. */
  titleWords: Set<string>;
  /** DOI in lower case without its resolver prefix; "" if none. */
  doi: string;
}

/** Titles of the same work share at least this share of the shorter title's words. */
export const TITLE_OVERLAP = 0.6;

/** Function words common in English and romanised Russian titles; they say nothing of identity. */
const FUNCTION_WORDS = new Set(['the', 'and', 'for', 'with', 'from', 'into', 'about', 'dla', 'pri', 'pro', 'kak', 'eto', 'ili']);

function firstName(item: CslItem): CslName | undefined {
  return item.author?.[0] ?? item.editor?.[0];
}

/** The folded family of a CSL name, or of a corporate name as one word. */
export function foldedFamily(name: CslName | undefined): string {
  if (!name) return '';
  const family = [name['non-dropping-particle'], name.family].filter(Boolean).join(' ');
  return foldName(family || name.literal || '').replace(/ /g, '');
}

/** Folded content words of a title, quotes and punctuation ignored. */
export function titleWords(title: string | undefined): Set<string> {
  const words = foldName((title ?? '').replace(/[‘’'“”"«»„‚]/gu, ' ')).split(' ');
  return new Set(words.filter((w) => w.length > 2 && !FUNCTION_WORDS.has(w)));
}

/** Share of the shorter title's words found in the other; 0 when either has none. */
export function titleOverlap(a: Set<string>, b: Set<string>): number {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  if (small.size === 0) return 0;
  let shared = 0;
  for (const word of small) if (large.has(word)) shared += 1;
  return shared / small.size;
}

function normaliseDoi(doi: unknown): string {
  if (typeof doi !== 'string') return '';
  return doi.trim().toLowerCase().replace(/^(?:https?:\/\/(?:dx\.)?doi\.org\/|doi:\s*)/u, '');
}

/** The year suffix, from CSL's `year-suffix` or from the year as printed ("2017a"). */
function yearSuffix(item: CslItem, raw: string | undefined, year: number | undefined): string {
  if (typeof item['year-suffix'] === 'string') return item['year-suffix'].toLowerCase();
  if (!raw || year === undefined) return '';
  return new RegExp(`\\b${year}([a-z])\\b`, 'u').exec(raw)?.[1] ?? '';
}

/** The signature of a CSL item (and its entry as printed, which may show a year suffix). */
export function workSignature(item: CslItem, raw?: string): WorkSignature {
  const year = item.issued?.['date-parts']?.[0]?.[0];
  const known = typeof year === 'number' && Number.isFinite(year) ? year : undefined;
  return {
    family: foldedFamily(firstName(item)),
    ...(known !== undefined ? { year: known } : {}),
    suffix: yearSuffix(item, raw, known),
    titleWords: titleWords(item.title),
    doi: normaliseDoi(item.DOI),
  };
}

/** True when two signatures describe the same work. */
export function sameWork(a: WorkSignature, b: WorkSignature): boolean {
  if (a.doi && b.doi) return a.doi === b.doi;
  if (!a.family || a.family !== b.family || a.year !== b.year || a.suffix !== b.suffix) return false;
  return titleOverlap(a.titleWords, b.titleWords) >= TITLE_OVERLAP;
}

/** How much an item says: filled fields, with names and dates counting by their parts. */
function completeness(item: CslItem): number {
  let score = 0;
  for (const [field, value] of Object.entries(item)) {
    if (field === 'id' || value === undefined || value === null || value === '') continue;
    if (Array.isArray(value)) score += value.length;
    else if (typeof value === 'object') score += ((value as { 'date-parts'?: number[][] })['date-parts']?.[0]?.length ?? 1);
    else score += 1;
  }
  return score;
}

/**
 * One item from several descriptions of the same work: the most complete one, with fields only
 * the others have filled in from them (in the order given).
 */
export function mergeItems(items: readonly CslItem[], id: string): CslItem {
  const ranked = [...items].sort((a, b) => completeness(b) - completeness(a));
  const merged: CslItem = { ...(ranked[0] ?? { type: 'document' }), id };
  for (const other of ranked.slice(1)) {
    for (const [field, value] of Object.entries(other)) {
      if (merged[field] === undefined || merged[field] === '') merged[field] = value;
    }
  }
  return merged;
}
