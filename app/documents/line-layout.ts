/**
 * Reading the line layout of plain text: cleaning the lines up and deciding from their lengths
 * whether the text is hard-wrapped (every paragraph broken into lines of about the same width,
 * as in text copied out of a PDF) or written one paragraph per line.
 */
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


/** Splits text into cleaned lines: CRLF and CR become LF, a form feed (page break) a blank line. */
export function splitLines(text: string): SourceLine[] {
  const normalised = text
    .replace(/\r\n?/g, '\n')
    .replace(/\f/g, '\n\n')
    .replace(/^\uFEFF/, '');
  return stripControls(normalised).split('\n').map((raw) => ({
    text: raw.replace(/[ \t\u00a0\u2000-\u200a\u202f\u3000]+/g, ' ').trim(),
    indented: /^[ \t\u00a0]/.test(raw) && raw.trim() !== '',
  }));
}

/** Control characters can survive decoding in small numbers; they carry no text. */
function stripControls(text: string): string {
  let clean = true;
  for (let i = 0; i < text.length && clean; i++) clean = !isControlCode(text.charCodeAt(i));
  return clean ? text : Array.from(text, (c) => (isControlCode(c.charCodeAt(0)) ? '' : c)).join('');
}

/** The length below which `fraction` of the values fall. */
function percentile(values: number[], fraction: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * fraction))] ?? 0;
}

/**
 * Hard-wrapped text shows as long runs of consecutive non-blank lines, most of them nearly as
 * long as the widest, with the following line often starting in the middle of a sentence
 * (lowercase). A list of credits or a poem has runs too, but with ragged lengths and capitals.
 */
export function detectLayout(lines: SourceLine[]): LineLayout {
  const lengths = lines.filter((l) => l.text !== '').map((l) => l.text.length);
  const width = percentile(lengths, 0.9);
  let continued = 0;
  let full = 0;
  let lowercaseNext = 0;
  for (let i = 0; i + 1 < lines.length; i++) {
    const line = lines[i];
    const next = lines[i + 1];
    if (!line || !next || line.text === '' || next.text === '') continue;
    continued += 1;
    if (line.text.length >= width * 0.6) full += 1;
    if (/^\p{Ll}/u.test(next.text)) lowercaseNext += 1;
  }
  // Wider than ~160 characters nobody wraps by hand; those are paragraphs on one line each.
  const hardWrapped =
    continued >= 3 &&
    continued >= lengths.length * 0.5 &&
    width <= 160 &&
    full >= continued * 0.7 &&
    lowercaseNext >= continued * 0.2;
  return { hardWrapped, width };
}
