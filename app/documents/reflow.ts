/**
 * Plain text into paragraphs. Text written one paragraph per line keeps every line as it is
 * (titles, signatures, credits and reference entries stay separate). Hard-wrapped text, such as
 * text copied out of a PDF, is rejoined: wrapped lines into paragraphs, broken words into words,
 * and paragraphs that a page break cut in the middle of a sentence into one.
 */
import {
  codePointBefore,
  isLetter,
  isLetterOrNumber,
  startsWithLetter,
  startsWithLetterOrNumber,
  startsWithLowercase,
  unitsOf,
} from './char-class';
import { documentVocabulary, endsWithBrokenWord, isBrokenWordEnding, keepsHyphen, openingWord, type WordSet } from './hyphenation';
import { detectLayout, splitLines } from './line-layout';

/** The paragraphs of a plain text, in order. */
export interface Reflowed {
  paragraphs: string[];
  /** True when the source was hard-wrapped and its lines were joined. */
  hardWrapped: boolean;
}

/** A line shorter than this share of the full width ends its paragraph in wrapped text. */
const SHORT_LINE = 0.6;

/** Words that cannot end a sentence, so a paragraph ending in one was cut by a page break. */
const DANGLING_WORDS = new Set([
  'a', 'an', 'the', 'and', 'or', 'but', 'nor', 'of', 'to', 'in', 'on', 'by', 'for', 'with', 'from',
  'at', 'as', 'into', 'onto', 'that', 'which', 'who', 'whose', 'his', 'her', 'their', 'its', 'our',
  'my', 'your', 'is', 'are', 'was', 'were', 'be', 'been', 'than', 'if', 'because', 'while',
]);

const LIST_MARKER = /^(?:[-•*–]\s|\d{1,3}[.)]\s|\p{L}[.)]\s)/u;

/** Splits plain text into paragraphs, rejoining hard-wrapped lines when the layout shows them. */
export function reflowPlainText(text: string): Reflowed {
  const lines = splitLines(text);
  const layout = detectLayout(lines);
  if (!layout.hardWrapped) {
    return { paragraphs: lines.map((l) => l.text).filter((t) => t !== ''), hardWrapped: false };
  }
  // Read only when a line ends in a hyphen, and then only as far as the breaks ask: most texts never need it.
  const vocabulary = documentVocabulary(() => lines.map((l) => l.text));
  const paragraphs: string[] = [];
  // The run of lines being joined (it ends at a blank line, before an indented or listed line,
  // or after a short line), and the paragraph it joins unless a new one starts.
  const run = new Pieces();
  const paragraph = new Pieces();
  let runAfterBlank = false;
  let previous = '';
  let sawBlank = false;
  const endRun = (): void => {
    if (run.isEmpty()) return;
    const joined = run.text();
    run.clear();
    // A blank line (not an indent or a short line) inside a sentence does not end its paragraph.
    if (!paragraph.isEmpty() && runAfterBlank && sentenceGoesOn(paragraph, joined)) {
      appendLine(paragraph, joined, vocabulary);
      return;
    }
    if (!paragraph.isEmpty()) paragraphs.push(paragraph.text());
    paragraph.clear();
    paragraph.push(joined);
  };
  for (const line of lines) {
    if (line.text === '') {
      endRun();
      sawBlank = true;
      continue;
    }
    const startsNew =
      run.isEmpty() ||
      ((line.indented || startsWithListMarker(line.text)) && !startsWithLowercase(line.text)) ||
      (previous.length < layout.width * SHORT_LINE && !endsWithBrokenWord(previous) && !startsWithLowercase(line.text));
    if (startsNew) {
      endRun();
      run.push(line.text);
      runAfterBlank = sawBlank;
    } else {
      appendLine(run, line.text, vocabulary);
    }
    previous = line.text;
    sawBlank = false;
  }
  endRun();
  if (!paragraph.isEmpty()) paragraphs.push(paragraph.text());
  return { paragraphs, hardWrapped: true };
}

/** `LIST_MARKER.test(text)`, the regex run only where the first characters can open a list item. */
function startsWithListMarker(text: string): boolean {
  const first = text.charCodeAt(0);
  if (first === 0x2d || first === 0x2022 || first === 0x2a || first === 0x2013 || (first >= 0x30 && first <= 0x39)) return LIST_MARKER.test(text);
  const next = text.charCodeAt(first >= 0xd800 && first <= 0xdbff ? 2 : 1);
  return (next === 0x2e || next === 0x29) && LIST_MARKER.test(text);
}

