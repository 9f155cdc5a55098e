/**
 * Footnote markers that text extraction glued to the word before them ("Khrushchev Thaw
 * period1"). A digit after a word is also a typo, a model number or a unit, so a marker counts
 * only when the note it points to can be found: a line opening with the same number ("1 From
 * 1957 ..."), or, when extraction displaced the note into running text, a later block that
 * shares a rare capitalised word with the marker's phrase and is the only block besides the
 * marker's own to do so. Markers run 1, 2, 3 in text order, and a word that carries the same
 * digits more than once is a name ("lme4"), never a marker.
 */
import type { Block } from '../documents/model';
import type { InTextCitation } from './in-text';

/** A lower-case word of three or more letters with one or two digits glued to it. */
const MARKER = /(?<![\p{L}\p{N}])\p{Ll}{3,30}(?<digits>\d{1,2})(?=[\s,.;:!?…)\]]|$)/uy;
const DIGITS = /\d+/g;
const LOWERCASE_RUN = /\p{Ll}+$/u;

/**
 * Where MARKER matches in the text, in order (as `text.matchAll` would find them). Run at every
 * character, its lookbehind and letter classes cost more than the rest of the citation pass; a
 * match ends in one or two digits, so it is tried only at the start of the lowercase run before
 * each such digit run.
 */
function markerMatches(text: string): RegExpExecArray[] {
  const found: RegExpExecArray[] = [];
  DIGITS.lastIndex = 0;
  for (let run = DIGITS.exec(text); run; run = DIGITS.exec(text)) {
    if (run[0].length > 2) continue;
    // Most digits follow a space or punctuation: only a letter (in ASCII, a lowercase one) can end a marker's word.
    const before = text.charCodeAt(run.index - 1);
    if (!(before >= 0x80 || (before >= 0x61 && before <= 0x7a))) continue;
    // A marker's word is at most 30 letters (60 code units); a longer run starts before this window and fails the lookbehind.
    const letters = LOWERCASE_RUN.exec(text.slice(Math.max(0, run.index - 64), run.index))?.[0];
    if (!letters) continue;
    MARKER.lastIndex = run.index - letters.length;
    const match = MARKER.exec(text);
    if (match) found.push(match);
  }
  return found;
}

const MAX_CANDIDATES = 300;

/** "Kantemir Balagov: " or "Q: " opening an interview answer. */
const SPEAKER = /^[\p{Lu}][\p{L}'’. -]{0,40}:\s{1,3}/u;

function blockAt(blocks: Block[], offset: number): number {
  return blocks.findIndex((b) => b.start <= offset && offset < b.end);
}

/** A line "N text" or "N. text", read from the line's start. */
const NOTE_LINE = /[ \t]{0,4}((\d{1,2})[.)]?[ \t]{1,3}\p{Lu}[^\n]{0,2000})/uy;

/** True when the line from `start` opens with at most four spaces or tabs and a digit, as NOTE_LINE needs. */
function opensWithDigit(text: string, start: number): boolean {
  let i = start;
  while (i < start + 4 && (text.charCodeAt(i) === 0x20 || text.charCodeAt(i) === 0x09)) i += 1;
  const code = text.charCodeAt(i);
  return code >= 0x30 && code <= 0x39;
}

/** Lines "N text" or "N. text": classic foot- or endnotes, by number, in text order. */
function numberedNotes(text: string): Map<string, Array<{ start: number; end: number }>> {
  const notes = new Map<string, Array<{ start: number; end: number }>>();
  // Tried at each line start only (a note line never spans lines), and only where a digit opens it.
  for (let next = 0; next < text.length; ) {
    const lineStart = next;
    const newline = text.indexOf('\n', lineStart);
    next = newline < 0 ? text.length : newline + 1;
    if (!opensWithDigit(text, lineStart)) continue;
    NOTE_LINE.lastIndex = lineStart;
    const m = NOTE_LINE.exec(text);
    if (!m) continue;
    const body = m[1] ?? '';
    const start = m.index + m[0].length - body.length;
    const list = notes.get(m[2] ?? '') ?? [];
    list.push({ start, end: start + body.trimEnd().length });
    notes.set(m[2] ?? '', list);
  }
  return notes;
}

