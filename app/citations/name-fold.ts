/**
 * Keys for comparing personal names across transliterations and diacritics, so that
 * "Mariia Kuvshinova" in one source and "Maria Kuvshinova" in another, or "Zviagintsev" and
 * "Zvyagintsev", are recognised as one person. The keys are lossy on purpose: they are for
 * matching, never for display.
 */

const CYRILLIC: Record<string, string> = {
  а: 'a', б: 'b', в: 'v', г: 'g', д: 'd', е: 'e', ё: 'e', ж: 'zh', з: 'z', и: 'i', й: 'i',
  к: 'k', л: 'l', м: 'm', н: 'n', о: 'o', п: 'p', р: 'r', с: 's', т: 't', у: 'u', ф: 'f',
  х: 'kh', ц: 'ts', ч: 'ch', ш: 'sh', щ: 'shch', ъ: '', ы: 'y', ь: '', э: 'e', ю: 'iu', я: 'ia',
  і: 'i', ї: 'i', є: 'ie', ґ: 'g', ў: 'u',
};

/** Letters NFKD does not decompose into a base letter. */
const LATIN_EXTRA: Record<string, string> = { ß: 'ss', æ: 'ae', œ: 'oe', ø: 'o', ł: 'l', đ: 'd', ð: 'd', þ: 'th', ı: 'i' };

function transliterate(word: string): string {
  let out = '';
  for (const ch of word) out += CYRILLIC[ch] ?? LATIN_EXTRA[ch] ?? ch;
  return out;
}

/**
 * Folds one word. The rewrites merge the spellings the common romanisation systems (BGN/PCGN,
 * Library of Congress, ISO 9, popular press) give the same Russian name; each is applied to
 * both sides of a comparison, so a rewrite that over-merges costs little.
 */
function foldWord(word: string): string {
  let w = transliterate(word.toLowerCase())
    .normalize('NFKD')
    .replace(/\p{M}/gu, '');
  w = transliterate(w).replace(/[^a-z]/g, '');
  w = w
    .replace(/x/g, 'ks')
    .replace(/y/g, 'i')
    .replace(/w/g, 'v')
    // š/sh, ž/zh, č/ch, h/kh, c/ts: diacritic and digraph systems for the same letters.
    .replace(/([szck])h/g, (_m, c: string) => (c === 'k' ? 'h' : c))
    .replace(/ts/g, 'c')
    // Aleksandr/Alexander, Petr/Peter, Zhovner/Zhovnar: a vowel the romanisers disagree on.
    .replace(/([b-df-hj-np-tv-z])[ae]r$/, '$1r')
    .replace(/([a-z])\1+/g, '$1')
    // Yevgeny/Evgenii/Ievgenii.
    .replace(/^ie/, 'e');
  return w;
}

function words(name: string): string[] {
  return name.split(/[\s,]+/u).filter((w) => /\p{L}/u.test(w));
}

/**
 * The comparison key of a name: each word folded (lower case, no diacritics, Cyrillic
 * romanised, transliteration variants merged), joined by single spaces.
 * `foldName("Dar’ia Zhovner") === foldName("Darya Zhovnar")`.
 */
export function foldName(name: string): string {
  return words(name).map(foldWord).filter(Boolean).join(' ');
}

/** Damerau distance capped at 1: true for equal strings, one edit or one adjacent swap. */
function withinOneEdit(a: string, b: string): boolean {
  if (a === b) return true;
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  if (a.length === b.length) {
    if (a.slice(i + 1) === b.slice(i + 1)) return true;
    return a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2);
  }
  return a.length > b.length ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
}

function givenCompatible(a: string, b: string): boolean {
  if (!a || !b) return true;
  if (a.length === 1 || b.length === 1) return a[0] === b[0];
  // A typo in a given name ("Atrem" for "Artem") still names the same person when the family
  // name agrees; short names need an exact match, one edit turns "Ian" into "Ivan".
  return a === b || (Math.min(a.length, b.length) >= 4 && a[0] === b[0] && withinOneEdit(a, b));
}

/**
 * True when two personal names, written "Given Family" or "Family, Given", name the same person
 * after folding: family names equal, given names equal, an initial of each other, or one typo
 * apart. A name without a given name matches on the family name alone.
 */
export function sameName(a: string, b: string): boolean {
  const pa = splitPerson(a);
  const pb = splitPerson(b);
  return pa.family !== '' && pa.family === pb.family && givenCompatible(pa.given, pb.given);
}

/**
 * A merge key for a person: folded family name and the initial of the first given name
 * ("Artem Tsypin" and "Atrem Cipin" -> "cipin a"), for indexes of people across documents.
 */
export function personKey(name: string): string {
  const { family, given } = splitPerson(name);
  return given ? `${family} ${given[0] ?? ''}` : family;
}

/** Folded family and first given name of "Given Family" or "Family, Given". */
export function splitPerson(name: string): { family: string; given: string } {
  const comma = name.indexOf(',');
  if (comma >= 0) {
    const family = foldName(name.slice(0, comma)).replace(/ /g, '');
    return { family, given: foldName(name.slice(comma + 1)).split(' ')[0] ?? '' };
  }
  const parts = foldName(name).split(' ').filter(Boolean);
  return { family: parts[parts.length - 1] ?? '', given: parts.length > 1 ? (parts[0] ?? '') : '' };
}