/**
 * A paragraph being joined from lines, kept in pieces joined once at the end. Reading the end of
 * one string grown by `+=` copies it flat every time, which makes a long paragraph cost n².
 */
class Pieces {
  private parts: string[] = [];

  push(piece: string): void {
    if (piece !== '') this.parts.push(piece);
  }

  isEmpty(): boolean {
    return this.parts.length === 0;
  }

  clear(): void {
    this.parts.length = 0;
  }

  /** The code unit `back` units from the end (1 is the last), or -1. */
  unit(back: number): number {
    for (let i = this.parts.length - 1; i >= 0; i--) {
      const part = this.parts[i]!;
      if (part.length >= back) return part.charCodeAt(part.length - back);
      back -= part.length;
    }
    return -1;
  }

  /** The last code point, or -1. */
  lastCodePoint(): number {
    const part = this.parts.at(-1);
    return part === undefined ? -1 : codePointBefore(part, part.length);
  }

  dropLastUnit(): void {
    const part = this.parts.pop();
    if (part !== undefined && part.length > 1) this.parts.push(part.slice(0, -1));
  }

  /**
   * The run of code points passing `test` that ends `skip` code units before the end, at most
   * about `limit` units long. Pieces never split a surrogate pair: lines are joined without a
   * space only after a hyphen or a dash.
   */
  trailingRun(test: (codePoint: number) => boolean, skip: number, limit = Infinity): string {
    const found: string[] = [];
    let taken = 0;
    for (let i = this.parts.length - 1; i >= 0; i--) {
      const part = this.parts[i]!;
      let end = part.length;
      if (skip > 0) {
        const skipped = Math.min(skip, end);
        end -= skipped;
        skip -= skipped;
        if (skip > 0) continue;
      }
      let start = end;
      while (taken < limit) {
        const codePoint = codePointBefore(part, start);
        if (codePoint < 0 || !test(codePoint)) break;
        start -= unitsOf(codePoint);
        taken += unitsOf(codePoint);
      }
      if (start < end) found.push(part.slice(start, end));
      if (start > 0 || taken >= limit) break;
    }
    return found.reverse().join('');
  }

  text(): string {
    return this.parts.length === 1 ? this.parts[0]! : this.parts.join('');
  }
}

/** Adds a line with a space, or without one across a broken word or a dash. */
function appendLine(paragraph: Pieces, line: string, vocabulary: WordSet): void {
  const last = paragraph.unit(1);
  const beforeLast = paragraph.unit(2);
  if (isBrokenWordEnding(beforeLast, last) && startsWithLetterOrNumber(line)) {
    joinBrokenLine(paragraph, line, vocabulary);
  } else if ((last === 0x2014 || last === 0x2013) && isLetterOrNumber(beforeLast)) {
    paragraph.push(line);
  } else {
    paragraph.push(' ');
    paragraph.push(line);
  }
}

/** `joinBrokenWord` on a paragraph in pieces: the hyphen kept for a compound, dropped for a word broken to fit. */
function joinBrokenLine(paragraph: Pieces, line: string, vocabulary: WordSet): void {
  const keep = paragraph.unit(1) !== 0xad && keepsHyphen(paragraph.trailingRun(isLetterOrNumber, 1), openingWord(line), vocabulary);
  if (!keep) paragraph.dropLastUnit();
  paragraph.push(line);
}

/** Ends a sentence can carry on from: a letter, a number, a comma, a semicolon, a dash or a hyphen. */
function endsOpen(codePoint: number): boolean {
  return isLetterOrNumber(codePoint) || codePoint === 0x2c || codePoint === 0x3b || codePoint === 0x2014 || codePoint === 0x2013 || codePoint === 0x2d;
}

/** Longer than any of DANGLING_WORDS. */
const LONGEST_DANGLING = 8;

/**
 * True when a blank line fell inside a sentence: the paragraph before stops without closing
 * punctuation and the next one carries on in lowercase, or the paragraph before ends on a word
 * no sentence ends with ("... emphasized by the").
 */
function sentenceGoesOn(before: Pieces, after: string): boolean {
  if (isBrokenWordEnding(before.unit(2), before.unit(1)) && startsWithLetter(after)) return true;
  if (!endsOpen(before.lastCodePoint())) return false;
  if (startsWithLowercase(after)) return true;
  // Lowercasing never shortens a word, so a run this long is none of the dangling words.
  const lastWord = before.trailingRun(isLetter, 0, LONGEST_DANGLING);
  return lastWord.length < LONGEST_DANGLING && DANGLING_WORDS.has(lastWord.toLowerCase()) && startsWithLetter(after);
}
