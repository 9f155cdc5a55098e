/**
 * From positioned text runs to lines. pdf.js reports text as runs (a word, a phrase, a whole line)
 * with a transform; runs sharing a baseline form a line, but two runs on the same baseline far
 * apart (the two columns of a page) stay separate lines so columns can be told apart later.
 */

/** A run of text on a page, in PDF points with y counted up from the bottom. */
export interface TextRun {
  x: number;
  /** Baseline. */
  y: number;
  width: number;
  /** Font size (the text's vertical scale). */
  size: number;
  text: string;
  /** Index of the pdf.js text item it came from, in its page's getTextContent items. */
  item?: number;
}

/** A line of text, or one column's part of a line. */
export interface PdfLine {
  /** 1-based page number. */
  page: number;
  /** Left edge. */
  x: number;
  /** Right edge. */
  right: number;
  /** Baseline. */
  y: number;
  /** The size of most of its text. */
  size: number;
  text: string;
  /** The text items it was joined from, left to right (indexes in its page's items), for the page maps. */
  items?: number[];
  /**
   * The line cut at its widest gap between one and COLUMN_GAP em: a justified column line can
   * end that close to the next column's text (a narrow gutter). Reading order uses the halves
   * when a gutter runs through the gap.
   */
  halves?: [PdfLine, PdfLine];
}

/** Runs closer than this (in em) to the line's baseline share it; superscripts sit about 0.35 em up. */
const BASELINE_TOLERANCE = 0.5;
/** A horizontal gap wider than this (in em) separates columns rather than words. */
const COLUMN_GAP = 1.5;
/** A gap at least this wide (in em) may still be a narrow gutter; see PdfLine.halves. */
const SOFT_COLUMN_GAP = 0.8;
/** A gap wider than this (in em) between runs is a space the PDF did not write. */
const WORD_GAP = 0.15;

/** Groups a page's runs into lines, top to bottom and left to right. */
export function groupLines(runs: readonly TextRun[], page: number): PdfLine[] {
  const visible = runs.filter((run) => run.text.trim() !== '' && run.size > 0);
  visible.sort((a, b) => b.y - a.y || a.x - b.x);
  const lines: PdfLine[] = [];
  let start = 0;
  while (start < visible.length) {
    const anchor = visible[start]!;
    let end = start + 1;
    while (end < visible.length && anchor.y - visible[end]!.y <= BASELINE_TOLERANCE * Math.max(anchor.size, visible[end]!.size)) end += 1;
    lines.push(...splitRow(visible.slice(start, end), page));
    start = end;
  }
  return lines;
}

/** Splits one baseline row at column-wide gaps and joins each part's runs into a line. */
function splitRow(row: TextRun[], page: number): PdfLine[] {
  row.sort((a, b) => a.x - b.x);
  const lines: PdfLine[] = [];
  let parts: TextRun[] = [];
  let right = -Infinity;
  let soft = -1;
  let softGap = 0;
  const flush = () => {
    const line = joinRuns(parts, page);
    if (soft > 0) line.halves = [joinRuns(parts.slice(0, soft), page), joinRuns(parts.slice(soft), page)];
    lines.push(line);
  };
  for (const run of row) {
    const gap = run.x - right;
    if (parts.length > 0 && gap > COLUMN_GAP * run.size) {
      flush();
      parts = [];
      soft = -1;
      softGap = 0;
    } else if (parts.length > 0 && gap >= SOFT_COLUMN_GAP * run.size && gap > softGap) {
      soft = parts.length;
      softGap = gap;
    }
    parts.push(run);
    right = Math.max(right, run.x + run.width);
  }
  if (parts.length > 0) flush();
  return lines;
}

function joinRuns(runs: TextRun[], page: number): PdfLine {
  const dominant = runs.reduce((best, run) => (run.text.length > best.text.length ? run : best));
  let text = '';
  let right = -Infinity;
  for (const run of runs) {
    const piece = run.text.replace(/\s+/g, ' ');
    const spaced = text === '' || text.endsWith(' ') || piece.startsWith(' ');
    if (!spaced && run.x - right > WORD_GAP * run.size) text += ' ';
    text += piece;
    right = Math.max(right, run.x + run.width);
  }
  const line: PdfLine = { page, x: runs[0]!.x, right, y: dominant.y, size: dominant.size, text: composeAccents(text.trim()) };
  const items = runs.flatMap((run) => (run.item === undefined ? [] : [run.item]));
  if (items.length > 0) line.items = items;
  return line;
}

/** Spacing accents and the combining marks they stand for. The backtick and ASCII ^ and ~ are left alone (code). */
const ACCENTS: Readonly<Record<string, string>> = { '¨': '\u0308', '´': '\u0301', 'ˆ': '\u0302', '˜': '\u0303', '¸': '\u0327', 'ˇ': '\u030c', '˘': '\u0306', '˚': '\u030a', '˝': '\u030b', '¯': '\u0304', '˙': '\u0307' };

/**
 * TeX sets an accent as a glyph of its own drawn over the letter, and pdf.js hands it back as a
 * separate character before it ("Kr¨ amer", "Rodr´ ıguez"): put it back on the letter ("Krämer",
 * "Rodríguez"), dotless i included. A spacing accent never stands alone in running text.
 */
export function composeAccents(text: string): string {
  if (!/[¨´ˆ˜¸ˇ˘˚˝¯˙]/u.test(text)) return text;
  return text
    .replace(/([¨´ˆ˜¸ˇ˘˚˝¯˙]) ?([\p{L}ı])/gu, (_, accent: string, letter: string) => (letter === 'ı' ? 'i' : letter) + ACCENTS[accent]!)
    .normalize('NFC');
}

/**
 * pdfLaTeX documents set in T1-encoded bitmap fonts (Type 3, no ToUnicode map) hand over the
 * font's own codes for the characters T1 keeps below the space: quotes, dashes, guillemets,
 * dotless i and the f-ligatures. Control characters never stand in text, so they are read as T1
 * says: "\x10Visual Pleasure\x11" is "“Visual Pleasure”", "e\x1Bect" is "effect".
 */
const T1_LOW: Record<string, string> = {
  '\x10': '“', '\x11': '”', '\x12': '„', '\x13': '«', '\x14': '»', '\x15': '–', '\x16': '—', '\x17': '', '\x18': '',
  '\x19': 'ı', '\x1a': 'ȷ', '\x1b': 'ff', '\x1c': 'fi', '\x1d': 'fl', '\x1e': 'ffi', '\x1f': 'ffl',
};

/** Reads T1 control codes as their characters (see {@link T1_LOW}). */
export function fromT1Codes(text: string): string {
  // eslint-disable-next-line no-control-regex -- the control codes are exactly what is being read
  return /[\x10-\x1f]/.test(text) ? text.replace(/[\x10-\x1f]/g, (c) => T1_LOW[c] ?? c) : text;
}

/** The median of `values` (0 for none). */
export function median(values: readonly number[]): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}
