/**
 * Citation keys, the one module that makes them. Two kinds, both kept exactly as users have
 * them, since keys are written into stored references and exported .bib files:
 * - the id the reference parser gives each parsed entry: first author's family name and year,
 *   letters and digits only ("Yuval-Davis 1997" -> "yuvaldavis1997"), "-2", "-3" for repeats;
 * - the export key: the family name folded to ASCII with Cyrillic romanized ("Кувшинова" 2017 ->
 *   kuvshinova2017), a, b, c appended when two works would share a key; an id that already
 *   reads as a key is kept. The same items in the same order always get the same keys, so a
 *   .bib file written twice diffs cleanly.
 */
import type { CslItem, CslName } from '../documents/model';
import { foldForKey } from '../text/fold';

/** The shape assignCitekeys produces: letters, then a year or "nd", then an optional suffix. */
const CITEKEY = /^[a-z]+(?:\d{4}|nd)[a-z]{0,2}$/;

/** Long names make unwieldy keys; 24 letters keeps "yuvaldavis" whole and cuts corporate names. */
const MAX_NAME_LETTERS = 24;

/** The id of one parsed reference, without repeat handling. */
export function referenceId(item: CslItem): string {
  const first = item.author?.[0] ?? item.editor?.[0];
  let who = first ? foldForKey(first.family ?? first.literal ?? first.given ?? '', 'drop') : '';
  if (!who && item.title) who = foldForKey(item.title.split(/\s+/).find((w) => w.length > 3) ?? item.title.split(/\s+/)[0] ?? '', 'drop');
  who = who.slice(0, MAX_NAME_LETTERS) || 'ref';
  const year = item.issued?.['date-parts']?.[0]?.[0];
  const suffix = typeof item['year-suffix'] === 'string' ? item['year-suffix'] : '';
  return `${who}${year ?? 'nd'}${suffix}`;
}

/** Ids for a list of parsed references, made unique by "-2", "-3" in order of appearance. */
export function uniqueReferenceIds(items: CslItem[]): string[] {
  const seen = new Map<string, number>();
  return items.map((item) => {
    const key = referenceId(item);
    const n = (seen.get(key) ?? 0) + 1;
    seen.set(key, n);
    return n === 1 ? key : `${key}-${n}`;
  });
}

/** True when `id` already reads as a key of the shape Lectern writes (e.g. "bykov2017b"). */
export function isCitekey(id: string): boolean {
  return CITEKEY.test(id);
}

function nameWord(name: CslName | undefined): string {
  if (!name) return '';
  return foldForKey(name.family ?? name.literal ?? name.given ?? '').replace(/\d/g, '');
}

function titleWord(title: string | undefined): string {
  const words = (title ?? '').split(/\s+/).map((w) => foldForKey(w).replace(/\d/g, ''));
  return words.find((w) => w.length > 3) ?? words.find((w) => w.length > 0) ?? '';
}

/** The export key an item would get with no clash: its id when that is a key already. */
export function baseCitekey(item: CslItem): string {
  if (isCitekey(item.id)) return item.id;
  const who = nameWord(item.author?.[0]) || nameWord(item.editor?.[0]) || titleWord(item.title) || 'anon';
  const year = item.issued?.['date-parts']?.[0]?.[0];
  return `${who.slice(0, MAX_NAME_LETTERS)}${typeof year === 'number' && year > 0 && year < 10000 ? String(year).padStart(4, '0') : 'nd'}`;
}

/** a, b, ..., z, aa, ab, ... */
function suffix(n: number): string {
  let out = '';
  for (let k = n; k >= 0; k = Math.floor(k / 26) - 1) out = String.fromCharCode(97 + (k % 26)) + out;
  return out;
}

/** One unique export key per item, in order; works sharing a base key are told apart by a, b, c. */
export function assignCitekeys(items: readonly CslItem[]): string[] {
  const bases = items.map(baseCitekey);
  const counts = new Map<string, number>();
  for (const key of bases) counts.set(key, (counts.get(key) ?? 0) + 1);
  const used = new Set(bases.filter((key) => counts.get(key) === 1));
  const next = new Map<string, number>();
  return bases.map((key) => {
    if (counts.get(key) === 1) return key;
    let n = next.get(key) ?? 0;
    while (used.has(key + suffix(n))) n++;
    next.set(key, n + 1);
    used.add(key + suffix(n));
    return key + suffix(n);
  });
}
