/**
 * Turns the raw text of a labelled segment into a field value: quotes and list punctuation off
 * titles, "pp." off pages, "Vol. 3 (2)" into volume and issue, identifiers out of their prefixes.
 * Inputs are bounded by the parser, and each pattern is anchored or free of nested repetition.
 */
import { squash, trimChars, trimEndChars, trimStartChars } from './text-trim';

const OPENING = '“‘«„‚"\'‹「『`';
const CLOSING = '”’»“"\'›」』';
const LIST_PUNCT = '.,;:';

function dropPeriodBeforeClosingQuote(s: string): string {
  const last = s[s.length - 1];
  const before = s[s.length - 2];
  if (last !== undefined && CLOSING.includes(last) && before !== undefined && LIST_PUNCT.includes(before)) {
    return s.slice(0, -2) + last;
  }
  return s;
}

/** Removes unmatched double quotes left after stripping an outer pair ('Tesnota”: …'). */
function dropUnmatchedDoubleQuotes(s: string): string {
  const open = [...s].filter((c) => c === '“' || c === '«' || c === '„').length;
  const close = [...s].filter((c) => c === '”' || c === '»').length;
  if (open === close) return s;
  if (close > open) {
    const i = s.search(/[”»]/);
    return s.slice(0, i) + s.slice(i + 1);
  }
  const j = Math.max(s.lastIndexOf('“'), s.lastIndexOf('«'), s.lastIndexOf('„'));
  return s.slice(0, j) + s.slice(j + 1);
}

/**
 * A title without its wrapping quotes (any of “ ” ‘ ’ « » " ', also mismatched as in
 * ‘“Tesnota”: …”') and without the list punctuation that ends it. Quote marks inside the
 * title stay; an apostrophe at the end of a word ("nelubov’") stays unless an opener matches it.
 */
export function cleanTitle(text: string): string {
  let s = trimEndChars(squash(text), ',;:');
  for (let pass = 0; pass < 4; pass++) {
    const before = s;
    s = dropPeriodBeforeClosingQuote(s);
    const first = s[0];
    const last = s[s.length - 1];
    if (s.length >= 2 && first !== undefined && last !== undefined && OPENING.includes(first) && CLOSING.includes(last)) {
      s = s.slice(1, -1).trim();
    } else if (first !== undefined && OPENING.includes(first) && first !== '’' && !hasCloser(s.slice(1))) {
      s = s.slice(1).trim();
    } else if (last !== undefined && '”»"'.includes(last) && !hasOpener(s.slice(0, -1))) {
      s = s.slice(0, -1).trim();
    }
    s = trimEndChars(s, ',;:');
    if (s.endsWith('.') && !/(?:^|[\s.])\p{L}\.$/u.test(s) && !s.endsWith('..')) s = s.slice(0, -1);
    s = s.trim();
    if (s === before) break;
  }
  return dropUnmatchedDoubleQuotes(s).trim();
}

