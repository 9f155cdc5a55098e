/**
 * Citation keys, the one module that makes them. Two kinds:
 * - the id the reference parser gives each parsed entry: first author's family name and year,
 *   letters and digits only ("Yuval-Davis 1997" -> "yuvaldavis1997"), "-2", "-3" for repeats;
 *   stored reference ids are built from it, so it never changes;
 * - the citation key a student writes in a paper: family name, year and the first significant
 *   title word, folded to ASCII with Cyrillic romanized ("Yuval-Davis", 1997, "Gender and Nation"
 *   -> "yuvaldavis1997gender"), a, b, c appended when two works would share one. The library keeps
 *   each work's key once given (store/citekeys-repo.ts); the command line, which has no store,
 *   gives the same keys a fresh library would (assignCitekeys).
 */
import type { CslItem, CslName } from '../documents/model';
import { foldForKey } from '../text/fold';

/**
 * What a citation key may be: ASCII letters, digits and "-_:.", starting and ending with a letter
 * or digit. Pandoc reads "@key" up to the last letter or digit, BibTeX and biber stop at commas,
 * braces and spaces, citation-js and pybtex take the same: a key of this shape survives all four.
 */
export const CITEKEY_PATTERN = /^[A-Za-z0-9](?:[A-Za-z0-9_:.-]*[A-Za-z0-9])?$/;

/** Longest key a student may type; generated keys stay far below it. */
export const MAX_CITEKEY_LENGTH = 100;

/** Why `key` cannot be a citation key, or null when it can. */
export function citekeyProblem(key: string): string | null {
  if (!key) return 'A citation key cannot be empty.';
  if (key.length > MAX_CITEKEY_LENGTH) return `A citation key has at most ${MAX_CITEKEY_LENGTH} characters.`;
  if (!CITEKEY_PATTERN.test(key)) return 'A citation key holds only letters a–z, digits and - _ : . (starting and ending with a letter or digit).';
  return null;
}

/**
 * Keys are compared without case: BibTeX treats "Smith2001" and "smith2001" as one entry, so
 * two works must not hold keys that differ in case only.
 */
export function citekeyIdentity(key: string): string {
  return key.toLowerCase();
}

/** The shape assignCitekeys produces: letters, then a year or "nd", then an optional suffix. */
const CITEKEY = /^[a-z]+(?:\d{4}|nd)[a-z]{0,2}$/;

/** Long names make unwieldy keys; 24 letters keeps "yuvaldavis" whole and cuts corporate names. */
const MAX_NAME_LETTERS = 24;

/** The id of one parsed reference, without repeat handling. */
export function referenceId(item: CslItem): string {
  const first = item.author?.[0] ?? item.editor?.[0];
  let who = first ? foldForKey(first.family ?? first.literal ?? first.given ?? '', 'drop') : '';
  if (!who && item.title) who = foldForKey(item.title.split(/\s+/).find((w) => w.length > 3) ?? item.title.split(/\s+/)[0] ?? '', 'drop');
  who = who.slice(0, MAX_NAME_LETTERS) || 'ref';
  const year = item.issued?.['date-parts']?.[0]?.[0];
  const suffix = typeof item['year-suffix'] === 'string' ? item['year-suffix'] : '';
  return `${who}${year ?? 'nd'}${suffix}`;
}

/** Ids for a list of parsed references, made unique by "-2", "-3" in order of appearance. */
export function uniqueReferenceIds(items: CslItem[]): string[] {
  const seen = new Map<string, number>();
  return items.map((item) => {
    const key = referenceId(item);
    const n = (seen.get(key) ?? 0) + 1;
    seen.set(key, n);
    return n === 1 ? key : `${key}-${n}`;
  });
}

/** True when `id` already reads as a key of the shape Lectern writes (e.g. "bykov2017b"). */
export function isCitekey(id: string): boolean {
  return CITEKEY.test(id);
}

function nameWord(name: CslName | undefined): string {
  if (!name) return '';
  return foldForKey(name.family ?? name.literal ?? name.given ?? '').replace(/\d/g, '');
}

/**
 * Words a title word skips: articles, prepositions and conjunctions of English, German and
 * French, and of Russian as romanized, so "The Closeness of Readers" gives "closeness" and
 * "O liubvi" gives "liubvi".
 */
const STOP_WORDS = new Set(
  [
    'a an the of on in and or to for at by with from as into about is are be its it this that what how why when who',
    'der die das den dem des ein eine einer eines einem einen und oder zur zum im am vom von mit auf fur uber zu',
    'le la les un une des du de et ou au aux en sur pour par dans avec',
    'o ob obo v vo na i s so k ko po ot za iz u dlia kak chto ne ili a',
  ]
    .join(' ')
    .split(' '),
);

/** Longest title word a key takes; German compounds would otherwise run on. */
const MAX_TITLE_LETTERS = 16;

/** The title's significant words, folded ("L’Étranger" -> "etranger", "Теснота" -> "tesnota"). */
function titleWords(title: string | undefined): string[] {
  return (title ?? '')
    .split(/[\s\-‐‑–—/_]+/)
    // A word with digits in it is a year, a number or a file name's hash ("62b2ac4b"), never the word for a key.
    .filter((word) => !/\d/.test(word))
    .map((word) => foldForKey(word.replace(/^(?:l|d|qu|j|n|s|c)['’]/i, '')))
    .filter((word) => word.length > 0 && !STOP_WORDS.has(word));
}

function yearOf(item: CslItem): string {
  const year = item.issued?.['date-parts']?.[0]?.[0];
  return typeof year === 'number' && year > 0 && year < 10000 ? String(year).padStart(4, '0') : 'nd';
}

/**
 * The key a work would get with no clash: first author's family name (else the editor's, a
 * corporate name, else the title's first significant word), the year or "nd", then the title's
 * first significant word: "yuvaldavis1997gender", "kuvshinova2017tesnota".
 */
export function proposeCitekey(item: CslItem): string {
  const words = titleWords(item.title);
  const person = nameWord(item.author?.[0]) || nameWord(item.editor?.[0]) || nameWord(item.translator?.[0]);
  const who = (person || words[0] || 'anon').slice(0, MAX_NAME_LETTERS);
  // A title that stood in for the name is not repeated after the year.
  const word = (person ? words[0] : words[1]) ?? '';
  return `${who}${yearOf(item)}${word.slice(0, MAX_TITLE_LETTERS)}`;
}

/** a, b, ..., z, aa, ab, ... */
export function citekeySuffix(n: number): string {
  let out = '';
  for (let k = n; k >= 0; k = Math.floor(k / 26) - 1) out = String.fromCharCode(97 + (k % 26)) + out;
  return out;
}

/**
 * `base` if no key in `taken` (compared by citekeyIdentity) holds it, else the first of base+a,
 * base+b, ... that is free. Adds the chosen key to `taken`.
 */
export function freeCitekey(base: string, taken: Set<string>): string {
  let key = base;
  for (let n = 0; taken.has(citekeyIdentity(key)); n++) key = base + citekeySuffix(n);
  taken.add(citekeyIdentity(key));
  return key;
}

/**
 * One unique key per item, in order, as a fresh library would give them (store/citekeys-repo.ts):
 * the first work of a proposed key takes it, later ones add a, b, c.
 */
export function assignCitekeys(items: readonly CslItem[]): string[] {
  const taken = new Set<string>();
  return items.map((item) => freeCitekey(proposeCitekey(item), taken));
}
