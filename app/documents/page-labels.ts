/**
 * Printed page labels and the one locator every cited passage gets. A PDF's pages are cited by
 * the label printed on them ("ii", "12"), which its /PageLabels gives, not by their index in the
 * file (front matter in roman numerals pushes the two apart); a document without pages is cited
 * by paragraph. Copy, drag, notebook quotes, exports and the quote check all ask passageLocator.
 */
import type { PassageLocator } from '../citations/quote-citation';
import { blockIndexAt, paragraphLocator } from './locator';
import type { Block, DocumentFormat } from './model';

/** Longer labels are not page labels a style could print; such a page is cited by its number. */
export const MAX_PAGE_LABEL_LENGTH = 64;

/**
 * The page labels a PDF states, made safe to store: null unless `raw` is an array of one entry
 * per page. An entry that is not a string, is empty once trimmed, or is longer than
 * MAX_PAGE_LABEL_LENGTH becomes the page's number; control characters go. Null too when every
 * label is just the page's number, as the labels then add nothing.
 */
export function sanitizePageLabels(raw: unknown, pageCount: number): string[] | null {
  if (!Array.isArray(raw) || raw.length !== pageCount || pageCount === 0) return null;
  const labels = raw.map((entry: unknown, index) => {
    const label = typeof entry === 'string' ? entry.replace(/\p{Cc}/gu, '').trim() : '';
    return label === '' || label.length > MAX_PAGE_LABEL_LENGTH ? String(index + 1) : label;
  });
  return labels.every((label, index) => label === String(index + 1)) ? null : labels;
}

/** The label printed on `page` (from 1): "ii", "12"; the page's number when there is no usable label. */
export function printedPage(labels: readonly string[] | null | undefined, page: number): string {
  const label = labels?.[page - 1];
  return typeof label === 'string' && label.trim() !== '' ? label : String(page);
}

/** The page (from 1) whose label is `typed` ("xii", "12"), or, without such a label, the page of that number; null when neither. */
export function pageOfLabel(labels: readonly string[] | null | undefined, typed: string, pageCount: number): number | null {
  const wanted = typed.trim();
  if (wanted === '') return null;
  if (labels) {
    const lower = wanted.toLowerCase();
    const exact = labels.findIndex((label) => label === wanted);
    const found = exact >= 0 ? exact : labels.findIndex((label) => label.toLowerCase() === lower);
    if (found >= 0) return found + 1;
  }
  if (!/^\d+$/.test(wanted)) return null;
  const page = Number(wanted);
  return page >= 1 && page <= pageCount ? page : null;
}

/**
 * The page (from 1) holding `offset`. With a page map (StoredPageMap.pages, encoded as
 * pdf/page-items.ts describes) the page whose text items became that character, or, for a
 * character no page shows (a break between blocks), the page of the next one shown; without a
 * map, or past its end, the page the offset's block starts on. Null when nothing knows pages.
 */
export function pageAtOffset(pageMap: readonly (readonly number[])[] | undefined, blocks: readonly Block[], offset: number): number | null {
  const mapped = pageMap ? pageInMap(pageMap, offset) : null;
  return mapped ?? pageOfBlock(blocks, offset);
}

/** A page map's runs by canonical start: where each starts, ends, and the page it is on. */
interface RunIndex {
  starts: number[];
  ends: number[];
  pages: number[];
}

/** Indexed once per page map (the stored arrays are not changed in place), so exports of many highlights stay quick. */
const runIndexes = new WeakMap<readonly (readonly number[])[], RunIndex | null>();

/** The runs of an encoded page map, sorted by start; null when it does not decode. */
function indexRuns(pageMap: readonly (readonly number[])[]): RunIndex | null {
  const runs: [number, number, number][] = [];
  for (let index = 0; index < pageMap.length; index++) {
    const encoded = pageMap[index]!;
    let at = 0;
    while (at < encoded.length) {
      const count = encoded[at + 2];
      if (count === undefined || count < 0) return null;
      at += 3;
      for (let run = 0; run < count; run++) {
        const start = encoded[at + 1];
        const n = encoded[at + 2];
        if (start === undefined || n === undefined) return null;
        at += 3;
        runs.push([start, start + Math.abs(n), index + 1]);
      }
    }
  }
  runs.sort((a, b) => a[0] - b[0]);
  return { starts: runs.map((run) => run[0]), ends: runs.map((run) => run[1]), pages: runs.map((run) => run[2]) };
}

/** The page of the run holding `offset`, else of the first run after it; null past the last run or for a map that does not decode. */
function pageInMap(pageMap: readonly (readonly number[])[], offset: number): number | null {
  let runs = runIndexes.get(pageMap);
  if (runs === undefined) {
    runs = indexRuns(pageMap);
    runIndexes.set(pageMap, runs);
  }
  if (!runs) return null;
  // The last run starting at or before `offset`: it holds the offset, or the next run is the page shown next.
  let low = 0;
  let high = runs.starts.length - 1;
  let found = -1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    if (runs.starts[mid]! <= offset) {
      found = mid;
      low = mid + 1;
    } else high = mid - 1;
  }
  if (found >= 0 && offset < runs.ends[found]!) return runs.pages[found]!;
  return runs.pages[found + 1] ?? null;
}

/** The page the block holding `offset` starts on (or the nearest earlier block that says). */
function pageOfBlock(blocks: readonly Block[], offset: number): number | null {
  const found = blockIndexAt(blocks, offset);
  for (let index = Math.max(found, 0); index >= 0; index--) {
    const page = blocks[index]?.page;
    if (page !== undefined) return page;
  }
  return blocks.find((block) => block.page !== undefined)?.page ?? null;
}

/** What passageLocator needs to know of a document. */
export interface LocatorSource {
  format: DocumentFormat;
  blocks: readonly Block[];
  /** A PDF's page map, when loaded: exact pages rather than the pages blocks start on. */
  pageMap?: readonly (readonly number[])[];
  /** A PDF's printed page labels; null or absent when it has none. */
  pageLabels?: readonly string[] | null;
}

/**
 * The locator a citation of the passage at `offset` needs: for a PDF the printed label of its
 * page (`page`, from 1, when the caller knows it, as a highlight made on the page view does;
 * else found from the offset), never a paragraph; for every other format its paragraph number.
 * Null when neither is known.
 */
export function passageLocator(source: LocatorSource, offset: number, page?: number): PassageLocator | null {
  if (source.format === 'pdf') {
    const found = page !== undefined && Number.isInteger(page) && page >= 1 ? page : pageAtOffset(source.pageMap, source.blocks, offset);
    return found === null ? null : { label: 'page', value: printedPage(source.pageLabels, found) };
  }
  return paragraphLocator(source.blocks, offset);
}
