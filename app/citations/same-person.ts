/**
 * Whether two personal names name one person across transliterations, diacritics, initials and
 * a typo, so that "Mariia Kuvshinova" in one source and "Maria Kuvshinova" in another, or
 * "Zviagintsev" and "Zvyagintsev", are recognised as one. Names are compared by foldName's keys.
 */
import { foldName } from '../text/fold';

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
