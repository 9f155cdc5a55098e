/**
 * RIS as Zotero, Mendeley, EndNote and databases export it: CRLF lines, a byte-order mark, old
 * tags (A1, Y1, T1, JF) beside new ones (AU, PY, TI, JO, DA), dates written "1997///" or
 * "2001/05//". citation-js reads the record; the authors and the date are settled here, since
 * it keeps only one of AU and A1 and leaves "1983/01/01/" unread.
 */
import { risRecordToCsl, risTextToRecords, type RisRecord } from '../export/citation-js';
import { dateParts } from './tidy-item';

/** One record, parsed or not. */
export interface RisParse {
  entries: { csl: Record<string, unknown>; index: number; id?: string }[];
  failed: { index: number; reason: string }[];
}

function values(record: RisRecord, tag: string): string[] {
  const value = record[tag];
  return (Array.isArray(value) ? value : value === undefined ? [] : [value]).map((v) => v.trim()).filter(Boolean);
}

/** Splits text into records: each runs from "TY  -" to "ER  -"; CR and blank lines ignored. */
function records(text: string): string[] {
  const lines = text.replace(/^\uFEFF/u, '').split(/\r\n|\r|\n/u);
  const out: string[] = [];
  let current: string[] | null = null;
  for (const line of lines) {
    if (/^TY {2}-/u.test(line)) {
      if (current) out.push(current.join('\n'));
      current = [line];
    } else if (/^ER {2}-/u.test(line)) {
      if (current) out.push([...current, 'ER  - '].join('\n'));
      current = null;
    } else if (current && line.trim()) {
      current.push(line);
    }
  }
  if (current) out.push(current.join('\n'));
  return out;
}

function fixRecord(record: RisRecord): RisRecord {
  const fixed: RisRecord = { ...record };
  // Authors may come in AU and A1 (or A1 alone); citation-js keeps one tag.
  const authors = [...values(record, 'AU'), ...values(record, 'A1')];
  if (authors.length > 0) {
    fixed.AU = [...new Set(authors)];
    delete fixed.A1;
  }
  return fixed;
}

function dateOf(record: RisRecord): number[] | undefined {
  for (const tag of ['PY', 'Y1', 'DA', 'Y2']) {
    for (const value of values(record, tag)) {
      const parts = dateParts(value);
      if (parts) return parts;
    }
  }
  return undefined;
}

/** Parses every record; one that citation-js cannot read is reported by its number. */
export function parseRis(text: string, onProgress?: (done: number, total: number) => void): RisParse {
  const result: RisParse = { entries: [], failed: [] };
  const all = records(text);
  all.forEach((recordText, i) => {
    if (i % 200 === 199) onProgress?.(i + 1, all.length);
    try {
      const parsed = risTextToRecords(`${recordText}\n`);
      const record = parsed[0];
      if (!record || parsed.length !== 1) throw new Error('it is not one RIS record');
      const fixed = fixRecord(record);
      const csl = risRecordToCsl(fixed) as Record<string, unknown> | undefined;
      if (!csl) throw new Error('it could not be read');
      const date = dateOf(record);
      if (date && (!csl.issued || (csl.issued as { raw?: unknown }).raw !== undefined || tooShort(csl.issued, date))) {
        csl.issued = { 'date-parts': [date] };
      }
      const id = values(record, 'ID')[0];
      result.entries.push({ csl, index: i + 1, ...(id ? { id } : {}) });
    } catch (error) {
      result.failed.push({ index: i + 1, reason: error instanceof Error ? error.message.split('\n')[0] ?? '' : String(error) });
    }
  });
  return result;
}

function tooShort(issued: unknown, date: number[]): boolean {
  const parts = (issued as { 'date-parts'?: number[][] })['date-parts']?.[0];
  return !parts || parts.length < date.length;
}
