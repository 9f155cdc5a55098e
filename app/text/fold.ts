/**
 * Every way Lectern folds text before comparing it, in one place, each named for what it serves.
 * They differ on purpose: search forgets case, accents and ligatures; find keeps one UTF-16 unit
 * per unit so its offsets stay the original's; names also merge romanization variants; citation
 * keys keep ASCII letters and digits only; the reference labeller's features drop the Latin
 * accents alone, because a trained model reads them and must see what it was trained on.
 */
import { fromT1Codes } from '../documents/pdf/lines';
import { romanizeCyrillic, romanizeLetters } from './transliteration';

// The Combining Diacritical Marks block: the accents of Latin, Greek and Cyrillic letters.
const ACCENTS = /[\u0300-\u036f]/g;
const MARKS = /\p{M}+/gu;
// Printable ASCII plus tab: the common case that needs no Unicode folding.
const ASCII = /^[\t\x20-\x7e]*$/;
const NOT_KEY = /[^a-z0-9]/g;

/** Compatibility-decomposed (NFKD) with the combining diacritical marks (U+0300–U+036F) removed. */
export function stripAccents(text: string): string {
  return text.normalize('NFKD').replace(ACCENTS, '');
}

/** Compatibility-decomposed (NFKD) with every combining mark removed; case kept. */
export function stripMarks(text: string): string {
  return text.normalize('NFKD').replace(MARKS, '');
}

/**
 * Lower case, compatibility-decomposed, every combining mark removed: "Scène" -> "scene",
 * "ﬁ" -> "fi", "Ё" -> "е".
 */
export function foldCaseAndMarks(text: string): string {
  return text.toLowerCase().normalize('NFKD').replace(MARKS, '');
}

/**
 * How search compares words, over indexed text and queries alike so both sides agree:
 * foldCaseAndMarks (ё reads as е, as Russian print mostly does); null when nothing is left.
 */
export function foldForSearch(term: string): string | null {
  // Most words of most texts are ASCII: skip the Unicode work for them.
  if (ASCII.test(term)) return term ? term.toLowerCase() : null;
  return foldCaseAndMarks(term) || null;
}

const findCache = new Map<string, string>();

function foldUnitForFind(unit: string): string {
  let folded = findCache.get(unit);
  if (folded === undefined) {
    const stripped = unit.normalize('NFD').replace(MARKS, '').toLowerCase();
    const lower = unit.toLowerCase();
    folded = stripped.length === 1 ? stripped : lower.length === 1 ? lower : unit;
    findCache.set(unit, folded);
  }
  return folded;
}

/**
 * Find-in-document's fold: case and diacritics (ё to е among them) folded one UTF-16 unit to
 * one, so the folded text has the original's length and an offset in it is the same offset in
 * the original: no map back is needed. A unit whose fold would change the length stays as it is.
 */
export function foldForFind(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) out += foldUnitForFind(text[i]!);
  return out;
}

/**
 * Folds one word of a name. The rewrites merge the spellings the common romanization systems
 * (BGN/PCGN, Library of Congress, ISO 9, popular press) give the same Russian name; each is
 * applied to both sides of a comparison, so a rewrite that over-merges costs little.
 */
function foldNameWord(word: string): string {
  const letters = romanizeLetters(stripMarks(romanizeLetters(word.toLowerCase()))).replace(/[^a-z]/g, '');
  return (
    letters
      .replace(/x/g, 'ks')
      .replace(/y/g, 'i')
      .replace(/w/g, 'v')
      // š/sh, ž/zh, č/ch, h/kh, c/ts: diacritic and digraph systems for the same letters.
      .replace(/([szck])h/g, (_m, c: string) => (c === 'k' ? 'h' : c))
      .replace(/ts/g, 'c')
      // Aleksandr/Alexander, Petr/Peter, Zhovner/Zhovnar: a vowel the romanizers disagree on.
      .replace(/([b-df-hj-np-tv-z])[ae]r$/, '$1r')
      .replace(/([a-z])\1+/g, '$1')
      // Yevgeny/Evgenii/Ievgenii.
      .replace(/^ie/, 'e')
  );
}

/**
 * The comparison key of a personal name: each word folded (lower case, no diacritics, Cyrillic
 * romanized, transliteration variants merged), joined by single spaces. Lossy on purpose: for
 * matching, never for display. `foldName("Dar’ia Zhovner") === foldName("Darya Zhovnar")`.
 */
export function foldName(name: string): string {
  return name
    .split(/[\s,]+/u)
    .filter((w) => /\p{L}/u.test(w))
    .map(foldNameWord)
    .filter(Boolean)
    .join(' ');
}

