/**
 * Plain text into paragraphs. Text written one paragraph per line keeps every line as it is
 * (titles, signatures, credits and reference entries stay separate). Hard-wrapped text, such as
 * text copied out of a PDF, is rejoined: wrapped lines into paragraphs, broken words into words,
 * and paragraphs that a page break cut in the middle of a sentence into one.
 */
import { buildVocabulary, endsWithBrokenWord, joinBrokenWord } from './hyphenation';
import { detectLayout, splitLines, type SourceLine } from './line-layout';

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
  // Built only when a line ends in a hyphen: most texts never need it.
  let built: Set<string> | undefined;
  const vocabulary = (): ReadonlySet<string> => (built ??= buildVocabulary(lines.map((l) => l.text)));
  const runs = splitIntoRuns(lines, layout.width);
  const paragraphs: string[] = [];
  for (const run of runs) {
    const joined = joinLines(run.lines, vocabulary);
    const last = paragraphs.at(-1);
    if (last !== undefined && run.afterBlank && sentenceGoesOn(last, joined)) {
      paragraphs[paragraphs.length - 1] = joinLines([last, joined], vocabulary);
    } else {
      paragraphs.push(joined);
    }
  }
  return { paragraphs, hardWrapped: true };
}

interface Run {
  lines: string[];
  /** True when blank lines (not an indent or a short line) separated this run from the one before. */
  afterBlank: boolean;
}

/** Groups lines into runs: a run ends at a blank line, before an indented or listed line, or after a short line. */
function splitIntoRuns(lines: SourceLine[], width: number): Run[] {
  const runs: Run[] = [];
  let current: Run | undefined;
  let sawBlank = false;
  for (const line of lines) {
    if (line.text === '') {
      current = undefined;
      sawBlank = true;
      continue;
    }
    const previous = current?.lines.at(-1);
    const startsNew =
      !current ||
      previous === undefined ||
      ((line.indented || LIST_MARKER.test(line.text)) && !/^\p{Ll}/u.test(line.text)) ||
      (previous.length < width * SHORT_LINE && !endsWithBrokenWord(previous) && !/^\p{Ll}/u.test(line.text));
    if (startsNew) {
      current = { lines: [line.text], afterBlank: sawBlank };
      runs.push(current);
    } else {
      current?.lines.push(line.text);
    }
    sawBlank = false;
  }
  return runs;
}

/** Joins wrapped lines with a space, or without one across a broken word or a dash. */
function joinLines(lines: string[], vocabulary: () => ReadonlySet<string>): string {
  let text = '';
  for (const line of lines) {
    if (text === '') text = line;
    else if (endsWithBrokenWord(text) && /^[\p{L}\p{N}]/u.test(line)) text = joinBrokenWord(text, line, vocabulary());
    else if (/[\p{L}\p{N}][—–]$/u.test(text.slice(-2))) text += line;
    else text += ' ' + line;
  }
  return text;
}

/**
 * True when a blank line fell inside a sentence: the paragraph before stops without closing
 * punctuation and the next one carries on in lowercase, or the paragraph before ends on a word
 * no sentence ends with ("... emphasized by the").
 */
function sentenceGoesOn(before: string, after: string): boolean {
  if (endsWithBrokenWord(before) && /^\p{L}/u.test(after)) return true;
  if (!/[\p{L}\p{N},;—–-]$/u.test(before)) return false;
  if (/^\p{Ll}/u.test(after)) return true;
  const lastWord = /(\p{L}+)$/u.exec(before)?.[1]?.toLowerCase() ?? '';
  return DANGLING_WORDS.has(lastWord) && /^\p{L}/u.test(after);
}
