/**
 * The links a PDF carries on its pages (pdf.js link annotations): internal ones to a place in the
 * document (hyperref's citation, figure and section links, a table of contents) and web links.
 * Rectangles and places are kept in PDF points from the page's top-left corner, y downwards, like
 * highlight rectangles, so they follow any zoom.
 */
import type { PageRect } from '../../../app/anchoring/selectors';

/** A place in the document: a page (from 1) and, when the link names one, how far down it, in PDF points. */
export interface LinkTarget {
  page: number;
  top: number | null;
}

/** One link on a page. */
export type PageLink =
  | { kind: 'internal'; rect: PageRect; target: LinkTarget }
  | { kind: 'external'; rect: PageRect; url: string };

/** The parts of pdf.js's page proxy read here. */
interface LinkPage {
  getViewport(options: { scale: number }): { convertToViewportRectangle(rect: number[]): number[]; convertToViewportPoint(x: number, y: number): number[] };
  getAnnotations(): Promise<{ subtype?: string; rect?: number[]; dest?: unknown; url?: string }[]>;
}

/** The parts of pdf.js's document proxy read here. */
export interface LinkDocument {
  numPages: number;
  getPage(page: number): Promise<LinkPage>;
  getDestination(name: string): Promise<unknown[] | null>;
  getPageIndex(ref: { num: number; gen: number }): Promise<number>;
}

/**
 * The page reference and the top (PDF user space, y upwards) of an explicit destination:
 * [page, /XYZ left top zoom], [page, /FitH top], [page, /FitBH top], [page, /FitR left bottom right top],
 * or a fit of the whole page (/Fit, /FitB, /FitV), which names no height.
 */
export function parseDestination(explicit: unknown): { ref: unknown; left: number; top: number | null } | null {
  if (!Array.isArray(explicit) || explicit.length < 2) return null;
  const [ref, kind, ...args] = explicit as [unknown, unknown, ...unknown[]];
  const name = kind && typeof kind === 'object' && 'name' in kind ? String(kind.name) : '';
  const number = (value: unknown) => (typeof value === 'number' && Number.isFinite(value) ? value : null);
  switch (name) {
    case 'XYZ':
      return { ref, left: number(args[0]) ?? 0, top: number(args[1]) };
    case 'FitH':
    case 'FitBH':
      return { ref, left: 0, top: number(args[0]) };
    case 'FitR':
      return { ref, left: number(args[0]) ?? 0, top: number(args[3]) };
    case 'Fit':
    case 'FitB':
    case 'FitV':
    case 'FitBV':
      return { ref, left: 0, top: null };
    default:
      return null;
  }
}

/** A rectangle given by two corners in any order, as x, y, width and height. */
export function cornersToRect([x1, y1, x2, y2]: number[]): PageRect {
  const [left, right] = [Math.min(x1!, x2!), Math.max(x1!, x2!)];
  const [top, bottom] = [Math.min(y1!, y2!), Math.max(y1!, y2!)];
  return { x: left, y: top, width: right - left, height: bottom - top };
}

/**
 * The links not covered by a citation mark. A hyperref citation link sits on the citation's year
 * or number, inside the mark Lectern draws for the whole citation, which already leads to the entry
 * and shows its card; keeping both would put two stops for one citation in the Tab order. A web
 * link is kept wherever it is.
 */
export function uncoveredLinks(links: readonly PageLink[], marks: readonly PageRect[]): PageLink[] {
  return links.filter((link) => {
    if (link.kind === 'external') return true;
    const x = link.rect.x + link.rect.width / 2;
    const y = link.rect.y + link.rect.height / 2;
    return !marks.some((mark) => x >= mark.x && x <= mark.x + mark.width && y >= mark.y && y <= mark.y + mark.height);
  });
}

/** Where a link's destination leads, or null when it names no page of this document. */
export async function resolveDestination(pdf: LinkDocument, dest: unknown): Promise<LinkTarget | null> {
  const explicit = typeof dest === 'string' ? await pdf.getDestination(dest) : dest;
  const parsed = parseDestination(explicit);
  if (!parsed) return null;
  const { ref } = parsed;
  const index = typeof ref === 'number' ? ref : ref && typeof ref === 'object' && 'num' in ref ? await pdf.getPageIndex(ref as { num: number; gen: number }) : -1;
  if (!Number.isInteger(index) || index < 0 || index >= pdf.numPages) return null;
  if (parsed.top === null) return { page: index + 1, top: null };
  const viewport = (await pdf.getPage(index + 1)).getViewport({ scale: 1 });
  const [, top] = viewport.convertToViewportPoint(parsed.left, parsed.top) as [number, number];
  return { page: index + 1, top: Math.max(0, top) };
}

/** The links of page `pageNumber` (from 1) whose target Lectern can follow: a place in this document, or a web address. */
export async function readPageLinks(pdf: LinkDocument, pageNumber: number): Promise<PageLink[]> {
  const page = await pdf.getPage(pageNumber);
  const viewport = page.getViewport({ scale: 1 });
  const links: PageLink[] = [];
  for (const annotation of await page.getAnnotations()) {
    if (annotation.subtype !== 'Link' || !annotation.rect || annotation.rect.length !== 4) continue;
    const rect = cornersToRect(viewport.convertToViewportRectangle(annotation.rect));
    if (rect.width < 1 || rect.height < 1) continue;
    // pdf.js sets `url` only for an absolute address it considers safe; the platform vets it again.
    if (annotation.url) links.push({ kind: 'external', rect, url: annotation.url });
    else if (annotation.dest) {
      const target = await resolveDestination(pdf, annotation.dest).catch(() => null);
      if (target) links.push({ kind: 'internal', rect, target });
    }
  }
  return links;
}
