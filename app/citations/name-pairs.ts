/**
 * Pairs of capitalised words that may be a "Given Family" name ("Maria Kuvshinova",
 * "Dar’ia Zhovner", "Aleksandr Sokurov’s"), with their offsets. Deciding which pairs are people
 * is left to the caller: this only finds and cleans them.
 */

/** One candidate name in a text. */
export interface NamePair {
  given: string;
  /** The family word without a possessive ending. */
  family: string;
  /** "Given Family" as written, without the possessive. */
  text: string;
  start: number;
  end: number;
}

/**
 * A capitalised word followed by another; the second sits in a lookahead so every overlapping
 * pair is seen ("Critic Maria Kuvshinova" yields "Critic Maria" and "Maria Kuvshinova").
 */
const PAIR = /(?<![\p{L}\p{M}'’-])(\p{Lu}[\p{Ll}\p{M}'’-]{1,30})(?= (\p{Lu}[\p{L}\p{M}'’-]{1,40}))/gu;

const POSSESSIVE = /['’]s?$/u;

function inside(ranges: readonly { start: number; end: number }[], start: number, end: number): boolean {
  return ranges.some((r) => start < r.end && end > r.start);
}

/**
 * Candidate names in `text`, outside the `skip` ranges. A first word with a possessive ending
 * ("Sophie’s Choice", "Bresson's Mouchette") is the end of a phrase, not a given name, and is
 * dropped; a possessive on the family word is cut off.
 */
export function findNamePairs(text: string, skip: readonly { start: number; end: number }[] = []): NamePair[] {
  const pairs: NamePair[] = [];
  for (const m of text.matchAll(PAIR)) {
    const given = m[1] ?? '';
    if (POSSESSIVE.test(given)) continue;
    const family = (m[2] ?? '').replace(POSSESSIVE, '').replace(/-$/u, '');
    if (family.length < 2) continue;
    const start = m.index;
    const end = start + given.length + 1 + family.length;
    if (inside(skip, start, end)) continue;
    pairs.push({ given, family, text: `${given} ${family}`, start, end });
  }
  return pairs;
}

/** Where each reference entry sits in its document's text, found by its printed form. */
export function referenceSpans(text: string, raws: readonly string[]): { start: number; end: number }[] {
  const spans: { start: number; end: number }[] = [];
  for (const raw of raws) {
    const start = raw ? text.indexOf(raw) : -1;
    if (start >= 0) spans.push({ start, end: start + raw.length });
  }
  return spans;
}
