/**
 * Joining a line that ends in a hyphen to the next one. Typesetters break long words with a
 * soft hyphen ("repre-" / "sentation") that must go, but a compound broken at its own hyphen
 * ("post-" / "Soviet", "mise-" / "en-scène") must keep it. The text itself usually tells which:
 * a capital after the break, a second hyphen in the fragment, or the same word spelled whole
 * elsewhere in the document.
 */

/** Prefixes that form hyphenated compounds in English far more often than they end a syllable. */
const COMPOUND_PREFIXES = new Set([
  'self', 'non', 'post', 'anti', 'quasi', 'semi', 'pseudo', 'neo', 'ex', 'well', 'ill', 'so',
  'twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety',
]);

const WORD = /[\p{L}\p{N}]+(?:[-‐][\p{L}\p{N}]+)*/gu;

/** Every word of the text in lowercase, hyphenated compounds included as written. */
export function buildVocabulary(lines: readonly string[]): Set<string> {
  const words = new Set<string>();
  for (const line of lines) {
    // A fragment before a line-end hyphen is not a word of the text.
    const body = endsWithBrokenWord(line) ? withoutTrailingFragment(line) : line;
    for (const match of body.toLowerCase().matchAll(WORD)) words.add(match[0]);
  }
  return words;
}

/** The line without its last, hyphen-broken word fragment. */
function withoutTrailingFragment(line: string): string {
  let start = line.length - 1;
  while (start > 0 && /[\p{L}\p{N}]/u.test(line[start - 1] ?? '')) start -= 1;
  return line.slice(0, start);
}

/** True when `line` ends in a hyphen attached to a word, i.e. a word was broken at the line end. */
export function endsWithBrokenWord(line: string): boolean {
  // Only the last two code units matter; testing them alone keeps long paragraphs cheap.
  return /[\p{L}\p{N}][-‐\u00ad]$/u.test(line.slice(-2));
}

/**
 * Joins `left` (ending in a hyphen) and `right`, keeping the hyphen for real compounds and
 * dropping it for words broken only to fit the line.
 */
export function joinBrokenWord(left: string, right: string, vocabulary: ReadonlySet<string>): string {
  const hyphen = left.slice(-1);
  const stem = left.slice(0, -1);
  // U+00AD is by definition a break-only hyphen.
  if (hyphen === '\u00ad') return stem + right;
  const head = /[\p{L}\p{N}]+$/u.exec(stem)?.[0] ?? '';
  const tail = /^[\p{L}\p{N}]+(?:[-‐][\p{L}\p{N}]+)*/u.exec(right)?.[0] ?? '';
  return keepsHyphen(head, tail, vocabulary) ? left + right : stem + right;
}

function keepsHyphen(head: string, tail: string, vocabulary: ReadonlySet<string>): boolean {
  if (head === '' || tail === '') return true;
  // A capital or a digit after the break starts a word of its own ("post-Soviet", "1990-1995").
  if (/^[\p{Lu}\p{N}]/u.test(tail) || /\p{N}$/u.test(head)) return true;
  // "en-scène" is itself hyphenated, so the break fell at a hyphen of "mise-en-scène".
  if (/[-‐]/.test(tail)) return true;
  const lowerHead = head.toLowerCase();
  const lowerTail = tail.toLowerCase();
  if (vocabulary.has(`${lowerHead}-${lowerTail}`)) return true;
  if (vocabulary.has(lowerHead + lowerTail)) return false;
  return COMPOUND_PREFIXES.has(lowerHead);
}
