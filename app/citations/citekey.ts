/**
 * Citation keys for parsed references: first author's family name and year, letters only,
 * lower case ("Yuval-Davis 1997" -> "yuvaldavis1997"). Stable for the same text, readable
 * in exports.
 */
import type { CslItem } from '../documents/model';

function asciiLetters(text: string): string {
  return text.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]/g, '');
}

/** The key for one item, without collision handling. */
export function citekey(item: CslItem): string {
  const first = item.author?.[0] ?? item.editor?.[0];
  let who = first ? asciiLetters(first.family ?? first.literal ?? first.given ?? '') : '';
  if (!who && item.title) who = asciiLetters(item.title.split(/\s+/).find((w) => w.length > 3) ?? item.title.split(/\s+/)[0] ?? '');
  who = who.slice(0, 24) || 'ref';
  const year = item.issued?.['date-parts']?.[0]?.[0];
  const suffix = typeof item['year-suffix'] === 'string' ? item['year-suffix'] : '';
  return `${who}${year ?? 'nd'}${suffix}`;
}

/** Keys for a list, made unique by "-2", "-3" in order of appearance. */
export function uniqueCitekeys(items: CslItem[]): string[] {
  const seen = new Map<string, number>();
  return items.map((item) => {
    const key = citekey(item);
    const n = (seen.get(key) ?? 0) + 1;
    seen.set(key, n);
    return n === 1 ? key : `${key}-${n}`;
  });
}