/** Capitalised words of four or more letters in the few words before the marker. */
function cueWords(phrase: string): string[] {
  const words = phrase.split(/[^\p{L}\p{M}'’-]+/u).filter(Boolean).slice(-6);
  return words.filter((w, i) => i > 0 && /^\p{Lu}\p{Ll}{3,}$/u.test(w));
}

/** Indexes of the blocks holding each word, computed once per word. */
type Holders = (word: string) => number[];

function holdersOf(text: string, blocks: Block[]): Holders {
  const cache = new Map<string, number[]>();
  return (word) => {
    let found = cache.get(word);
    if (!found) {
      const pattern = new RegExp(String.raw`(?<![\p{L}])${word}(?![\p{L}])`, 'u');
      found = blocks.map((b, i) => (pattern.test(text.slice(b.start, b.end)) ? i : -1)).filter((i) => i >= 0);
      cache.set(word, found);
    }
    return found;
  };
}

function displacedNote(text: string, blocks: Block[], markerBlock: number, cues: string[], holdersFor: Holders): { start: number; end: number } | undefined {
  for (const cue of cues) {
    const holders = holdersFor(cue).filter((i) => i !== markerBlock);
    const only = holders.length === 1 ? holders[0] : undefined;
    const block = only !== undefined && only > markerBlock ? blocks[only] : undefined;
    if (!block) continue;
    const label = SPEAKER.exec(text.slice(block.start, block.end));
    return { start: block.start + (label ? label[0].length : 0), end: block.end };
  }
  return undefined;
}

/** Footnote markers whose notes can be found, as citations of kind "footnote". */
export function findFootnoteMarkers(text: string, blocks: Block[]): InTextCitation[] {
  const found: InTextCitation[] = [];
  const notes = numberedNotes(text);
  const holdersFor = holdersOf(text, blocks);
  let candidates = 0;
  const tokens = new Map<string, number>();
  const matches = markerMatches(text);
  for (const m of matches) tokens.set(m[0], (tokens.get(m[0]) ?? 0) + 1);
  // Notes are numbered in order: after the first marker (an excerpt may start anywhere), a
  // marker continues the run before it or starts a new one at 1.
  let last = 0;
  for (const m of matches) {
    // Hundreds of word-digit tokens mean code, tables or model numbers, not footnotes.
    if (++candidates > MAX_CANDIDATES) return [];
    // The same word with the same digits twice is a name ("lme4", "mp3"), not two notes; and a
    // word-digit token next to another is a table's or code's column ("par1 par2", "jack1 jack2").
    if ((tokens.get(m[0]) ?? 0) > 1) continue;
    const end0 = m.index + m[0].length;
    if (/^[\s,;]{1,3}\p{L}{2,30}\d{1,2}\b/u.test(text.slice(end0, end0 + 36)) || /\p{L}{2,30}\d{1,2}[\s,;]{1,3}$/u.test(text.slice(Math.max(0, m.index - 36), m.index))) continue;
    const digits = m.groups?.digits ?? '';
    const number = Number(digits);
    if (last !== 0 && number !== 1 && number !== last + 1) continue;
    const start = m.index + m[0].length - digits.length;
    const end = start + digits.length;
    const markerBlock = blockAt(blocks, start);
    const phrase = text.slice(Math.max(0, start - 80), start);
    const numbered = notes.get(digits)?.find((n) => n.start >= end);
    const note = numbered ?? (markerBlock >= 0 ? displacedNote(text, blocks, markerBlock, cueWords(phrase), holdersFor) : undefined);
    if (!note) continue;
    last = number;
    found.push({ text: digits, start, end, kind: 'footnote', items: [{ names: [], number }], note });
  }
  return found;
}
