/**
 * Choosing a document's title among the short lines above its first paragraph. A web page saved
 * as text often opens with a site name or a "Breaking News" banner before the headline, so the
 * lines are weighed: a headline is repeated (pages print it again in a footer or a "read more"
 * box), is followed by its byline, and shares its words with the rest of the document.
 */
import { codePointBefore, isLetterOrNumber, unitsOf } from './char-class';
import { HEAD_BLOCKS, isBodyParagraph } from './metadata-cues';

/** What the title chooser needs to know about the document. */
export interface TitleInput {
  lines: readonly string[];
  /** Blocks already known to be something else (byline, date, issue line). */
  excluded: ReadonlySet<number>;
  /** Index of the byline, if any: the line just above it is likely the headline. */
  bylineIndex?: number;
}

/** The block index of the most likely title, or undefined when the text states none. */
export function chooseTitle({ lines, excluded, bylineIndex }: TitleInput): number | undefined {
  const firstBody = lines.findIndex(isBodyParagraph);
  const end = Math.min(firstBody < 0 ? lines.length : firstBody, HEAD_BLOCKS);
  const candidates: number[] = [];
  for (let index = 0; index < end; index++) {
    // A title needs something to be the title of.
    if (!excluded.has(index) && index !== lines.length - 1 && isTitleShaped(lines[index] ?? '')) candidates.push(index);
  }
  if (candidates.length === 0) return undefined;
  // Only the candidates' own words are weighed, so only they are counted in the rest of the text.
  const counts = wordCounts(lines, new Set(candidates.flatMap((index) => wordsOf(lines[index] ?? ''))));
  let best: { index: number; score: number } | undefined;
  for (const index of candidates) {
    const line = lines[index] ?? '';
    let score = topicality(line, counts);
    if (lines.some((other, i) => i !== index && other === line)) score += 3;
    if (bylineIndex !== undefined && index === bylineIndex - 1) score += 3;
    if (!best || score > best.score) best = { index, score };
  }
  return best?.index;
}

/** Short, with letters, not ending like a sentence. */
function isTitleShaped(line: string): boolean {
  return line.length >= 2 && line.length <= 200 && /\p{L}/u.test(line) && !/[.,;:]$/.test(line);
}

const WORD = /[\p{L}\p{N}]{4,}/gu;

/** The line's words of four letters or more, in lowercase. */
function wordsOf(line: string): string[] {
  return [...line.matchAll(WORD)].map((m) => m[0].toLowerCase());
}

/**
 * How often each of `wanted` occurs as a word (as WORD reads them) in the whole text. The text
 * is read by char code; a word in ASCII is cut out and looked up only when a hash of its
 * lowercase letters says it may be wanted, so most of a long text allocates nothing.
 */
function wordCounts(lines: readonly string[], wanted: ReadonlySet<string>): Map<string, number> {
  const searched = searchWanted(lines, wanted);
  if (searched) return searched;
  const filter = new Uint32Array(FILTER_WORDS);
  for (const word of wanted) {
    const bit = asciiHash(word);
    if (bit >= 0) filter[bit >>> 5]! |= 1 << (bit & 31);
  }
  const counts = new Map<string, number>();
  for (const line of lines) {
    const length = line.length;
    let i = 0;
    while (i < length) {
      const first = line.charCodeAt(i);
      if (first < 0x80 && !isAsciiLetterOrDigit(first)) {
        i += 1;
        continue;
      }
      const start = i;
      let letters = 0;
      let ascii = true;
      let hash = HASH_SEED;
      while (i < length) {
        const code = line.charCodeAt(i);
        if (code < 0x80) {
          if (!isAsciiLetterOrDigit(code)) break;
          hash = Math.imul(hash ^ (code | (code <= 0x5a && code >= 0x41 ? 0x20 : 0)), HASH_PRIME);
          letters += 1;
          i += 1;
          continue;
        }
        const codePoint = code >= 0xd800 && code <= 0xdbff ? line.codePointAt(i)! : code;
        if (!isLetterOrNumber(codePoint)) break;
        ascii = false;
        letters += 1;
        i += unitsOf(codePoint);
      }
      if (i === start) {
        i += unitsOf(line.codePointAt(i)!);
        continue;
      }
      if (letters < 4) continue;
      if (ascii) {
        const bit = (hash >>> 16) & 0xffff;
        if ((filter[bit >>> 5]! & (1 << (bit & 31))) === 0) continue;
      }
      const word = line.slice(start, i).toLowerCase();
      if (wanted.has(word)) counts.set(word, (counts.get(word) ?? 0) + 1);
    }
  }
  return counts;
}

/**
 * The same counts found by the engine's regex search for the wanted words themselves, when all
 * of them are ASCII: each hit is widened to the whole run of letters around it, which counts
 * when it is one of the wanted words. In a regex without the `u` flag, ignoring case matches no
 * character beyond ASCII to an ASCII letter; only the Kelvin sign lowercases to one ("k"), so a
 * text holding it is read by char code instead.
 */
function searchWanted(lines: readonly string[], wanted: ReadonlySet<string>): Map<string, number> | undefined {
  const words = [...wanted];
  if (words.some((word) => asciiHash(word) < 0)) return undefined;
  const text = lines.join('\n');
  if (text.includes('\u212a')) return undefined;
  const counts = new Map<string, number>();
  if (words.length === 0) return counts;
  const pattern = new RegExp(words.join('|'), 'gi');
  for (let hit = pattern.exec(text); hit; hit = pattern.exec(text)) {
    let start = hit.index;
    for (let before = codePointBefore(text, start); before >= 0 && isLetterOrNumber(before); before = codePointBefore(text, start)) start -= unitsOf(before);
    let end = hit.index;
    for (let after = text.codePointAt(end); after !== undefined && isLetterOrNumber(after); after = text.codePointAt(end)) end += unitsOf(after);
    pattern.lastIndex = end;
    const word = text.slice(start, end).toLowerCase();
    if (wanted.has(word)) counts.set(word, (counts.get(word) ?? 0) + 1);
  }
  return counts;
}

function isAsciiLetterOrDigit(code: number): boolean {
  return (code >= 0x30 && code <= 0x39) || ((code | 0x20) >= 0x61 && (code | 0x20) <= 0x7a);
}

const FILTER_WORDS = 2048;

const HASH_SEED = 0x811c9dc5;
const HASH_PRIME = 0x01000193;

/** A 16-bit hash of a word in lowercase, or -1 when it is not all ASCII (the same as wordCounts reads as it goes). */
function asciiHash(word: string): number {
  let hash = HASH_SEED;
  for (let i = 0; i < word.length; i++) {
    const code = word.charCodeAt(i);
    if (code >= 0x80) return -1;
    hash = Math.imul(hash ^ (code | (code <= 0x5a && code >= 0x41 ? 0x20 : 0)), HASH_PRIME);
  }
  return (hash >>> 16) & 0xffff;
}

/** Mean log-frequency, in the rest of the document, of the line's longer words. */
function topicality(line: string, counts: ReadonlyMap<string, number>): number {
  const words = wordsOf(line);
  if (words.length === 0) return 0;
  const own = new Map<string, number>();
  for (const word of words) own.set(word, (own.get(word) ?? 0) + 1);
  const total = words.reduce((sum, word) => sum + Math.log(1 + (counts.get(word) ?? 0) - (own.get(word) ?? 0)), 0);
  return total / words.length;
}
