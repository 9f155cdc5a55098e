/**
 * Dates in reference strings: "1997", "(2011a)", "2017. 30 May", "May 1993", "septembre 2014",
 * "2010-03-05", "n.d.". Works on word tokens, not one big pattern, so any input is linear.
 */
import type { CslDate } from '../documents/model';
import { MONTHS, SEASONS } from './lexicon';
import { coreWord } from './features';

/** A parsed date with the letter that tells apart works of one author and year ("1997a"). */
export interface ParsedDate {
  date: CslDate;
  /** "a" in "1997a", for CSL's year-suffix. */
  yearSuffix?: string;
}

const YEAR = /^(1[5-9]\d\d|20\d\d)([a-z])?$/;

/** Parses a date segment; undefined when it holds no year and is not "n.d.". */
export function parseDate(text: string): ParsedDate | undefined {
  const bounded = text.slice(0, 200);
  const iso = /(?:^|\D)(1[5-9]\d\d|20\d\d)-(\d{1,2})-(\d{1,2})(?:\D|$)/.exec(bounded);
  if (iso) {
    const month = Number(iso[2]);
    const day = Number(iso[3]);
    if (month >= 1 && month <= 12 && day >= 1 && day <= 31) return { date: { 'date-parts': [[Number(iso[1]), month, day]] } };
  }
  // "F1000Research, 6:1933, 2017": a page after a volume's colon is not a year when another one is there.
  const pageLike = /\d\s?:\s?(?:1[5-9]\d\d|20\d\d)\b/g;
  const unpaged = bounded.replace(pageLike, ' ');
  const words = (/(?:^|\D)(?:1[5-9]\d\d|20\d\d)(?:[a-z])?(?:\D|$)/.test(unpaged) ? unpaged : bounded).split(/[\s,.;:()[\]/–—-]+/).filter(Boolean);
  let year: number | undefined;
  let suffix: string | undefined;
  let month: number | undefined;
  let day: number | undefined;
  let monthAt = -1;
  words.forEach((word, i) => {
    const y = YEAR.exec(word);
    if (y && year === undefined) {
      year = Number(y[1]);
      if (y[2]) suffix = y[2];
      return;
    }
    const m = MONTHS.get(coreWord(word));
    if (m !== undefined && month === undefined && !SEASONS.has(coreWord(word))) {
      month = m;
      monthAt = i;
    }
  });
  if (year === undefined) {
    if (/\bn\.\s?d\b|\bo\.\s?j\b|\bs\.\s?d\b|no date|forthcoming|in press/i.test(bounded)) return { date: { literal: bounded.trim().replace(/^[([]|[)\].,]+$/g, '') } };
    return undefined;
  }
  if (month !== undefined) {
    for (const at of [monthAt - 1, monthAt + 1]) {
      const w = words[at];
      if (w && /^\d{1,2}(?:st|nd|rd|th|er|e)?$/.test(w)) {
        const d = parseInt(w, 10);
        if (d >= 1 && d <= 31) {
          day = d;
          break;
        }
      }
    }
  }
  const parts = [year, ...(month !== undefined ? [month, ...(day !== undefined ? [day] : [])] : [])];
  const parsed: ParsedDate = { date: { 'date-parts': [parts] } };
  if (suffix) parsed.yearSuffix = suffix;
  return parsed;
}
