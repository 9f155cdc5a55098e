/**
 * Citation keys for exports: the first author's family name folded to ASCII letters plus the
 * year ("Кувшинова" 2017 -> kuvshinova2017, "Yuval-Davis" 1997 -> yuvaldavis1997), with a, b, c
 * appended when two works would share a key. The same items in the same order always get the
 * same keys, so a .bib file written twice diffs cleanly.
 */
import type { CslItem, CslName } from '../documents/model';

/** Russian (and Ukrainian) letters in the Library of Congress romanization, without diacritics. */
const CYRILLIC_TO_LATIN: Readonly<Record<string, string>> = {
  а: 'a', б: 'b', в: 'v', г: 'g', д: 'd', е: 'e', ё: 'e', ж: 'zh', з: 'z', и: 'i', й: 'i', к: 'k',
  л: 'l', м: 'm', н: 'n', о: 'o', п: 'p', р: 'r', с: 's', т: 't', у: 'u', ф: 'f', х: 'kh', ц: 'ts',
  ч: 'ch', ш: 'sh', щ: 'shch', ъ: '', ы: 'y', ь: '', э: 'e', ю: 'iu', я: 'ia', і: 'i', ї: 'i', є: 'ie',
  ґ: 'g', ў: 'u',
};

/** The shape assignCitekeys produces: letters, then a year or "nd", then an optional suffix. */
const CITEKEY = /^[a-z]+(?:\d{4}|nd)[a-z]{0,2}$/;

/** Long names make unwieldy keys; 24 letters keeps "yuvaldavis" whole and cuts corporate names. */
const MAX_NAME_LETTERS = 24;

/** Lower-case ASCII letters and digits of `text`, Cyrillic romanized, accents dropped. */
export function asciiFold(text: string): string {
  const romanized = Array.from(text.toLowerCase(), (ch) => CYRILLIC_TO_LATIN[ch] ?? ch).join('');
  return romanized.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').replace(/[^a-z0-9]/g, '');
}

/** True when `id` already reads as a key of the shape Lectern writes (e.g. "bykov2017b"). */
export function isCitekey(id: string): boolean {
  return CITEKEY.test(id);
}

function nameWord(name: CslName | undefined): string {
  if (!name) return '';
  return asciiFold(name.family ?? name.literal ?? name.given ?? '').replace(/\d/g, '');
}

function titleWord(title: string | undefined): string {
  const words = (title ?? '').split(/\s+/).map((w) => asciiFold(w).replace(/\d/g, ''));
  return words.find((w) => w.length > 3) ?? words.find((w) => w.length > 0) ?? '';
}

/** The key an item would get with no clash: its id when that is a key already. */
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

/** One unique key per item, in order; works sharing a base key are told apart by a, b, c. */
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
