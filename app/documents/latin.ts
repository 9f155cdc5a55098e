/**
 * Whether a windows-1252 decoding reads as Western European text. The code page maps almost
 * every byte to something, so the test is on the result: the characters beyond ASCII must be
 * accented letters inside Latin words or ordinary typographic punctuation.
 */

/** Typographic characters common in Western text saved as windows-1252. */
const TYPOGRAPHY = new Set([...'“”‘’„‚–—…•·«»‹›°©®™§¶†‡€£¥¢¿¡×÷±¹²³¼½¾ºª\u00a0']);
const LATIN_LETTER = /\p{Script=Latin}/u;

/** True when the non-ASCII characters of `text` look like Western European writing. */
export function looksLikeLatinText(text: string): boolean {
  const chars = [...text];
  let high = 0;
  let fitting = 0;
  let letters = 0;
  let accented = 0;
  for (let i = 0; i < chars.length; i++) {
    const char = chars[i] ?? '';
    const code = char.codePointAt(0) ?? 0;
    const isLetter = LATIN_LETTER.test(char);
    if (isLetter) letters += 1;
    if (code < 0x80) continue;
    high += 1;
    // C1 controls are what windows-1252 yields for its five undefined bytes: never text.
    if (code < 0xa0) return false;
    if (TYPOGRAPHY.has(char)) {
      fitting += 1;
    } else if (isLetter) {
      accented += 1;
      const neighbours = (chars[i - 1] ?? '') + (chars[i + 1] ?? '');
      if (LATIN_LETTER.test(neighbours)) fitting += 1;
    }
  }
  if (high === 0) return true;
  // Accented letters are a small share of the letters of any Western language; noise is all accents.
  return fitting >= high * 0.9 && accented <= Math.max(3, letters * 0.3);
}
