/**
 * Recognising a publication date written on a line of its own, as articles print it under the
 * headline: "9 August 2017", "August 9, 2017", "Posted on Aug. 9, 2017", "2017-08-09".
 */
import type { CslDate } from './model';

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const MONTH = '(January|February|March|April|May|June|July|August|September|Sept|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Oct|Nov|Dec)\\.?';
const PREFIX = /^(?:(?:first\s+)?published|posted|last\s+updated|updated|date)\s*(?:on)?\s*[:\-–—]?\s*/i;

const DAY_MONTH_YEAR = new RegExp(`^(\\d{1,2})(?:st|nd|rd|th)?\\s+${MONTH}\\s*,?\\s+(\\d{4})$`, 'i');
const MONTH_DAY_YEAR = new RegExp(`^${MONTH}\\s+(\\d{1,2})(?:st|nd|rd|th)?\\s*,?\\s+(\\d{4})$`, 'i');
const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Parses a line that consists of a date (with an optional "Published"-style label) into CSL date parts. */
export function parseDateLine(line: string): CslDate | undefined {
  const text = line.trim().replace(PREFIX, '').replace(/[.,;]$/, '').trim();
  if (text.length > 40) return undefined;
  let parts: [number, number, number] | undefined;
  const dmy = DAY_MONTH_YEAR.exec(text);
  const mdy = MONTH_DAY_YEAR.exec(text);
  const iso = ISO.exec(text);
  if (dmy) parts = [Number(dmy[3]), monthNumber(dmy[2]), Number(dmy[1])];
  else if (mdy) parts = [Number(mdy[3]), monthNumber(mdy[1]), Number(mdy[2])];
  else if (iso) parts = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
  if (!parts || !isRealDate(parts)) return undefined;
  return { 'date-parts': [parts] };
}

function monthNumber(name: string | undefined): number {
  return MONTHS.indexOf((name ?? '').slice(0, 3).toLowerCase()) + 1;
}

function isRealDate([year, month, day]: [number, number, number]): boolean {
  if (year < 1400 || year > 2200 || month < 1 || month > 12 || day < 1) return false;
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}
