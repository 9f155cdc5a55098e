/**
 * Dates and names as documents state them in their metadata (meta tags, JSON-LD, OPF, Word's
 * core properties): "2020-05-01T09:00:00Z", "2020/5/1", "9 August 2017"; "Doe, Jane",
 * "Jane Doe", "Reuters". Shared by the HTML, DOCX and EPUB importers.
 */
import { parseDateLine } from '../date-line';
import type { CslDate, CslName } from '../model';
import { parsePersonName } from '../person-name';

const ISO_LIKE = /^(\d{4})(?:[-/.](\d{1,2})(?:[-/.](\d{1,2}))?)?(?:$|[T\s])/;

/** A stated date as CSL date parts, or undefined when it names no year. */
export function parseStatedDate(raw: string | undefined): CslDate | undefined {
  const text = (raw ?? '').trim();
  if (text === '') return undefined;
  const iso = ISO_LIKE.exec(text);
  if (iso) {
    const parts = [Number(iso[1])];
    const month = Number(iso[2] ?? 0);
    const day = Number(iso[3] ?? 0);
    if (month >= 1 && month <= 12) {
      parts.push(month);
      if (day >= 1 && day <= 31) parts.push(day);
    }
    return parts[0] && parts[0] >= 1000 ? { 'date-parts': [parts] } : undefined;
  }
  const line = parseDateLine(text);
  if (line) return line;
  const year = /\b(1[5-9]\d\d|2[01]\d\d)\b/.exec(text)?.[1];
  return year ? { 'date-parts': [[Number(year)]] } : undefined;
}

/**
 * A stated author as a CSL name: a person split into family and given names, anything else
 * (an agency, a newsroom) kept whole as a literal. Web addresses are not names.
 */
export function parseStatedName(raw: string | undefined): CslName | undefined {
  const text = (raw ?? '').replace(/\s+/g, ' ').trim().replace(/^by\s+/i, '');
  if (text === '' || /^(?:https?:|www\.)/i.test(text) || text.length > 120) return undefined;
  const person = parsePersonName(text);
  if (person) return person;
  const inverted = /^([^,]+),\s*([^,]+)$/.exec(text);
  if (inverted?.[1] && inverted[2] && !/\d/.test(text)) return { family: inverted[1].trim(), given: inverted[2].trim() };
  return { literal: text };
}

/** Several stated authors, duplicates (same name stated twice by two vocabularies) removed. */
export function parseStatedNames(raws: readonly string[]): CslName[] {
  const names: CslName[] = [];
  const seen = new Set<string>();
  for (const raw of raws) {
    const name = parseStatedName(raw);
    if (!name) continue;
    const key = JSON.stringify(name);
    if (!seen.has(key)) {
      seen.add(key);
      names.push(name);
    }
  }
  return names;
}

/** "doi:10.1/x", "https://doi.org/10.1/x" → "10.1/x"; undefined when it is not a DOI. */
export function cleanDoi(raw: string | undefined): string | undefined {
  const match = /\b(10\.\d{4,9}\/\S+)/.exec(raw ?? '');
  return match?.[1]?.replace(/[.,;]+$/, '');
}
