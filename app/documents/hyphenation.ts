/**
 * Joining a line that ends in a hyphen to the next one. Typesetters break long words with a
 * soft hyphen ("repre-" / "sentation") that must go, but a compound broken at its own hyphen
 * ("post-" / "Soviet", "mise-" / "en-scène") must keep it. The text itself usually tells which:
 * a capital after the break, a second hyphen in the fragment, or the same word spelled whole
 * elsewhere in the document.
 */
import { codePointBefore, isLetterOrNumber, isNumber, isUppercaseOrNumber, unitsOf } from './char-class';

/** Prefixes that form hyphenated compounds in English far more often than they end a syllable. */
const COMPOUND_PREFIXES = new Set([
  'self', 'non', 'post', 'anti', 'quasi', 'semi', 'pseudo', 'neo', 'ex', 'well', 'ill', 'so',
  'twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety',
]);

/** The words a hyphen decision looks up: a Set, or a document's vocabulary read only as far as asked. */
export interface WordSet {
  has(word: string): boolean;
}

/** The word that opens the line after a break, hyphenated compounds whole. */
const OPENING_WORD = /^[\p{L}\p{N}]+(?:[-‐][\p{L}\p{N}]+)*/u;

/**
 * The end of the next word of `text` from `from` (`[\p{L}\p{N}]+(?:[-‐][\p{L}\p{N}]+)*`, by char
 * code), with its start in `start`; -1 when no word follows.
 */
function nextWord(text: string, from: number, found: { start: number }): number {
  const length = text.length;
  let i = from;
  while (i < length) {
    const code = text.charCodeAt(i);
    if (code < 0x80 ? isAsciiWordCode(code) : isLetterOrNumber(codePointAtUnit(text, i, code))) break;
    i += code >= 0xd800 && code <= 0xdbff ? unitsOf(codePointAtUnit(text, i, code)) : 1;
  }
  if (i >= length) return -1;
  found.start = i;
  i = endOfRun(text, i);
  for (;;) {
    const hyphen = text.charCodeAt(i);
    if ((hyphen !== 0x2d && hyphen !== 0x2010) || i + 1 >= length) return i;
    const after = endOfRun(text, i + 1);
    if (after === i + 1) return i;
    i = after;
  }
}

function isAsciiWordCode(code: number): boolean {
  return (code >= 0x30 && code <= 0x39) || ((code | 0x20) >= 0x61 && (code | 0x20) <= 0x7a);
}

function codePointAtUnit(text: string, index: number, code: number): number {
  return code >= 0xd800 && code <= 0xdbff ? text.codePointAt(index)! : code;
}

/** The end of the run of letters and numbers that starts at `from` (`from` itself when none does). */
function endOfRun(text: string, from: number): number {
  const length = text.length;
  let i = from;
  while (i < length) {
    const code = text.charCodeAt(i);
    if (code < 0x80) {
      if (!isAsciiWordCode(code)) break;
      i += 1;
      continue;
    }
    const codePoint = codePointAtUnit(text, i, code);
    if (!isLetterOrNumber(codePoint)) break;
    i += unitsOf(codePoint);
  }
  return i;
}

/** The words of one line for the vocabulary: in lowercase, without a fragment broken at its end. */
function vocabularyLine(line: string): string {
  // A fragment before a line-end hyphen is not a word of the text.
  return (endsWithBrokenWord(line) ? withoutTrailingFragment(line) : line).toLowerCase();
}

/** Every word of the text in lowercase, hyphenated compounds included as written. */
export function buildVocabulary(lines: readonly string[]): Set<string> {
  const words = new Set<string>();
  const found = { start: 0 };
  for (const line of lines) {
    if (line === '') continue;
    const body = vocabularyLine(line);
    for (let end = nextWord(body, 0, found); end >= 0; end = nextWord(body, end, found)) words.add(body.slice(found.start, end));
  }
  return words;
}

/**
 * The vocabulary of a document as the hyphen decisions of a reflow ask it, built on the first
 * question. Most questions are known in advance: the broken word at the end of a line and the
 * word opening the next non-blank line, joined with and without the hyphen. Only those words
 * are looked for in the text (a word is cut out only when its length and end letters fit one
 * of them); any other question reads the whole vocabulary, built then, once.
 */
export function documentVocabulary(documentLines: () => readonly string[]): WordSet {
  let lines: readonly string[] = [];
  let expected: Set<string> | undefined;
  let present: Set<string> | undefined;
  let whole: Set<string> | undefined;
  return {
    has(word: string): boolean {
      if (!expected) {
        lines = documentLines();
        expected = expectedQuestions(lines);
        present = wordsAmong(lines, expected);
      }
      if (expected.has(word)) return present!.has(word);
      return (whole ??= buildVocabulary(lines)).has(word);
    },
  };
}

