/**
 * The cues from which Lectern reads a document's own bibliographic details: a byline, an
 * "Issue N (YYYY)" line, a date under the headline, an author box, a closing signature, a
 * "prepared by" credit, a publication that "met" its interviewee. Each cue looks only at what
 * the text states and returns nothing when the statement is not clear.
 */
import type { CslDate, CslName } from './model';
import { parseDateLine } from './date-line';
import { parsePersonName } from './person-name';

/** How many blocks from the top count as the head of the document (headline, byline, date). */
export const HEAD_BLOCKS = 12;

/** A byline such as "reviewed by Daria Ezerova© 2018" or "By A. Smith and B. Jones". */
export interface Byline {
  index: number;
  authors: CslName[];
  /** The verb before "by", lowercase ("reviewed"), or '' for a bare "By". */
  verb: string;
  /** A year stated with a copyright sign on the same line. */
  year?: number;
}

const BYLINE = /^(?:(reviewed|written|words|text|story|interview|report|article|review)\s+)?by\s+(.+)$/i;
const AUTHOR_LABEL = /^authors?\s*[:：]\s*(.+)$/i;
const COPYRIGHT_YEAR = /(?:©|\(c\)|copyright)\s*(\d{4})/i;

/** Finds a byline among the head blocks. */
export function findByline(lines: readonly string[]): Byline | undefined {
  for (let index = 0; index < Math.min(lines.length, HEAD_BLOCKS); index++) {
    const line = lines[index] ?? '';
    const match = BYLINE.exec(line) ?? AUTHOR_LABEL.exec(line);
    if (!match) continue;
    const verb = match.length === 3 ? (match[1] ?? '').toLowerCase() : '';
    const namesPart = (match.at(-1) ?? '').split(/©|\(c\)|\||\s[-–—]\s|\d|copyright/i)[0] ?? '';
    const authors = splitNames(namesPart);
    if (!authors) continue;
    const year = COPYRIGHT_YEAR.exec(line)?.[1];
    return { index, authors, verb, ...(year ? { year: Number(year) } : {}) };
  }
  return undefined;
}

/** Splits "A, B and C" into names; undefined unless every part is a personal name. */
export function splitNames(text: string): CslName[] | undefined {
  const parts = text
    .replace(/[.,;:]+\s*$/, '')
    .split(/\s*,\s*(?:and\s+)?|\s+and\s+|\s*&\s*/)
    .filter((p) => p.trim() !== '');
  if (parts.length === 0) return undefined;
  const names = parts.map(parsePersonName);
  return names.every((n): n is CslName => n !== undefined) ? names : undefined;
}

/** "Issue 60 (2018)", "Vol. 12, No. 3 (2019)" on a line of its own near the top. */
export function findIssue(lines: readonly string[]): { index: number; issue?: string; volume?: string; year?: number } | undefined {
  const pattern = /^(?:vol(?:ume)?\.?\s*(\d+)\s*[,.]?\s*)?(?:issue|no\.|number)\s*(\d+)\s*(?:\((\d{4})\))?$|^vol(?:ume)?\.?\s*(\d+)\s*(?:\((\d{4})\))?$/i;
  for (let index = 0; index < Math.min(lines.length, HEAD_BLOCKS); index++) {
    const m = pattern.exec((lines[index] ?? '').trim());
    if (!m) continue;
    const volume = m[1] ?? m[4];
    const year = m[3] ?? m[5];
    return { index, ...(m[2] ? { issue: m[2] } : {}), ...(volume ? { volume } : {}), ...(year ? { year: Number(year) } : {}) };
  }
  return undefined;
}

/** A date line among the head blocks. */
export function findDate(lines: readonly string[]): { index: number; date: CslDate } | undefined {
  for (let index = 0; index < Math.min(lines.length, HEAD_BLOCKS); index++) {
    const date = parseDateLine(lines[index] ?? '');
    if (date) return { index, date };
  }
  return undefined;
}

const PROFESSION = /\b(critic|writer|journalist|editor|reporter|author|columnist|contributor|correspondent|professor|lecturer|historian|scholar|blogger|researcher)\b/i;

/** An author box: "About Roger Moore" followed by a line saying what the person does. */
export function findAuthorBox(lines: readonly string[]): CslName | undefined {
  for (let index = 0; index + 1 < lines.length; index++) {
    const m = /^About\s+(?:the\s+author\s*[:\-–—]?\s*)?(.+)$/i.exec(lines[index] ?? '');
    const name = m?.[1] ? parsePersonName(m[1]) : undefined;
    if (name && PROFESSION.test(lines[index + 1] ?? '')) return name;
  }
  return undefined;
}

/** A body paragraph: long running prose, not a heading, label or list line. */
export function isBodyParagraph(line: string): boolean {
  return line.length > 160 || (line.length > 80 && /[.!?…]["”’)]?$/u.test(line));
}

/**
 * A signature after the last paragraph of prose: a name on its own line, followed by nothing
 * or by a short affiliation line ("Daria Ezerova" / "Yale U").
 */
export function findSignature(lines: readonly string[]): CslName | undefined {
  let last = -1;
  lines.forEach((line, i) => {
    if (isBodyParagraph(line)) last = i;
  });
  if (last < 0) return undefined;
  const name = parsePersonName(lines[last + 1] ?? '');
  const after = lines[last + 2];
  if (!name || name.family === undefined) return undefined;
  return after === undefined || (after.length <= 60 && !/[.!?]$/.test(after)) ? name : undefined;
}

/** "This content is prepared by All Favorite Movies (AFM)." names the author of a web page. */
export function findCreditedAuthor(lines: readonly string[]): CslName | undefined {
  const pattern = /\b(?:content|article|review|post|page|text|story|site)\s+(?:is|was|has\s+been)\s+(?:prepared|written|produced|created|compiled|brought\s+to\s+you)\s+by\s+([^.!?\n]+?)\s*[.!?]?\s*$/iu;
  for (const line of lines) {
    // Credits are short lines; skipping long paragraphs keeps the pattern cheap.
    if (line.length > 200 || !/\bby\b/i.test(line)) continue;
    const credited = pattern.exec(line)?.[1]?.trim();
    if (!credited || credited.length > 80 || !/^\p{Lu}/u.test(credited)) continue;
    return parsePersonName(credited) ?? { literal: credited };
  }
  return undefined;
}

const PUBLICATION_WORD = 'Journal|Magazine|Review|Times|Post|Daily|Herald|Guardian|Gazette|Tribune|Chronicle|Quarterly|Monthly|Weekly|Observer|Bulletin|Digest|Quarterly';
const CAP_WORD = "\\p{Lu}[\\p{L}’'&.-]*";
const MET_VERB = '(?:met|spoke\\s+(?:to|with)|talked\\s+(?:to|with)|caught\\s+up\\s+with|sat\\s+down\\s+with|interviewed)';

/** A publication speaking of itself: "The Calvert Journal met the young director ...". */
export function findPublication(lines: readonly string[]): string | undefined {
  const named = new RegExp(`(?:^|[^\\p{L}])((?:The\\s+)?(?:${CAP_WORD}\\s+){0,4}(?:${PUBLICATION_WORD}))\\s+${MET_VERB}\\b`, 'u');
  const theName = new RegExp(`(?:^|[^\\p{L}])(The(?:\\s+${CAP_WORD}){1,4})\\s+${MET_VERB}\\s+(?:the|with|a|an)\\b`, 'u');
  for (const line of lines.slice(0, HEAD_BLOCKS)) {
    const found = named.exec(line)?.[1] ?? theName.exec(line)?.[1];
    if (found) return found.trim();
  }
  return undefined;
}
