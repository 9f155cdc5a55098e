/**
 * What a PDF states about itself. The info dictionary's Title and Author come first, unless they
 * are the junk word processors leave there ("Microsoft Word - draft3.docx", the file name,
 * "Administrator"). When it states nothing useful, the first page speaks instead: its largest
 * line(s) are the title and the lines right under it that read as names are the authors.
 */
import type { CslName } from '../model';
import { splitNames } from '../metadata-cues';
import { parsePersonName } from '../person-name';
import type { StatedMetadata } from '../text-metadata';
import { fileNameTitle } from '../text-metadata';
import type { PdfLine } from './lines';

/** The info dictionary entries Lectern reads. */
export interface PdfInfo {
  Title?: unknown;
  Author?: unknown;
}

const JUNK_TITLE = [
  /^(?:microsoft\s+(?:word|powerpoint|excel)|libreoffice|openoffice)\b/i,
  /\.(?:docx?|odt|rtf|pdf|tex|dvi|ps|indd|qxd|pages|txt|html?)$/i,
  /^(?:untitled|title|document\d*|no title|none|unknown|slide \d+)$/i,
  /^[\s\d\W_]*$/u,
  /^[\w-]+_[\w-]+$/,
];
const JUNK_AUTHOR = /^(?:admin(?:istrator)?|user|owner|author|unknown|none|anonymous|guest|default|windows user|pc|hp|dell)$/i;

/** Title and authors from the info dictionary, with junk left out. */
export function statedFromInfo(info: PdfInfo, fileName: string): StatedMetadata {
  const stated: StatedMetadata = {};
  const title = cleanText(info.Title);
  if (title && !isJunkTitle(title, fileName)) stated.title = title;
  const author = parseAuthors(cleanText(info.Author));
  if (author) stated.author = author;
  return stated;
}

function cleanText(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  // Control characters creep in from badly decoded PDFDocEncoding strings.
  const text = value.replace(/[\p{Cc}\u00ad]/gu, ' ').replace(/\s+/g, ' ').trim();
  return text === '' ? undefined : text;
}

function isJunkTitle(title: string, fileName: string): boolean {
  if (title.length < 3 || JUNK_TITLE.some((pattern) => pattern.test(title))) return true;
  const base = fileNameTitle(fileName).toLowerCase();
  return title.toLowerCase() === base || title.toLowerCase() === fileName.toLowerCase();
}

/** "Ann Smith; Bo Li", "Smith, Ann", "Ann Smith and Bo Li", or an organisation as one literal. */
function parseAuthors(text: string | undefined): CslName[] | undefined {
  if (!text || JUNK_AUTHOR.test(text)) return undefined;
  const parts = text.split(/\s*;\s*/).filter((part) => part !== '');
  const names = parts.map((part) => parsePersonName(part) ?? splitNames(part));
  if (names.every((name) => name !== undefined)) return names.flat();
  // Not personal names: keep an organisation's name whole, but not a login name ("jsmith").
  return /\s/.test(text) && /^\p{Lu}/u.test(text) && !/[@\\/]/.test(text) ? [{ literal: text }] : undefined;
}

/** The lines right under the title that may hold the authors. */
const AUTHOR_LINES = 3;
/** Footnote marks and affiliations' numbers after names ("Ann Smith1,2*"). */
const NAME_MARKS = /[\d*†‡§¶]+(?:,[\d*†‡§¶]+)*(?=\s|,|$)/gu;

/** What the first page states, and which of its lines hold the authors' names. */
export interface FirstPageMetadata {
  stated: StatedMetadata;
  authorLines: string[];
}

/**
 * Title and authors read off the first page: the run of lines in the largest size (when that is
 * larger than the body text), then the names on the next lines.
 */
export function statedFromFirstPage(lines: readonly PdfLine[], bodySize: number): FirstPageMetadata {
  const page = lines.filter((line) => line.page === lines[0]?.page);
  const largest = page.reduce((max, line) => Math.max(max, line.size), 0);
  if (!(largest > bodySize * 1.15)) return { stated: {}, authorLines: [] };
  const first = page.findIndex((line) => line.size === largest);
  let end = first;
  while (end + 1 < page.length && page[end + 1]!.size === largest) end += 1;
  const title = page.slice(first, end + 1).map((line) => line.text).join(' ');
  const stated: StatedMetadata = { title };
  const authors: CslName[] = [];
  const authorLines: string[] = [];
  for (const line of page.slice(end + 1, end + 1 + AUTHOR_LINES)) {
    const names = splitNames(line.text.replace(NAME_MARKS, ''));
    if (!names) break;
    authors.push(...names);
    authorLines.push(line.text);
  }
  if (authors.length > 0) stated.author = authors;
  return { stated, authorLines };
}
