/**
 * RIS export and import around citation-js, mending what its mapping loses on newspaper
 * articles: the RIS specification files a NEWS record's AU under CSL "reporter" and reads only
 * the year (PY) of its date. Lectern writes AU and DA for them and reads both back, so a
 * newspaper article survives the round trip with its author and full date. Lines are written
 * unwrapped: citation-js breaks values every 70 characters, which splits words on re-import.
 */
import type { CslDate, CslItem, CslName } from '../documents/model';
import { risRecordToCsl, risTextToRecords, toRisRecords, type RisRecord } from './citation-js';

function risDate(date: CslDate | undefined): string | undefined {
  const parts = date?.['date-parts']?.[0];
  if (!parts || parts.length < 2) return undefined;
  const [year, month, day] = parts;
  return `${year}/${String(month).padStart(2, '0')}/${day === undefined ? '' : String(day).padStart(2, '0')}/`;
}

function parseRisDate(value: string | string[] | undefined): CslDate | undefined {
  const text = Array.isArray(value) ? value[0] : value;
  const parts = (text ?? '').split('/').slice(0, 3).filter(Boolean).map(Number);
  if (parts.length === 0 || parts.some((n) => !Number.isInteger(n))) return undefined;
  return { 'date-parts': [parts] };
}

function risName(name: CslName): string {
  if (name.literal) return name.literal;
  return [name.family ?? '', name.given ?? '', name.suffix ?? ''].filter((part, i) => i === 0 || part).join(', ');
}

function parseRisName(text: string): CslName {
  const [family, given, suffix] = text.split(/, ?/);
  if (given === undefined) return { literal: text };
  return suffix ? { family: family ?? '', given, suffix } : { family: family ?? '', given };
}

function oneLine(value: string): string {
  return value.replace(/\s*[\r\n]+\s*/g, ' ');
}

/** CSL items as RIS text, one record per item, ids in the ID tag. */
export function itemsToRis(items: readonly CslItem[]): string {
  return toRisRecords([...items])
    .map((record, i) => {
      const item = items[i];
      const tagged: RisRecord = { ...record };
      // citation-js cuts ids to the 20 characters of the 1990s specification; a key is written whole.
      if (item?.id && tagged.ID !== undefined) tagged.ID = item.id;
      if (item?.type === 'article-newspaper') {
        if (!tagged.AU && item.author?.length) tagged.AU = item.author.map(risName);
        const date = risDate(item.issued);
        if (!tagged.DA && date) tagged.DA = date;
      }
      const lines = [`TY  - ${String(tagged.TY)}`];
      for (const [tag, value] of Object.entries(tagged)) {
        if (tag === 'TY') continue;
        for (const v of ([] as string[]).concat(value)) lines.push(`${tag}  - ${oneLine(String(v))}`);
      }
      lines.push('ER  - ');
      return lines.join('\n');
    })
    .join('\n\n') + '\n';
}

/** Parses RIS text into CSL items. */
export function risToItems(text: string): CslItem[] {
  const items: CslItem[] = [];
  for (const record of risTextToRecords(text)) {
    const item = risRecordToCsl(record);
    if (!item) continue;
    if (item.type === 'article-newspaper') {
      const reporters = ([] as unknown[]).concat(item.reporter ?? []).filter((r): r is string => typeof r === 'string');
      if (!item.author && reporters.length > 0) {
        item.author = reporters.map(parseRisName);
        delete item.reporter;
      }
      const date = parseRisDate(record.DA);
      if (date && (date['date-parts']?.[0]?.length ?? 0) > (item.issued?.['date-parts']?.[0]?.length ?? 0)) item.issued = date;
    }
    items.push(item);
  }
  return items;
}
