/**
 * Gold citations from a LaTeX-made PDF's own hyperlinks: hyperref turns every \cite into a link
 * whose destination is the cited entry in the bibliography, so each citation's target comes for
 * free. Links are read with pdf.js; a link counts as a citation when its destination lies in the
 * reference list (after its heading), and each distinct destination is one entry.
 */
import type { PDFDocumentProxy, PDFPageProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { openPdf } from '../../app/documents/pdf/pdfjs';

/** A piece of text on a page, in PDF user space (y grows upwards, baseline). */
interface Item {
  str: string;
  x: number;
  y: number;
  width: number;
  height: number;
}

/** The fields of a pdf.js link annotation read here. */
interface LinkAnnotation {
  subtype: string;
  dest?: unknown;
  rect: number[];
}

/** One entry of the reference list, as its links point at it. */
export interface GoldEntry {
  /** Index in reading order of the list. */
  index: number;
  page: number;
  /** The entry's first line (or two), enough to recognise it. */
  text: string;
}

/** One cited work in the text: the link's own text and the entry it points at. */
export interface GoldCitation {
  page: number;
  text: string;
  entry: number;
}

/** What the links of one PDF say. */
export interface GoldFromLinks {
  pages: number;
  heading?: { page: number; text: string };
  entries: GoldEntry[];
  citations: GoldCitation[];
}

const HEADING = /^\s*(References|Bibliography|Literature|Literatur|Literaturverzeichnis|Références|Bibliographie|Works Cited|Список литературы|Литература)\s*$/iu;

export async function itemsOf(page: PDFPageProxy): Promise<Item[]> {
  const content = await page.getTextContent();
  const items: Item[] = [];
  for (const raw of content.items) {
    if (!('str' in raw) || !raw.str.trim()) continue;
    items.push({ str: raw.str, x: raw.transform[4] as number, y: raw.transform[5] as number, width: raw.width, height: raw.height || Math.abs(raw.transform[3] as number) });
  }
  return items;
}

/** The page (0-based) and top of a link's destination, or undefined for other links. */
async function destinationOf(pdf: PDFDocumentProxy, dest: unknown): Promise<{ page: number; left: number; top: number } | undefined> {
  const explicit = typeof dest === 'string' ? await pdf.getDestination(dest) : dest;
  if (!Array.isArray(explicit) || explicit.length < 2) return undefined;
  const ref: unknown = explicit[0];
  let page: number;
  if (typeof ref === 'number') page = ref;
  else if (ref && typeof ref === 'object' && 'num' in ref) page = await pdf.getPageIndex(ref as { num: number; gen: number });
  else return undefined;
  const kind = (explicit[1] as { name?: string } | undefined)?.name;
  const left = kind === 'XYZ' ? Number(explicit[2] ?? 0) : 0;
  const top = kind === 'XYZ' ? Number(explicit[3] ?? Infinity) : kind === 'FitH' || kind === 'FitBH' ? Number(explicit[2] ?? Infinity) : Infinity;
  return { page, left: Number.isFinite(left) ? left : 0, top: Number.isFinite(top) ? top : Infinity };
}

/** Text of the items inside a rectangle [x1, y1, x2, y2], in reading order. */
function textIn(items: Item[], rect: number[], slack = 1): string {
  const [x1, y1, x2, y2] = rect as [number, number, number, number];
  const inside = items.filter((it) => it.y + it.height * 0.3 >= y1 - 1 && it.y <= y2 + 1 && it.x < x2 && it.x + it.width > x1);
  inside.sort((a, b) => b.y - a.y || a.x - b.x);
  return inside
    .map((it) => {
      // Cut an item that runs past the link to the characters inside it (proportional widths).
      const per = it.width / Math.max(1, it.str.length);
      // Glyph widths vary: keep a character more on each side rather than cut a digit off.
      const from = Math.max(0, Math.floor((x1 - it.x) / per) - slack);
      const to = Math.min(it.str.length, Math.ceil((x2 - it.x) / per) + slack);
      return it.str.slice(from, Math.max(from, to));
    })
    .join(' ')
    .replace(/\s+/gu, ' ')
    .trim();
}

/** The first lines of the entry that starts at a destination. */
export function entryText(items: Item[], left: number, top: number): string {
  let below = items.filter((it) => it.y <= top + 2 && it.y > top - 40 && it.x >= left - 4 && it.x < left + 260);
  below.sort((a, b) => b.y - a.y || a.x - b.x);
  // A destination set on the baseline of the line above (biblatex) takes in the previous
  // entry's last line; hanging indents tell it: it starts further right than the entry does.
  const firstY = below[0]?.y;
  const firstLine = below.filter((it) => it.y === firstY);
  if (firstY !== undefined && firstY >= top - 1 && Math.min(...firstLine.map((it) => it.x)) > left + 4 && below.some((it) => it.y < firstY && it.x <= left + 4)) below = below.filter((it) => it.y !== firstY);
  return below.map((it) => it.str).join(' ').replace(/\s+/gu, ' ').trim().slice(0, 120);
}

/**
 * A numeric citation's link: a number with at most a stray letter or two of its neighbours
 * ("[4", "4, 5]", "[4, p"); not a section number ("6.3 Probability", "A.1").
 */
const NUMBERS = { test: (text: string) => /\d/u.test(text) && !/\p{L}{3,}/u.test(text) && !/(?:^|\s)\p{Lu}?\.?\d+\.\d/u.test(text) };
/** An alphabetic label ("[And83]", "DS13", "Lot+73a"). */
const LABEL = /\[?\p{Lu}[\p{L}+]{0,5}\d{2}[a-z]?\]?/u;
const YEAR = /\b(1[5-9]\d\d|20\d\d)[a-z]?\b|\bin press\b|\bn\.d\./u;

/**
 * natbib with hyperref links a narrative citation's names and its year separately ("Zeileis" and
 * "2004" for "Zeileis (2004)"), and a link broken across lines in two: links to the same entry
 * are one cited work until one of them holds the year.
 */
function mergeKeyed<T extends { page: number; text: string; key: string; merged?: boolean }>(links: T[]): T[] {
  const out: T[] = [];
  for (const link of links) {
    const last = out[out.length - 1];
    if (last && last.key === link.key && last.page === link.page && !YEAR.test(last.text)) {
      last.text = `${last.text} ${link.text}`;
      last.merged = true;
    } else out.push({ ...link });
  }
  return out;
}

/** Reads the citation links of a PDF. */
export async function goldFromLinks(bytes: Uint8Array): Promise<GoldFromLinks> {
  const opened = await openPdf(bytes);
  if (!opened.ok) throw new Error(opened.detail);
  const pdf = opened.pdf;
  try {
    const pages: Item[][] = [];
    for (let p = 1; p <= pdf.numPages; p++) pages.push(await itemsOf(await pdf.getPage(p)));
    // Every heading that names a reference list opens one: a document may hold one list per
    // chapter. A destination belongs to the list of the last heading before it.
    const headings: Array<{ page: number; y: number; text: string }> = [];
    pages.forEach((items, page) => {
      // A heading may come as one item per word ("Список", "литературы"): test whole lines.
      const lines = new Map<number, Item[]>();
      for (const it of items) lines.set(Math.round(it.y), [...(lines.get(Math.round(it.y)) ?? []), it]);
      for (const [y, parts] of [...lines.entries()].sort(([a], [b]) => b - a)) {
        const line = parts.sort((a, b) => a.x - b.x).map((it) => it.str).join(' ').replace(/\s+/gu, ' ').trim();
        if (HEADING.test(line) && line.length < 40) headings.push({ page, y, text: line });
      }
    });
    const heading = headings[headings.length - 1];
    const under = (page: number, top: number): number => {
      let found = -1;
      headings.forEach((h, i) => { if (page > h.page || (page === h.page && top <= h.y + 2)) found = i; });
      return found;
    };
    const targets = new Map<string, { page: number; left: number; top: number; list: number }>();
    const links: Array<{ page: number; text: string; key: string; y: number; rect: number[]; merged?: boolean }> = [];
    for (let p = 0; p < pdf.numPages; p++) {
      const page = await pdf.getPage(p + 1);
      const annotations = (await page.getAnnotations()) as LinkAnnotation[];
      for (const annotation of annotations) {
        if (annotation.subtype !== 'Link' || !annotation.dest) continue;
        const dest = await destinationOf(pdf, annotation.dest);
        if (!dest || !heading || !Number.isFinite(dest.top)) continue;
        const list = under(dest.page, dest.top);
        if (list < 0) continue;
        const key = `${dest.page}:${Math.round(dest.left)}:${Math.round(dest.top)}`;
        targets.set(key, { ...dest, list });
        links.push({ page: p + 1, text: textIn(pages[p]!, annotation.rect), key, y: annotation.rect[1] ?? 0, rect: annotation.rect });
      }
    }
    // Links inside a list itself (an entry pointing at another) are not citations in the text;
    // links in an appendix after the last list's last page are. An earlier list (one per
    // chapter) ends at its last entry, give or take the entry's own lines.
    const spans = headings.map((h, i) => {
      const own = [...targets.values()].filter((d) => d.list === i);
      const last = own.sort((a, b) => b.page - a.page || a.top - b.top)[0];
      return last ? { heading: h, last } : undefined;
    });
    const lastListPage = Math.max(...[...targets.values()].map((d) => d.page)) + 1;
    const lastSpan = spans.reduce((found, span, i) => (span ? i : found), -1);
    const inList = (l: { page: number; y: number }) => spans.some((span, i) => {
      if (!span) return false;
      const { heading: h, last } = span;
      if (l.page - 1 === h.page && l.y < h.y) return i !== lastSpan ? l.page - 1 < last.page || l.y >= last.top - 40 : true;
      if (l.page - 1 <= h.page) return false;
      return i === lastSpan ? l.page <= lastListPage : l.page - 1 < last.page || (l.page - 1 === last.page && l.y >= last.top - 40);
    });
    links.splice(0, links.length, ...links.filter((l) => !inList(l)));
    // Entries in reading order: by page, column (left), then from the top down.
    // A link with neither a year nor a number in it points at an appendix or a section that
    // follows the list ("A.1"), not at an entry.
    // Capitals run wider than the average glyph: a link of one piece whose year was cut short
    // ("(British Film Institute 201") is read again with more slack.
    const merged = mergeKeyed(links).map((l) => {
      if (l.merged || YEAR.test(l.text) || !/\d{2,3}\W*$/u.test(l.text) || !/\p{L}{2}/u.test(l.text)) return l;
      const wider = textIn(pages[l.page - 1]!, l.rect, 3);
      return YEAR.test(wider) ? { ...l, text: wider } : l;
    });
    const cited = merged.filter((l) => YEAR.test(l.text) || NUMBERS.test(l.text) || LABEL.test(l.text));
    const used = new Set(cited.map((l) => l.key));
    const ordered = [...targets.entries()].filter(([key]) => used.has(key)).sort(([, a], [, b]) => a.page - b.page || a.left - b.left || b.top - a.top);
    const indexOf = new Map(ordered.map(([key], index) => [key, index]));
    const entries = ordered.map(([, d], index) => ({ index, page: d.page + 1, text: entryText(pages[d.page]!, d.left, d.top) }));
    const citations = cited.map((l) => ({ page: l.page, text: l.text, entry: indexOf.get(l.key)! }));
    return { pages: pdf.numPages, heading: heading ? { page: heading.page + 1, text: heading.text } : undefined, entries, citations };
  } finally {
    await pdf.destroy();
  }
}
