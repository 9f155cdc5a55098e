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

/** One page's text items as pdf.js gave them: their strings and their lines' tops (PDF points from the top). */
export interface PageItemSource {
  strs: string[];
  tops: number[];
}

const foldCache = new Map<string, string>();

/**
 * A character as the walk compares it: whitespace and combining marks are nothing, a letter with
 * marks is its base letter, dotless i is i (composeAccents spells it so), case is ignored.
 */
export function foldChar(char: string): string {
  const code = char.charCodeAt(0);
  if (code < 0x80) {
    if (code <= 0x20 || code === 0x7f) return '';
    return code >= 0x41 && code <= 0x5a ? String.fromCharCode(code + 32) : char;
  }
  let folded = foldCache.get(char);
  if (folded === undefined) {
    if (/[\s\p{M}]/u.test(char)) folded = '';
    else if (char === 'ı') folded = 'i';
    else folded = (char.normalize('NFD')[0] ?? char).toLowerCase()[0] ?? '';
    foldCache.set(char, folded);
  }
  return folded;
}

/** The encoded page maps of a document: one array per page, in page order. */
export function buildPageMaps(text: string, lines: readonly PdfLine[], sources: readonly PageItemSource[]): number[][] {
  const mapped: (([number, number] | undefined)[] | undefined)[][] = sources.map((source) => source.strs.map(() => undefined));
  let cursor = 0;
  /** The next canonical position at or after `from` whose character folds to something, or -1. */
  const nextFoldable = (from: number): number => {
    for (let at = from; at < text.length; at++) if (foldChar(text[at]!) !== '') return at;
    return -1;
  };
  for (const line of lines) {
    const source = sources[line.page - 1];
    if (!source || !line.items) continue;
    for (const item of line.items) {
      const str = source.strs[item] ?? '';
      const chars: ([number, number] | undefined)[] = [];
      for (let k = 0; k < str.length; k++) {
        const spelled = fromT1Codes(str[k]!);
        // A space between words of one item is the canonical space after the word before it, so
        // a highlight covers the gap too; a run of spaces collapsed to one maps its first.
        if (isSpace(spelled)) {
          const mapped = chars[k - 1] !== undefined && cursor < text.length && isSpace(text[cursor]!);
          chars.push(mapped ? [cursor, ++cursor] : undefined);
          continue;
        }
        let first = -1;
        let last = -1;
        for (const piece of spelled) {
          const wanted = foldChar(piece);
          if (wanted === '') continue;
          const at = nextFoldable(cursor);
          if (at < 0 || foldChar(text[at]!) !== wanted) break;
          if (first < 0) first = at;
          last = at;
          cursor = at + 1;
        }
        chars.push(first < 0 ? undefined : [first, last + 1]);
      }
      mapped[line.page - 1]![item] = chars;
    }
  }
  return sources.map((source, page) =>
    encodePageItems(source.strs.map((str, item): PageItem => ({ length: str.length, top: source.tops[item] ?? 0, runs: toRuns(mapped[page]![item]) }))),
  );
}

function isSpace(char: string): boolean {
  return char.length === 1 && (char.charCodeAt(0) <= 0x20 || /\s/.test(char));
}

/** Per-character places as runs: consecutive characters on consecutive single characters share one. */
function toRuns(chars: readonly ([number, number] | undefined)[] | undefined): ItemRun[] {
  const runs: ItemRun[] = [];
  if (!chars) return runs;
  let open: ItemRun | undefined;
  chars.forEach((place, char) => {
    if (!place) return void (open = undefined);
    const [start, end] = place;
    const single = end - start === 1;
    if (open && single && open.chars === open.length && open.char + open.chars === char && open.start + open.length === start) {
      open.chars += 1;
      open.length += 1;
      return;
    }
    open = { char, chars: 1, start, length: end - start };
    runs.push(open);
    if (!single) open = undefined;
  });
  return runs;
}
