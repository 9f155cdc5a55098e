/**
 * One shape for every imported entry, whichever file it came from: dates as `date-parts` (a
 * "raw" or "1997///" date read), numbers in dates as numbers, URLs without the TeX escapes
 * Mendeley writes ("\_", "\%"), and only the CSL fields a bibliography needs (a BibTeX `file`
 * path on the student's disk, or a JabRef group list, says nothing about the work).
 */
import type { CslDate, CslItem, CslName } from '../documents/model';

/** Fields that describe the file or the reference manager, not the work. */
const DROPPED = new Set(['file', 'groups', 'owner', 'timestamp', 'creationdate', 'modificationdate', 'citation-label', '_graph']);

const DATE_FIELDS = ['issued', 'accessed', 'original-date', 'event-date', 'submitted'] as const;

/** [year, month?, day?] from "1997", "1997-03-02", "1997/03//", "03/1997", "March 1997". */
export function dateParts(text: string): number[] | undefined {
  const iso = /(\d{4})(?:[-/.](\d{1,2}))?(?:[-/.](\d{1,2}))?/u.exec(text);
  if (!iso) return undefined;
  const parts = [Number(iso[1])];
  const month = Number(iso[2] ?? 0);
  const day = Number(iso[3] ?? 0);
  if (month >= 1 && month <= 12) {
    parts.push(month);
    if (day >= 1 && day <= 31) parts.push(day);
  }
  return parts;
}

function numberParts(parts: unknown): number[] | undefined {
  if (!Array.isArray(parts)) return undefined;
  const numbers = parts.slice(0, 3).map((p) => (typeof p === 'number' ? p : typeof p === 'string' && /^-?\d+$/u.test(p.trim()) ? Number(p) : NaN));
  const firstBad = numbers.findIndex((n) => !Number.isFinite(n));
  const valid = firstBad === -1 ? numbers : numbers.slice(0, firstBad);
  return valid.length > 0 ? valid : undefined;
}

/** A CSL date in `date-parts` form where it can be read; literal text kept when it cannot. */
export function tidyDate(value: unknown): CslDate | undefined {
  if (typeof value === 'string' || typeof value === 'number') {
    const parts = dateParts(String(value));
    return parts ? { 'date-parts': [parts] } : { literal: String(value) };
  }
  if (!value || typeof value !== 'object') return undefined;
  const date = value as Record<string, unknown>;
  const lists = Array.isArray(date['date-parts']) ? (date['date-parts'] as unknown[]).map(numberParts).filter((p): p is number[] => !!p) : [];
  if (lists.length > 0) return { 'date-parts': lists.slice(0, 2) };
  for (const field of ['raw', 'literal'] as const) {
    const text = date[field];
    if (typeof text !== 'string' || !text.trim()) continue;
    const parts = dateParts(text);
    return parts ? { 'date-parts': [parts] } : { literal: text.trim() };
  }
  return undefined;
}

/** Mendeley's BibTeX escapes TeX specials inside URLs; a URL has no TeX in it. */
export function tidyUrl(url: string): string {
  return url.replace(/\\([_%&#$~])/gu, '$1').replace(/\{\\textasciitilde\}|\\textasciitilde(?:\{\})?/gu, '~').trim();
}

function tidyName(name: CslName): CslName | undefined {
  const out: CslName = {};
  for (const key of ['family', 'given', 'non-dropping-particle', 'dropping-particle', 'suffix', 'literal'] as const) {
    const value = name[key];
    if (typeof value === 'string' && value.trim()) out[key] = value.trim();
  }
  // A corporate author written {{World Health Organization}} arrives as a family name alone.
  if (out.family && !out.given && !out.literal && /\s/u.test(out.family) && !out['non-dropping-particle']) {
    return { literal: out.family };
  }
  return Object.keys(out).length > 0 ? out : undefined;
}

/** True when the entry says enough to be a work: a title, or an author with a year. */
export function describesWork(item: CslItem): boolean {
  return !!item.title?.trim() || ((item.author?.length ?? 0) > 0 && !!item.issued);
}

/** The imported entry in Lectern's shape; `id` is left for the store to give. */
export function tidyItem(raw: Record<string, unknown>): CslItem {
  const item: CslItem = { id: '', type: typeof raw.type === 'string' && raw.type ? raw.type : 'document' };
  for (const [field, value] of Object.entries(raw)) {
    if (field === 'id' || field === 'type' || DROPPED.has(field) || value === undefined || value === null) continue;
    if ((DATE_FIELDS as readonly string[]).includes(field)) {
      const date = tidyDate(value);
      if (date) item[field] = date;
    } else if (Array.isArray(value) && ['author', 'editor', 'translator', 'container-author', 'collection-editor', 'composer', 'director', 'interviewer', 'recipient', 'reviewed-author'].includes(field)) {
      const names = value.filter((n): n is CslName => !!n && typeof n === 'object').map(tidyName).filter((n): n is CslName => !!n);
      if (names.length > 0) item[field] = names;
    } else if (typeof value === 'string') {
      const text = field === 'URL' ? tidyUrl(value) : value.trim();
      if (text) item[field] = text;
    } else if (typeof value === 'number') {
      item[field] = String(value);
    }
  }
  return item;
}