function hasCloser(s: string): boolean {
  return /[”»"]/.test(s);
}

function hasOpener(s: string): boolean {
  return /[“«„"]/.test(s);
}

/** A journal, book or series title: cue words such as "In:" and end punctuation removed. */
export function cleanContainer(text: string): string {
  // GOST opens a container with "//" and separates areas with " — ".
  let s = squash(text).replace(/^(?:\/\/|[—–]\s)\s*/u, '').replace(/\s[—–]$/u, '');
  s = s.replace(/^(?:in|dans|im|в)\s*:?\s+(?=\S)/iu, '');
  s = s.replace(/^(?:of|aus)\s+(?=\p{Lu})/u, '');
  s = cleanTitle(s);
  // Keep a final full stop that closes an abbreviation ("Nano Lett.") when the title is written
  // in abbreviated style; cleanTitle already kept it after a single letter ("J.").
  if (/\s\p{Lu}\p{Ll}{0,4}\.\s/u.test(text) && /\s\p{Lu}\p{Ll}{1,4}$/u.test(s) && squash(text).endsWith('.')) s += '.';
  return trimChars(s, ',;:(');
}

/** Plain text fields (publisher, place, edition, note): end punctuation and brackets removed. */
export function cleanPlain(text: string): string {
  let s = trimChars(squash(text).replace(/^(?:[—–]|\/)\s+/u, '').replace(/\s[—–]$/u, ''), ',;:.([');
  if (s.endsWith(')') && !s.includes('(')) s = s.slice(0, -1);
  if (s.endsWith(']') && !s.includes('[')) s = s.slice(0, -1);
  if (s.startsWith('(') && s.endsWith(')')) s = s.slice(1, -1);
  return s.trim();
}

/** Page ranges: "pp. 1761–1800)." -> "1761–1800", "S. 12 f." -> "12 f". */
export function cleanPages(text: string): string {
  let s = squash(text).replace(/^[—–]\s+/u, '').replace(/^[([]?\s*(?:pp?|pages?|pgs?|s|seiten|ss|str|с|сс|стр)\s*\.?\s*:?\s*/iu, '');
  s = trimChars(s, ',;:.()[]');
  return s.replace(/\s*([-–—])\s*/g, '$1');
}

/** Volume and issue from a segment such as "Vol. 9,", "1(1),", "(Vol. 3, Part A,", "No. 134". */
export function parseVolume(text: string): { volume?: string; issue?: string } {
  const s = squash(text).slice(0, 120);
  const out: { volume?: string; issue?: string } = {};
  const issueWord = /(?:^|[\s,(])(?:no|nos|nr|n|number|issue|iss|heft|h|№|вып|выпуск)\.?\s*(\d+(?:[-–/]\d+)?|[ivxlc]+\b)/iu.exec(s);
  const volumeWord = /(?:^|[\s,(])(?:vol|vols|volume|bd|band|t|tome|jg|jahrgang|т|том)\.?\s*(\d+(?:[-–/]\d+)?|[ivxlcdm]+\b)/iu.exec(s);
  const compact = /^\(?(\d+(?:[-–/]\d+)?|[IVXLC]+)\s*\(([^)]{1,20})\)/.exec(s);
  if (volumeWord) out.volume = volumeWord[1];
  if (issueWord) out.issue = issueWord[1];
  if (compact) {
    out.volume ??= compact[1];
    out.issue ??= compact[2];
  }
  if (!out.volume && !out.issue) {
    const bare = /(\d+(?:[-–/]\d+)?)/.exec(s) ?? /\b([IVXLCivxlc]+)\b/.exec(s);
    if (bare) out.volume = bare[1];
  }
  if (!out.volume && !out.issue) {
    const rest = cleanPlain(s);
    if (rest) out.volume = rest;
  }
  return out;
}

const ID_START = /(?:^|[^\w])(?:10\.\d{3,9}\/|https?:\/\/|www\.)/i;
const ID_PART = /^[A-Za-z0-9][A-Za-z0-9._~:/?#@!$&'()*+;=%-]{0,500}$/;

/** Whether `next` continues an identifier that a line break left as `token`. */
function continuesIdentifier(token: string, next: string): boolean {
  if (!ID_PART.test(next)) return false;
  // A plain word after the break ("Retrieved", "Accessed.") starts the next part of the entry.
  if (!/[0-9/#=?&_.-]/.test(next.replace(/[.,;:]+$/, ''))) return false;
  if (/[/\-_=?&#(]$/.test(token)) return true;
  // A DOI of the SICI kind: "…9473(02)" + "00228-8".
  return /\(\d{1,4}\)$/.test(token) && /^\d/.test(next);
}

/**
 * A DOI or web address a line break cut in two comes back whole: "doi:10.1198/ 106186006X133933",
 * "https://doi.org/10.1016/ S0167-9473(02)00228-8", "10.1016/s0167-9473(02) 00228-8",
 * "…/publications/files/ ECMA-ST/Ecma-262.pdf". Only a break after a character that cannot end
 * an address ("/", "-", "_", "=", "?", "&", "#", "(") or inside a DOI's bracketed part is closed,
 * and only before a piece that reads as more of the address.
 */
export function joinBrokenIdentifiers(text: string): string {
  if (!ID_START.test(text)) return text;
  const parts = text.split(/([ \t]{1,2})/);
  let inIdentifier = false;
  for (let i = 0; i < parts.length; i += 2) {
    const token = parts[i] ?? '';
    if (!inIdentifier) inIdentifier = ID_START.test(token);
    if (!inIdentifier) continue;
    const next = parts[i + 2];
    if (next !== undefined && continuesIdentifier(token, next)) {
      parts[i + 1] = '';
      parts[i + 2] = token + next;
      parts[i] = '';
    } else {
      inIdentifier = false;
    }
  }
  return parts.join('');
}

/** The first web address in the text, without trailing punctuation. */
export function extractUrl(text: string): string | undefined {
  const m = /(?:https?:\/\/|www\.)\S{2,2000}/i.exec(text);
  if (!m) return undefined;
  let url = trimEndChars(m[0], '.,;:>');
  if (url.endsWith(')') && !url.includes('(')) url = url.slice(0, -1);
  return url;
}

/** The DOI in the text (bare, "doi:" or a doi.org address), without trailing punctuation. */
export function extractDoi(text: string): string | undefined {
  const m = /10\.\d{3,9}\/\S{1,500}/.exec(text);
  if (!m) return undefined;
  let doi = trimEndChars(m[0], '.,;:>');
  if (doi.endsWith(')') && !doi.includes('(')) doi = doi.slice(0, -1);
  if (doi.endsWith(']') && !doi.includes('[')) doi = doi.slice(0, -1);
  return doi;
}

/** The ISBN digits ("ISBN 0-486-67260-3." -> "0-486-67260-3"). */
export function extractIsbn(text: string): string | undefined {
  const m = /(?:97[89][-\s]?)?\d[\d\s-]{8,15}[\dXx]/.exec(text);
  return m ? m[0].trim() : undefined;
}

/** Text with a leading cue word removed ("Retrieved from", "Available at"), for notes. */
export function cleanNote(text: string): string {
  return trimStartChars(cleanPlain(text), '(');
}
