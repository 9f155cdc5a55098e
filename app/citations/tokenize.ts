/**
 * Splits a reference string into tokens, the unit the labeller tags. Tokens are mostly
 * whitespace-separated words with their punctuation attached, as in the training data (a label
 * never starts mid-word there, and "1997." vs "(1997)" is itself a strong cue). Two glued forms
 * common in real lists are split further: a closing quote run straight into the next sentence
 * ('“Tesnota.”’Interview') and compact volume/page runs ("106(3):12-19", "2010;10:1012").
 */

/** A token: its text and its [start, end) offsets in the reference string. */
export interface Token {
  text: string;
  start: number;
  end: number;
}

const CLOSING_QUOTES = new Set(['”', '’', '"', '»', "'"]);
const SENTENCE_END = new Set(['.', ',', ';', ':', '!', '?']);

function isDigit(ch: string | undefined): boolean {
  return ch !== undefined && ch >= '0' && ch <= '9';
}

function isUpper(ch: string | undefined): boolean {
  return ch !== undefined && ch !== ch.toLowerCase() && ch === ch.toUpperCase();
}

/** Offsets inside `word` where it should be cut. Linear in the word's length. */
function cutPoints(word: string): number[] {
  const cuts: number[] = [];
  for (let i = 1; i < word.length; i++) {
    const ch = word[i];
    const prev = word[i - 1];
    if (isUpper(ch) && prev !== undefined && CLOSING_QUOTES.has(prev)) {
      let j = i - 1;
      while (j >= 0 && CLOSING_QUOTES.has(word[j] as string)) j--;
      if (j >= 1 && SENTENCE_END.has(word[j] as string)) cuts.push(i);
    } else if (isDigit(ch) && (prev === ':' || prev === ';') && i >= 2 && (isDigit(word[i - 2]) || word[i - 2] === ')')) {
      cuts.push(i);
    }
  }
  return cuts;
}

/** Tokenises a reference string. Linear time; never throws. */
export function tokenize(raw: string): Token[] {
  const tokens: Token[] = [];
  for (const match of raw.matchAll(/\S+/g)) {
    const word = match[0];
    let from = 0;
    for (const cut of [...cutPoints(word), word.length]) {
      tokens.push({ text: word.slice(from, cut), start: match.index + from, end: match.index + cut });
      from = cut;
    }
  }
  return tokens;
}