/** What the reflow will ask the vocabulary when it joins each line ending in a hyphen to the next. */
function expectedQuestions(lines: readonly string[]): Set<string> {
  const questions = new Set<string>();
  let broken: string | undefined;
  for (const line of lines) {
    if (line === '') continue;
    if (broken !== undefined) {
      const tail = OPENING_WORD.exec(line)?.[0];
      if (tail) {
        const lowerHead = broken.toLowerCase();
        const lowerTail = tail.toLowerCase();
        questions.add(`${lowerHead}-${lowerTail}`);
        questions.add(lowerHead + lowerTail);
      }
    }
    broken = endsWithBrokenWord(line) ? trailingWord(line.slice(0, -1)) : undefined;
    if (broken === '') broken = undefined;
  }
  return questions;
}

/** The words of the text that are among `wanted`. */
function wordsAmong(lines: readonly string[], wanted: ReadonlySet<string>): Set<string> {
  const filter = new Uint32Array(FILTER_BITS / 32);
  for (const word of wanted) {
    const bit = filterBit(word.length, word.charCodeAt(0), word.charCodeAt(word.length - 1));
    filter[bit >>> 5]! |= 1 << (bit & 31);
  }
  const words = new Set<string>();
  const found = { start: 0 };
  for (const line of lines) {
    if (line === '') continue;
    const body = vocabularyLine(line);
    for (let end = nextWord(body, 0, found); end >= 0; end = nextWord(body, end, found)) {
      const start = found.start;
      const bit = filterBit(end - start, body.charCodeAt(start), body.charCodeAt(end - 1));
      if ((filter[bit >>> 5]! & (1 << (bit & 31))) === 0) continue;
      const word = body.slice(start, end);
      if (wanted.has(word)) words.add(word);
    }
  }
  return words;
}

const FILTER_BITS = 1 << 16;

function filterBit(length: number, first: number, last: number): number {
  return (Math.imul(length, 0x9e3779b1) ^ Math.imul(first, 0x85ebca6b) ^ Math.imul(last, 0xc2b2ae35)) >>> 16;
}

/** `/[\p{L}\p{N}]+$/u.exec(text)?.[0] ?? ''`, read backwards by char code. */
export function trailingWord(text: string): string {
  let start = text.length;
  for (;;) {
    const codePoint = codePointBefore(text, start);
    if (codePoint < 0 || !isLetterOrNumber(codePoint)) break;
    start -= unitsOf(codePoint);
  }
  return text.slice(start);
}

/** The line without its last, hyphen-broken word fragment (letters and numbers read one code unit at a time). */
function withoutTrailingFragment(line: string): string {
  let start = line.length - 1;
  while (start > 0 && isLetterOrNumber(line.charCodeAt(start - 1))) start -= 1;
  return line.slice(0, start);
}

/** True when the last code unit is a hyphen and the one before it a letter or number. */
function isBrokenEnding(beforeLast: number, last: number): boolean {
  return (last === 0x2d || last === 0x2010 || last === 0xad) && isLetterOrNumber(beforeLast);
}

/** True when `line` ends in a hyphen attached to a word, i.e. a word was broken at the line end. */
export function endsWithBrokenWord(line: string): boolean {
  // Only the last two code units matter; reading them alone keeps long paragraphs cheap.
  return line.length >= 2 && isBrokenEnding(line.charCodeAt(line.length - 2), line.charCodeAt(line.length - 1));
}

/** The same test on the last two code units of a text kept in pieces (-1 where there is none). */
export function isBrokenWordEnding(beforeLast: number, last: number): boolean {
  return beforeLast >= 0 && isBrokenEnding(beforeLast, last);
}

/**
 * Joins `left` (ending in a hyphen) and `right`, keeping the hyphen for real compounds and
 * dropping it for words broken only to fit the line.
 */
export function joinBrokenWord(left: string, right: string, vocabulary: WordSet): string {
  const hyphen = left.slice(-1);
  const stem = left.slice(0, -1);
  // U+00AD is by definition a break-only hyphen.
  if (hyphen === '\u00ad') return stem + right;
  return keepsHyphen(trailingWord(stem), openingWord(right), vocabulary) ? left + right : stem + right;
}

/** The word opening `right`, the part of it a hyphen decision reads. */
export function openingWord(right: string): string {
  return OPENING_WORD.exec(right)?.[0] ?? '';
}

/** Whether the hyphen between the broken word's `head` and the next line's `tail` is the compound's own. */
export function keepsHyphen(head: string, tail: string, vocabulary: WordSet): boolean {
  if (head === '' || tail === '') return true;
  // A capital or a digit after the break starts a word of its own ("post-Soviet", "1990-1995").
  if (isUppercaseOrNumber(tail.codePointAt(0)!) || isNumber(codePointBefore(head, head.length))) return true;
  // "en-scène" is itself hyphenated, so the break fell at a hyphen of "mise-en-scène".
  if (tail.includes('-') || tail.includes('‐')) return true;
  const lowerHead = head.toLowerCase();
  const lowerTail = tail.toLowerCase();
  if (vocabulary.has(`${lowerHead}-${lowerTail}`)) return true;
  if (vocabulary.has(lowerHead + lowerTail)) return false;
  return COMPOUND_PREFIXES.has(lowerHead);
}
