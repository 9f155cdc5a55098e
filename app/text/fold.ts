/**
 * Every way Lectern folds text before comparing it, in one place, each named for what it serves.
 * They differ on purpose: search forgets case, accents and ligatures; find keeps one UTF-16 unit
 * per unit so its offsets stay the original's; names also merge romanization variants; citation
 * keys keep ASCII letters and digits only; the reference labeller's features drop the Latin
 * accents alone, because a trained model reads them and must see what it was trained on.
 */
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
