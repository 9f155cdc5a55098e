/**
 * Web pages saved as .html, .htm or .xhtml: the article's text as blocks, the page's stated
 * metadata (citation_* tags, Dublin Core, JSON-LD, Open Graph), and its footnotes linked to their
 * markers. See html-blocks.ts for why no page content can run in Lectern.
 */
import { looksBinary } from '../decode';
import type { FormatImporter, FormatReading } from '../format-importer';
import type { Result } from '../model';
import { footnoteLinks, htmlToBlocks } from './html-blocks';
import { chooseContentRoot } from './html-content';
import { decodeHtml } from './html-decode';
import { parseHtml } from './html-dom';
import { readHtmlMetadata } from './html-metadata';
import { emptyNoteIndex, indexNotes, type NoteKeys } from './html-notes';

/** In a single page, a note is found by its id: "#fn1" → "fn1". */
export const SINGLE_PAGE_KEYS: NoteKeys = {
  hrefKey: (href) => (href.startsWith('#') && href.length > 1 ? decodeFragment(href.slice(1)) : undefined),
  idKey: (id) => id,
};

/** Reads a whole HTML page (bytes already decoded) into a format reading. */
export function readHtmlPage(source: string, xhtml: boolean): FormatReading {
  const document = parseHtml(source, xhtml);
  const { stated, baseUrl } = readHtmlMetadata(document);
  const { root, inArticle } = chooseContentRoot(document);
  const notes = emptyNoteIndex();
  indexNotes(root, SINGLE_PAGE_KEYS, notes);
  const blocks = htmlToBlocks(root, { keys: SINGLE_PAGE_KEYS, notes, dropBoilerplate: true, inArticle, ...(baseUrl ? { linkBase: baseUrl } : {}) });
  const links = footnoteLinks(blocks.markers, blocks.notes);
  return { drafts: blocks.drafts, stated, ...(links.length > 0 ? { footnoteLinks: links } : {}) };
}

/** HTML, HTM and XHTML files. */
export const htmlImporter: FormatImporter = {
  format: 'html',
  extensions: ['.html', '.htm', '.xhtml'],
  read(fileName, name, bytes): Promise<Result<FormatReading>> {
    if (bytes.length === 0) return Promise.resolve({ ok: false, error: `${name} is empty.` });
    const decoded = decodeHtml(fileName, bytes);
    if (looksBinary(decoded.text)) {
      return Promise.resolve({ ok: false, error: `${name} does not look like a web page (it contains binary data). Save the page again as HTML.` });
    }
    const xhtml = fileName.toLowerCase().endsWith('.xhtml') || /^\s*<\?xml/.test(decoded.text);
    return Promise.resolve({ ok: true, value: { ...readHtmlPage(decoded.text, xhtml), encoding: decoded.encoding } });
  },
};

/** Decodes %-escapes in a fragment ("#caf%C3%A9"), keeping it as written when they are malformed. */
export function decodeFragment(fragment: string): string {
  try {
    return decodeURIComponent(fragment);
  } catch {
    return fragment;
  }
}
