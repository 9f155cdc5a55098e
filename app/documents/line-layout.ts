/**
 * Reading the line layout of plain text: cleaning the lines up and deciding from their lengths
 * whether the text is hard-wrapped (every paragraph broken into lines of about the same width,
 * as in text copied out of a PDF) or written one paragraph per line.
 */
import { startsWithLowercase } from './char-class';
import { isControlCode } from './decode';

/** One line of the source, cleaned. */
export interface SourceLine {
  /** The line with runs of spaces collapsed and both ends trimmed; '' for a blank line. */
  text: string;
  /** True when the raw line began with white space (a paragraph indent in wrapped text). */
  indented: boolean;
}

/** What the line statistics say about the layout. */
export interface LineLayout {
  hardWrapped: boolean;
  /** Typical width of a full line (90th percentile of line lengths), in characters. */
  width: number;
}

/** White space that runs of collapse into one space. */
const COLLAPSED_SPACE = /[ \t\u00a0\u2000-\u200a\u202f\u3000]+/g;
/** Control characters and white space other than the plain space: only the general rule below cleans them. */
// eslint-disable-next-line no-control-regex -- control characters are what it looks for
const IRREGULAR = /[\x00-\x08\x0b\x0e-\x1f\x7f\t\u00a0\u2000-\u200a\u202f\u3000]/g;

/**
 * Splits text into cleaned lines: CRLF and CR become LF, a form feed (page break) a blank line.
 * The text is split and scanned by the engine's own string search, not a loop per character:
 * runs of spaces are collapsed in one pass, so a line with no other white space is only
 * trimmed; a line with tabs, no-break or wide spaces or control characters is cleaned by the
 * general rule.
 */
export function splitLines(text: string): SourceLine[] {
  let normalised = text.includes('\r') ? text.replace(/\r\n?/g, '\n') : text;
  if (normalised.includes('\f')) normalised = normalised.replace(/\f/g, '\n\n');
  if (normalised.charCodeAt(0) === 0xfeff) normalised = normalised.slice(1);
  // Runs of spaces collapse anywhere (at a line's ends they are trimmed like one space).
  if (normalised.includes('  ')) normalised = normalised.replace(/ {2,}/g, ' ');
  const raws = normalised.split('\n');
  const lines: SourceLine[] = new Array<SourceLine>(raws.length);
  IRREGULAR.lastIndex = 0;
  let irregular = IRREGULAR.exec(normalised)?.index ?? Infinity;
  let offset = 0;
  for (let i = 0; i < raws.length; i++) {
    const raw = raws[i]!;
    const end = offset + raw.length;
    if (irregular < end) {
      lines[i] = cleanLine(stripControls(raw));
      IRREGULAR.lastIndex = end;
      irregular = IRREGULAR.exec(normalised)?.index ?? Infinity;
    } else {
      const trimmed = raw.trim();
      lines[i] = { text: trimmed, indented: raw.charCodeAt(0) === 0x20 && trimmed !== '' };
    }
    offset = end + 1;
  }
  return lines;
}

/** The general rule (controls already dropped): runs of white space collapsed, both ends trimmed. */
function cleanLine(raw: string): SourceLine {
  return {
    text: raw.replace(COLLAPSED_SPACE, ' ').trim(),
    indented: /^[ \t\u00a0]/.test(raw) && raw.trim() !== '',
  };
}

/** Control characters can survive decoding in small numbers; they carry no text. */
function stripControls(text: string): string {
  let clean = true;
  for (let i = 0; i < text.length && clean; i++) clean = !isControlCode(text.charCodeAt(i));
  return clean ? text : Array.from(text, (c) => (isControlCode(c.charCodeAt(0)) ? '' : c)).join('');
}

/** Line lengths below this are counted in a table; longer ones (rare) are sorted. */
const COUNTED_LENGTHS = 1024;

/**
 * How many lines are not blank, and the length below which 90% of theirs fall (lengths
 * counted, not sorted: linear in their number).
 */
function lineWidths(lines: readonly SourceLine[]): { nonBlank: number; width: number } {
  const counts = new Uint32Array(COUNTED_LENGTHS);
  const longer: number[] = [];
  let total = 0;
  for (const line of lines) {
    const length = line.text.length;
    if (length === 0) continue;
    total += 1;
    if (length < COUNTED_LENGTHS) counts[length]! += 1;
    else longer.push(length);
  }
  if (total === 0) return { nonBlank: 0, width: 0 };
  const rank = Math.min(total - 1, Math.floor(total * 0.9));
  let seen = 0;
  for (let length = 0; length < COUNTED_LENGTHS; length++) {
    seen += counts[length]!;
    if (seen > rank) return { nonBlank: total, width: length };
  }
  longer.sort((a, b) => a - b);
  return { nonBlank: total, width: longer[rank - seen] ?? 0 };
}

/**
 * Hard-wrapped text shows as long runs of consecutive non-blank lines, most of them nearly as
 * long as the widest, with the following line often starting in the middle of a sentence
 * (lowercase). A list of credits or a poem has runs too, but with ragged lengths and capitals.
 */
export function detectLayout(lines: SourceLine[]): LineLayout {
  const { nonBlank, width } = lineWidths(lines);
  let continued = 0;
  let full = 0;
  let lowercaseNext = 0;
  for (let i = 0; i + 1 < lines.length; i++) {
    const line = lines[i]!;
    const next = lines[i + 1]!;
    if (line.text === '' || next.text === '') continue;
    continued += 1;
    if (line.text.length >= width * 0.6) full += 1;
    if (startsWithLowercase(next.text)) lowercaseNext += 1;
  }
  // Wider than ~160 characters nobody wraps by hand; those are paragraphs on one line each.
  const hardWrapped =
    continued >= 3 &&
    continued >= nonBlank * 0.5 &&
    width <= 160 &&
    full >= continued * 0.7 &&
    lowercaseNext >= continued * 0.2;
  return { hardWrapped, width };
}
