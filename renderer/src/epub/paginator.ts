import type { EPUB, FoliateTarget } from 'foliate-js/epub.js';

/** The foliate-paginator element, as the page view drives it. */
export interface PaginatorElement extends HTMLElement {
  open(book: EPUB): void;
  goTo(target: FoliateTarget): Promise<void>;
  next(): Promise<void>;
  prev(): Promise<void>;
  setStyles(styles: string | [string, string]): void;
  getContents(): { index: number; doc: Document }[];
  destroy(): void;
}

/** Where the reader is: the section, and the page within it. */
export interface EpubLocation {
  index: number;
  page: number;
  pages: number;
}

/** The detail of foliate's 'relocate' event. */
export interface RelocateDetail {
  index: number;
  fraction?: number;
  size?: number;
}

/** A page counter from foliate's fraction of the section and the size of one page. */
export function locationOf(detail: RelocateDetail): EpubLocation {
  const size = detail.size && detail.size > 0 ? detail.size : 1;
  const pages = Math.max(1, Math.round(1 / size));
  const page = Math.min(pages, Math.max(1, Math.round((detail.fraction ?? 0) / size) + 1));
  return { index: detail.index, page, pages };
}

/** Creates the paginator (registering its element on first use), laid out for one column in a pane. */
export async function createPaginator(): Promise<PaginatorElement> {
  await import('foliate-js/paginator.js');
  const element = document.createElement('foliate-paginator') as PaginatorElement;
  element.setAttribute('flow', 'paginated');
  element.setAttribute('max-column-count', '1');
  element.setAttribute('max-inline-size', '680px');
  element.setAttribute('margin', '36px');
  element.setAttribute('gap', '6%');
  return element;
}

const HIGHLIGHT_BACKGROUNDS: Record<string, string> = {
  yellow: 'rgba(255, 214, 10, 0.45)',
  green: 'rgba(80, 200, 120, 0.38)',
  blue: 'rgba(80, 160, 255, 0.35)',
  pink: 'rgba(255, 110, 170, 0.35)',
  purple: 'rgba(160, 110, 255, 0.35)',
};

/** The styles foliate puts into each chapter: Lectern's highlight colours and, in the dark theme, dark pages. */
export function pageStyles(dark: boolean): string {
  const highlights = Object.entries(HIGHLIGHT_BACKGROUNDS)
    .map(([color, background]) => `::highlight(lectern-${color}) { background-color: ${background}; }`)
    .join('\n');
  const selected = '::highlight(lectern-selected) { text-decoration: underline 2px; text-decoration-color: #3b82f6; }';
  const theme = dark ? 'html { color-scheme: dark; color: #e4e4e7 !important; background: #1f2023 !important; } a:link { color: #8ab4f8; }' : 'html { color-scheme: light; }';
  return `${theme}\n${highlights}\n${selected}`;
}
