/**
 * Where a PDF page's text items fall in the canonical text, as the import found it. The page
 * view's text layer draws one element per item of pdf.js's getTextContent (default options, as
 * both the import and the view call it), so an item index and a character in the item's string
 * name one character on the page, and this says which canonical characters it became. Characters
 * the import dropped (running heads, page numbers, hyphens at line ends) map to nothing.
 *
 * Stored encoded, one flat number array per page, per item in order:
 *   length of the item's string, its line's top in tenths of a PDF point from the page's top,
 *   the number of runs, then per run: first item character, first canonical offset, and a count:
 *   n > 0 for n item characters on n consecutive canonical ones, -n for one item character that
 *   became n canonical ones (a ligature code spelled out).
 */

/** Item characters [char, char + chars) became canonical characters [start, start + length). */
export interface ItemRun {
  char: number;
  chars: number;
  start: number;
  length: number;
}

/** One text item of a page. */
export interface PageItem {
  /** Length of the item's string, to check a drawn text layer against. */
  length: number;
  /** The top of its line, in PDF points from the page's top. */
  top: number;
  runs: ItemRun[];
}

/** Encodes a page's items (see the module comment). */
export function encodePageItems(items: readonly PageItem[]): number[] {
  const out: number[] = [];
  for (const item of items) {
    out.push(item.length, Math.round(item.top * 10), item.runs.length);
    for (const run of item.runs) out.push(run.char, run.start, run.chars === 1 && run.length !== 1 ? -run.length : run.chars);
  }
  return out;
}

/** Decodes a page's items; throws on an array that is not an encoding. */
export function decodePageItems(encoded: readonly number[]): PageItem[] {
  const items: PageItem[] = [];
  let at = 0;
  const next = () => {
    if (at >= encoded.length) throw new Error('page items cut short');
    return encoded[at++]!;
  };
  while (at < encoded.length) {
    const length = next();
    const top = next() / 10;
    const count = next();
    const runs: ItemRun[] = [];
    for (let index = 0; index < count; index++) {
      const char = next();
      const start = next();
      const n = next();
      runs.push(n < 0 ? { char, chars: 1, start, length: -n } : { char, chars: n, start, length: n });
    }
    items.push({ length, top, runs });
  }
  return items;
}

/** True when `encoded` decodes (a stored row's check). */
export function isPageItemsEncoding(encoded: readonly number[]): boolean {
  try {
    decodePageItems(encoded);
    return encoded.every((value) => Number.isInteger(value));
  } catch {
    return false;
  }
}
