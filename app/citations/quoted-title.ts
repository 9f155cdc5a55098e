/**
 * A title written in quotes ends at its closing quote. When the labeller runs a quoted title on
 * past that point ('“Udush’e lubvi … “Tesnota.”’Interview with Kantemir Balagov.'), the
 * tokens after the close are handed to the note. Quote depth is tracked so nested quotes and
 * mismatched pairs (‘“…”) close correctly, and a word-final apostrophe ("nelubov’") is only
 * taken as a closing quote when it follows punctuation or another quote, or a ‘ is open.
 */

const OPENERS = new Set(['“', '‘', '«', '„', '"', '‚', '`']);
const DOUBLE_CLOSERS = new Set(['”', '»', '"', '“']);
const SINGLE_CLOSERS = new Set(['’', "'"]);
const PUNCT = new Set(['.', ',', ';', ':', '!', '?']);

/** Index of the token that closes a quoted title starting at token 0, or -1 when none does. */
export function closingQuoteToken(tokens: string[]): number {
  const open: string[] = [];
  for (let t = 0; t < tokens.length; t++) {
    const text = tokens[t] as string;
    let i = 0;
    while (i < text.length && OPENERS.has(text[i] as string)) open.push(text[i++] as string);
    if (t === 0 && open.length === 0) return -1;
    let j = text.length;
    while (j > i && (PUNCT.has(text[j - 1] as string) || DOUBLE_CLOSERS.has(text[j - 1] as string) || SINGLE_CLOSERS.has(text[j - 1] as string))) j--;
    let sawMark = false;
    for (let k = j; k < text.length; k++) {
      const ch = text[k] as string;
      if (PUNCT.has(ch)) sawMark = true;
      else if (DOUBLE_CLOSERS.has(ch)) {
        open.pop();
        sawMark = true;
      } else if (SINGLE_CLOSERS.has(ch) && (sawMark || open[open.length - 1] === '‘' || open[open.length - 1] === "'")) {
        open.pop();
        sawMark = true;
      }
    }
    if (open.length === 0) return t;
  }
  return -1;
}
