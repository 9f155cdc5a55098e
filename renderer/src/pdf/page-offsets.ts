/**
 * Between canonical offsets and a PDF's pages, exactly, through the page map the import kept
 * (app/documents/pdf/page-items.ts): which pages hold a range, which characters of which text
 * items show it, and which canonical range a selection of item characters covers. Nothing is
 * matched by text; a character the import dropped (a running head, a page number) maps to nothing.
 */
import { decodePageItems, type PageItem } from '../../../app/documents/pdf/page-items';

/** Characters [start, end) of text item `item` on a page. */
export interface ItemSpan {
  item: number;
  start: number;
  end: number;
}

/** A place in a page's text items: the character `char` of item `item` (a boundary before it). */
export interface ItemPoint {
  /** From 1. */
  page: number;
  item: number;
  char: number;
}

interface IndexedRun {
  item: number;
  char: number;
  chars: number;
  start: number;
  length: number;
}

interface IndexedPage {
  items: PageItem[];
  /** The page's runs by canonical start (runs never overlap: each canonical character has one source). */
  runs: IndexedRun[];
  /** The canonical range the page's runs reach, [start, end); empty (0, 0) for a page with none. */
  start: number;
  end: number;
}

/** A document's page map, decoded and indexed for lookups both ways. */
export class PageOffsets {
  private readonly pages: IndexedPage[];

  constructor(encoded: readonly (readonly number[])[]) {
    this.pages = encoded.map((page) => {
      const items = decodePageItems(page);
      const runs = items.flatMap((item, index) => item.runs.map((run) => ({ item: index, ...run })));
      runs.sort((a, b) => a.start - b.start);
      const last = runs.at(-1);
      return { items, runs, start: runs[0]?.start ?? 0, end: last ? last.start + last.length : 0 };
    });
  }

  /** How many pages the map covers. */
  get pageCount(): number {
    return this.pages.length;
  }

  /** The items of `page` (from 1): their string lengths (to check a drawn text layer against) and tops. */
  items(page: number): readonly PageItem[] {
    return this.pages[page - 1]?.items ?? [];
  }

  /** The canonical range the characters printed on `page` (from 1) reach; null for a page with none. */
  rangeOf(page: number): { start: number; end: number } | null {
    const indexed = this.pages[page - 1];
    return indexed && indexed.end > indexed.start ? { start: indexed.start, end: indexed.end } : null;
  }

  /** The pages (from 1, ascending) on which some character of [start, end) is printed. */
  pagesOf(start: number, end: number): number[] {
    const found: number[] = [];
    this.pages.forEach((page, index) => {
      if (page.start < end && start < page.end && this.firstRun(page, start, end) >= 0) found.push(index + 1);
    });
    return found;
  }

  /** The item characters of `page` that show [start, end), one span per run met, in canonical order. */
  spans(page: number, start: number, end: number): ItemSpan[] {
    const indexed = this.pages[page - 1];
    if (!indexed) return [];
    const spans: ItemSpan[] = [];
    for (let at = this.firstRun(indexed, start, end); at >= 0 && at < indexed.runs.length; at++) {
      const run = indexed.runs[at]!;
      if (run.start >= end) break;
      if (run.chars !== run.length) {
        // One item character spelled out as several: shown whole if any of them is wanted.
        spans.push({ item: run.item, start: run.char, end: run.char + 1 });
        continue;
      }
      const from = Math.max(start, run.start) - run.start;
      const to = Math.min(end, run.start + run.length) - run.start;
      spans.push({ item: run.item, start: run.char + from, end: run.char + to });
    }
    return mergeSpans(spans);
  }

  /**
   * Where the text at `offset` is printed: the page and the top of the line holding it, or, for an
   * offset the pages do not show (a block separator), the next character they do. Null past the end.
   */
  placeOf(offset: number): { page: number; top: number } | null {
    let best: { page: number; top: number; start: number } | null = null;
    this.pages.forEach((page, index) => {
      if (page.end <= offset) return;
      const at = this.runIndexAfter(page, offset);
      const run = page.runs[at];
      if (!run) return;
      const start = Math.max(run.start, offset);
      if (!best || start < best.start) best = { page: index + 1, top: page.items[run.item]?.top ?? 0, start };
    });
    const found = best as { page: number; top: number } | null;
    return found ? { page: found.page, top: found.top } : null;
  }

  /**
   * The canonical range covered by the item characters from `from` up to (not including) `to`,
   * in the pages' item order (the order their text layers draw them); null when the selection
   * holds only characters the import dropped.
   */
  selectionOffsets(from: ItemPoint, to: ItemPoint): { start: number; end: number } | null {
    let start = Infinity;
    let end = -Infinity;
    for (let number = from.page; number <= to.page; number++) {
      const page = this.pages[number - 1];
      if (!page) continue;
      for (const run of page.runs) {
        const low = number === from.page ? compare(run.item, run.char + run.chars, from.item, from.char) > 0 : true;
        const high = number === to.page ? compare(run.item, run.char, to.item, to.char) < 0 : true;
        if (!low || !high) continue;
        if (run.chars !== run.length) {
          start = Math.min(start, run.start);
          end = Math.max(end, run.start + run.length);
          continue;
        }
        const first = number === from.page && run.item === from.item ? Math.max(run.char, from.char) : run.char;
        const last = number === to.page && run.item === to.item ? Math.min(run.char + run.chars, to.char) : run.char + run.chars;
        if (last <= first) continue;
        start = Math.min(start, run.start + first - run.char);
        end = Math.max(end, run.start + last - run.char);
      }
    }
    return start < end ? { start, end } : null;
  }

  /** Index of the first run of `page` ending after `start`, if it starts before `end`; else -1. */
  private firstRun(page: IndexedPage, start: number, end: number): number {
    const at = this.runIndexAfter(page, start);
    return at < page.runs.length && page.runs[at]!.start < end ? at : -1;
  }

  /** Index of the first run of `page` that ends after `offset` (runs.length when none does). */
  private runIndexAfter(page: IndexedPage, offset: number): number {
    let low = 0;
    let high = page.runs.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      const run = page.runs[mid]!;
      if (run.start + run.length <= offset) low = mid + 1;
      else high = mid;
    }
    return low;
  }
}

/** Orders item points within a page: by item, then by character. */
function compare(itemA: number, charA: number, itemB: number, charB: number): number {
  return itemA - itemB || charA - charB;
}

/** Joins spans of the same item that touch, so a highlight draws one range per item. */
function mergeSpans(spans: ItemSpan[]): ItemSpan[] {
  const merged: ItemSpan[] = [];
  for (const span of spans) {
    const last = merged.at(-1);
    if (last && last.item === span.item && last.end === span.start) last.end = span.end;
    else merged.push({ ...span });
  }
  return merged;
}
