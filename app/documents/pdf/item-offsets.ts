/**
 * Building the page maps (page-items.ts) at import. The canonical text is built from the lines in
 * reading order, and every line remembers the items it was joined from, so walking the lines in
 * that same order and the text from its start pairs each item character with the canonical
 * character it became. What the import changed on the way is all the walk has to allow for:
 * whitespace collapsed and added between runs, spacing accents put back on their letter (and
 * composed, NFC), T1 ligature codes spelled out, and characters dropped (hyphens at line ends,
 * list bullets). Lines the import dropped (running heads, page numbers) are never walked.
 */
import type { PdfLine } from './lines';
import { fromT1Codes } from './lines';
import { encodePageItems, type ItemRun, type PageItem } from './page-items';
import { foldForAlignment } from '../../text/fold';

/** One page's text items as pdf.js gave them: their strings and their lines' tops (PDF points from the top). */
export interface PageItemSource {
  strs: string[];
  tops: number[];
}

/** The encoded page maps of a document: one array per page, in page order. */
export function buildPageMaps(text: string, lines: readonly PdfLine[], sources: readonly PageItemSource[]): number[][] {
  const walk = new Walk(text);
  const runs: (ItemRun[] | undefined)[][] = sources.map((source) => source.strs.map(() => undefined));
  for (const line of lines) {
    const source = sources[line.page - 1];
    if (!source || !line.items) continue;
    for (const item of line.items) runs[line.page - 1]![item] = walk.item(source.strs[item] ?? '');
  }
  return sources.map((source, page) =>
    encodePageItems(source.strs.map((str, item): PageItem => ({ length: str.length, top: source.tops[item] ?? 0, runs: runs[page]![item] ?? [] }))),
  );
}

/**
 * The walk through the canonical text: a cursor that only moves forward. Characters are compared
 * by char code where both are ASCII (nearly all of most PDFs), through foldForAlignment otherwise.
 */
class Walk {
  private cursor = 0;

  constructor(private readonly text: string) {}

  /** The runs of one item's characters, walking on from where the previous item left off. */
  item(str: string): ItemRun[] {
    const runs: ItemRun[] = [];
    let open: ItemRun | undefined;
    let previousMapped = false;
    for (let k = 0; k < str.length; k++) {
      const code = str.charCodeAt(k);
      let start = -1;
      let end = -1;
      if (code >= 0x10 && code <= 0x1f) {
        // A T1 code: its spelled-out characters, one after another.
        for (const piece of fromT1Codes(str[k]!)) {
          const at = this.match(foldForAlignment(piece));
          if (at < 0) break;
          if (start < 0) start = at;
          end = at + 1;
        }
      } else if (isSpaceCode(code)) {
        // A space between words of one item is the canonical space after the word before it, so
        // a highlight covers the gap too; a run of spaces collapsed to one maps its first.
        if (previousMapped && this.cursor < this.text.length && isSpaceCode(this.text.charCodeAt(this.cursor))) {
          start = this.cursor;
          end = ++this.cursor;
        }
      } else {
        const at = code < 0x80 ? this.matchAscii(code >= 0x41 && code <= 0x5a ? code + 32 : code) : this.match(foldForAlignment(str[k]!));
        if (at >= 0) [start, end] = [at, at + 1];
      }
      previousMapped = start >= 0;
      if (start < 0) {
        open = undefined;
        continue;
      }
      const single = end - start === 1;
      if (open && single && open.chars === open.length && open.char + open.chars === k && open.start + open.length === start) {
        open.chars += 1;
        open.length += 1;
        continue;
      }
      open = { char: k, chars: 1, start, length: end - start };
      runs.push(open);
      if (!single) open = undefined;
    }
    return runs;
  }

  /** Matches a folded ASCII char code at the next character that folds to something; its offset, or -1 (the cursor stays). */
  private matchAscii(wanted: number): number {
    const at = this.nextFoldable();
    if (at < 0) return -1;
    const code = this.text.charCodeAt(at);
    const folded = code < 0x80 ? (code >= 0x41 && code <= 0x5a ? code + 32 : code) : foldForAlignment(this.text[at]!).charCodeAt(0);
    if (folded !== wanted) return -1;
    this.cursor = at + 1;
    return at;
  }

  /** As matchAscii, for any folded character ('' never matches). */
  private match(wanted: string): number {
    if (wanted === '') return -1;
    const at = this.nextFoldable();
    if (at < 0 || foldForAlignment(this.text[at]!) !== wanted) return -1;
    this.cursor = at + 1;
    return at;
  }

  /** The next canonical offset from the cursor whose character folds to something, or -1. */
  private nextFoldable(): number {
    const { text } = this;
    for (let at = this.cursor; at < text.length; at++) {
      const code = text.charCodeAt(at);
      if (code > 0x20 && code < 0x7f) return at;
      if (code >= 0x80 && foldForAlignment(text[at]!) !== '') return at;
    }
    return -1;
  }
}

function isSpaceCode(code: number): boolean {
  return code <= 0x20 || code === 0x7f || (code >= 0x80 && /\s/.test(String.fromCharCode(code)));
}
