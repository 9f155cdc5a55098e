/**
 * Letters spelled in plain ASCII: the one table of Cyrillic letters in Latin (Library of Congress
 * romanization without its diacritics, so "Кувшинова" reads "kuvshinova", as most Western
 * catalogues print it) and the Latin letters that Unicode decomposition leaves whole.
 * Keys are lower case: callers lowercase first.
 */

/** Russian, Ukrainian and Belarusian letters in Library of Congress romanization, without diacritics. */
export const CYRILLIC_TO_LATIN: Readonly<Record<string, string>> = {
  а: 'a', б: 'b', в: 'v', г: 'g', д: 'd', е: 'e', ё: 'e', ж: 'zh', з: 'z', и: 'i', й: 'i', к: 'k',
  л: 'l', м: 'm', н: 'n', о: 'o', п: 'p', р: 'r', с: 's', т: 't', у: 'u', ф: 'f', х: 'kh', ц: 'ts',
  ч: 'ch', ш: 'sh', щ: 'shch', ъ: '', ы: 'y', ь: '', э: 'e', ю: 'iu', я: 'ia', і: 'i', ї: 'i', є: 'ie',
  ґ: 'g', ў: 'u',
};

/** Latin letters NFKD does not decompose into a base letter, in their usual ASCII spelling. */
export const LATIN_TO_ASCII: Readonly<Record<string, string>> = { ß: 'ss', æ: 'ae', œ: 'oe', ø: 'o', ł: 'l', đ: 'd', ð: 'd', þ: 'th', ı: 'i' };

/** Every Cyrillic letter of lower-case `text` in Latin letters; everything else kept. */
export function romanizeCyrillic(text: string): string {
  let out = '';
  for (const ch of text) out += CYRILLIC_TO_LATIN[ch] ?? ch;
  return out;
}

/** As romanizeCyrillic, and the Latin letters of LATIN_TO_ASCII spelled in ASCII too. */
export function romanizeLetters(text: string): string {
  let out = '';
  for (const ch of text) out += CYRILLIC_TO_LATIN[ch] ?? LATIN_TO_ASCII[ch] ?? ch;
  return out;
}