/**
 * The letters of a citation key: lower-case ASCII letters and digits, accents dropped ("Müller"
 * -> "muller"). Cyrillic is romanized ("Кувшинова" -> "kuvshinova") for export keys; the ids
 * the reference parser gives its items drop it instead, as they always have, so no stored id,
 * and no key exported from one, ever changes.
 */
export function foldForKey(text: string, cyrillic: 'romanize' | 'drop' = 'romanize'): string {
  if (cyrillic === 'drop') return stripAccents(text).toLowerCase().replace(NOT_KEY, '');
  return stripAccents(romanizeCyrillic(text.toLowerCase())).replace(NOT_KEY, '');
}

/** The reference labeller's word fold: accents (U+0300–U+036F) dropped after NFKD, lower case. */
export function foldForFeatures(text: string): string {
  return stripAccents(text).toLowerCase();
}

/** A file-name stem: ASCII letters and digits in runs joined by "-" ("Scène 1: Мир" -> "scene-1"). */
export function foldForFileName(text: string): string {
  return stripMarks(text).toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
}

/** Similarity's fold: lower case and compatibility forms composed (NFKC); accents kept. */
export function foldForSimilarity(text: string): string {
  return text.toLowerCase().normalize('NFKC');
}

/** Text with whitespace and hyphens removed, ligatures expanded and letters lower-cased. */
export interface FoldedText {
  folded: string;
  /** For each folded character, the UTF-16 offset of the source character it came from. */
  starts: number[];
  /** For each folded character, the offset just after its source character. */
  ends: number[];
}

/** Hyphens, soft hyphens, dashes and invisible joiners: where they appear depends on line breaks. */
const DROPPED = /[\s\u00ad\u2010-\u2015\u2212\u200b-\u200d\u2060\ufeff-]/u;

const QUOTES: Record<string, string> = { '\u2018': "'", '\u2019': "'", '\u201a': "'", '\u201b': "'", '\u201c': '"', '\u201d': '"', '\u201e': '"', '\u201f': '"' };

/**
 * The page view's fold, for comparing text laid out on a page (an EPUB chapter's) with the
 * canonical text: whitespace, hyphens and invisible joiners dropped (where they fall depends on
 * line breaks), ligatures expanded, curly quotes made straight, T1 font control codes read as the
 * import reads them, lower case; each folded character remembers where it came from, so a match
 * on folded text maps back to real offsets. `offset` is added to every recorded position.
 */
export function foldForLayout(text: string, offset = 0): FoldedText {
  let folded = '';
  const starts: number[] = [];
  const ends: number[] = [];
  let index = 0;
  for (const char of text) {
    const next = index + char.length;
    if (!DROPPED.test(char)) {
      // A T1 bitmap font's control codes stand for quotes, dashes and ligatures (as in the import).
      const code = char.charCodeAt(0);
      const read = code >= 0x10 && code <= 0x1f ? fromT1Codes(char) : char;
      const plain = read !== char
        ? [...read].map((c) => QUOTES[c] ?? c.normalize('NFKC').toLowerCase()).join('')
        : (QUOTES[char] ?? (char.charCodeAt(0) < 128 ? char.toLowerCase() : char.normalize('NFKC').toLowerCase()));
      for (const unit of plain) {
        if (DROPPED.test(unit)) continue;
        folded += unit;
        for (let k = 0; k < unit.length; k++) {
          starts.push(index + offset);
          ends.push(next + offset);
        }
      }
    }
    index = next;
  }
  return { folded, starts, ends };
}

/** foldForLayout without positions. */
export function foldOnlyForLayout(text: string): string {
  return foldForLayout(text).folded;
}

const alignCache = new Map<string, string>();

/**
 * One character as the PDF page map's walk compares pdf.js items with the canonical text: whitespace and combining marks are nothing, a letter with
 * marks is its base letter, dotless i is i (composeAccents spells it so), case is ignored.
 */
export function foldForAlignment(char: string): string {
  const code = char.charCodeAt(0);
  if (code < 0x80) {
    if (code <= 0x20 || code === 0x7f) return '';
    return code >= 0x41 && code <= 0x5a ? String.fromCharCode(code + 32) : char;
  }
  let folded = alignCache.get(char);
  if (folded === undefined) {
    if (/[\s\p{M}]/u.test(char)) folded = '';
    else if (char === 'ı') folded = 'i';
    else folded = (char.normalize('NFD')[0] ?? char).toLowerCase()[0] ?? '';
    alignCache.set(char, folded);
  }
  return folded;
}
