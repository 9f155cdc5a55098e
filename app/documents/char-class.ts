/**
 * Unicode character classes read by char code. The reflow asks "is this a letter?" once or more
 * for every line of a document; a Unicode property regex run for each question costs far more
 * than the question. Each code unit is classified once (by the same regexes), then read from a
 * table.
 */

const LETTER = 1;
const NUMBER = 2;
const LOWERCASE = 4;
const UPPERCASE = 8;
const KNOWN = 128;

/** Classes of every BMP code unit seen so far (0 until first seen). */
const CLASSES = new Uint8Array(0x10000);

const IS_LETTER = /^\p{L}$/u;
const IS_NUMBER = /^\p{N}$/u;
const IS_LOWERCASE = /^\p{Ll}$/u;
const IS_UPPERCASE = /^\p{Lu}$/u;

function classify(char: string): number {
  return (
    KNOWN |
    (IS_LETTER.test(char) ? LETTER : 0) |
    (IS_NUMBER.test(char) ? NUMBER : 0) |
    (IS_LOWERCASE.test(char) ? LOWERCASE : 0) |
    (IS_UPPERCASE.test(char) ? UPPERCASE : 0)
  );
}

/** Classes of a code point: a surrogate standing alone has none, as in a `u` regex. */
function classesOf(codePoint: number): number {
  if (codePoint > 0xffff) return classify(String.fromCodePoint(codePoint));
  let classes = CLASSES[codePoint]!;
  if (classes === 0) {
    classes = codePoint >= 0xd800 && codePoint <= 0xdfff ? KNOWN : classify(String.fromCharCode(codePoint));
    CLASSES[codePoint] = classes;
  }
  return classes;
}

/** `[\p{L}\p{N}]` for one code point (a code unit alone, when given one). */
export function isLetterOrNumber(codePoint: number): boolean {
  if (codePoint < 0x80) return (codePoint >= 0x30 && codePoint <= 0x39) || ((codePoint | 0x20) >= 0x61 && (codePoint | 0x20) <= 0x7a);
  return (classesOf(codePoint) & (LETTER | NUMBER)) !== 0;
}

/** `\p{L}` for one code point. */
export function isLetter(codePoint: number): boolean {
  if (codePoint < 0x80) return (codePoint | 0x20) >= 0x61 && (codePoint | 0x20) <= 0x7a;
  return (classesOf(codePoint) & LETTER) !== 0;
}

/** `\p{N}` for one code point. */
export function isNumber(codePoint: number): boolean {
  if (codePoint < 0x80) return codePoint >= 0x30 && codePoint <= 0x39;
  return (classesOf(codePoint) & NUMBER) !== 0;
}

/** `\p{Ll}` for one code point. */
export function isLowercase(codePoint: number): boolean {
  if (codePoint < 0x80) return codePoint >= 0x61 && codePoint <= 0x7a;
  return (classesOf(codePoint) & LOWERCASE) !== 0;
}

/** `[\p{Lu}\p{N}]` for one code point. */
export function isUppercaseOrNumber(codePoint: number): boolean {
  if (codePoint < 0x80) return (codePoint >= 0x41 && codePoint <= 0x5a) || (codePoint >= 0x30 && codePoint <= 0x39);
  return (classesOf(codePoint) & (UPPERCASE | NUMBER)) !== 0;
}

/** The code point that starts at `index` (a surrogate pair read whole), or -1 past the end. */
export function codePointAt(text: string, index: number): number {
  return index < text.length ? text.codePointAt(index)! : -1;
}

/** The code point that ends just before `end` (a surrogate pair read whole), or -1 at the start. */
export function codePointBefore(text: string, end: number): number {
  if (end <= 0) return -1;
  const low = text.charCodeAt(end - 1);
  if (low >= 0xdc00 && low <= 0xdfff && end >= 2) {
    const high = text.charCodeAt(end - 2);
    if (high >= 0xd800 && high <= 0xdbff) return (high - 0xd800) * 0x400 + (low - 0xdc00) + 0x10000;
  }
  return low;
}

/** How many code units a code point takes. */
export function unitsOf(codePoint: number): number {
  return codePoint > 0xffff ? 2 : 1;
}

/** `/^\p{Ll}/u.test(text)`, by char code. */
export function startsWithLowercase(text: string): boolean {
  return text.length > 0 && isLowercase(text.codePointAt(0)!);
}

/** `/^\p{L}/u.test(text)`, by char code. */
export function startsWithLetter(text: string): boolean {
  return text.length > 0 && isLetter(text.codePointAt(0)!);
}

/** `/^[\p{L}\p{N}]/u.test(text)`, by char code. */
export function startsWithLetterOrNumber(text: string): boolean {
  return text.length > 0 && isLetterOrNumber(text.codePointAt(0)!);
}

