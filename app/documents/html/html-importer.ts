/**
 * Web pages saved as .html, .htm or .xhtml: the article's text as blocks, the page's stated
 * metadata (citation_* tags, Dublin Core, JSON-LD, Open Graph), and its footnotes linked to their
 * markers. See html-blocks.ts for why no page content can run in Lectern.
 */
import { render } from 'dom-serializer';
import { looksBinary } from '../decode';
import type { FormatImporter, FormatReading } from '../format-importer';
import type { Result } from '../model';
import { footnoteLinks, htmlToBlocks } from './html-blocks';
import { chooseContentRoot } from './html-content';
import { decodeHtml } from './html-decode';
import { dropEventHandlers, limitDepth, MAX_ELEMENT_DEPTH, nestingWarning, parseHtml } from './html-dom';
import { readHtmlMetadata } from './html-metadata';
import { emptyNoteIndex, indexNotes, type NoteKeys } from './html-notes';
import type { HtmlSanitizer } from './sanitize';

/** In a single page, a note is found by its id: "#fn1" → "fn1". */
export const SINGLE_PAGE_KEYS: NoteKeys = {
  hrefKey: (href) => (href.startsWith('#') && href.length > 1 ? decodeFragment(href.slice(1)) : undefined),
  idKey: (id) => id,
};

/**
 * Reads a whole HTML page (bytes already decoded) into a format reading. The stated metadata is
 * read from the page as written (meta tags and JSON-LD, as plain strings; nothing there is run);
 * the content is read only from what DOMPurify gives back.
 */
export async function readHtmlPage(source: string, xhtml: boolean, sanitizeHtml: HtmlSanitizer, name: string): Promise<FormatReading> {
  const page = parseHtml(source, xhtml);
  const { stated, baseUrl } = readHtmlMetadata(page);
  // What DOMPurify is given is our own rewrite of the page: event handlers already gone, absurd
  // nesting flattened, and XHTML's "<a id='n1'/>" written out as "<a id='n1'></a>" so the HTML
  // parser under DOMPurify does not read it as an open link swallowing the rest of the paragraph.
  dropEventHandlers(page);
  const flattened = limitDepth(page, MAX_ELEMENT_DEPTH);
  const clean = await sanitizeHtml(render(page, { xmlMode: false, selfClosingTags: false, encodeEntities: 'utf8' }));
  const document = parseHtml(clean);
  const { root, inArticle } = chooseContentRoot(document);
  const notes = emptyNoteIndex();
  indexNotes(root, SINGLE_PAGE_KEYS, notes);
  const blocks = htmlToBlocks(root, { keys: SINGLE_PAGE_KEYS, notes, dropBoilerplate: true, inArticle, ...(baseUrl ? { linkBase: baseUrl } : {}) });
  const links = footnoteLinks(blocks.markers, blocks.notes);
  return {
    drafts: blocks.drafts,
    stated,
    ...(links.length > 0 ? { footnoteLinks: links } : {}),
    ...(flattened ? { warning: nestingWarning(name, MAX_ELEMENT_DEPTH) } : {}),
  };
}

/** HTML, HTM and XHTML files. */
export const htmlImporter: FormatImporter = {
  format: 'html',
  extensions: ['.html', '.htm', '.xhtml'],
  async read(fileName, name, bytes, context): Promise<Result<FormatReading>> {
    if (bytes.length === 0) return { ok: false, error: `${name} is empty.` };
    const decoded = decodeHtml(fileName, bytes);
    if (looksBinary(decoded.text)) {
      return { ok: false, error: `${name} does not look like a web page (it contains binary data). Save the page again as HTML.` };
    }
    if (!context.sanitizeHtml) return { ok: false, error: `${name} was not imported: web pages are read only after they are sanitized, and no HTML sanitizer is available here.` };
    const xhtml = fileName.toLowerCase().endsWith('.xhtml') || /^\s*<\?xml/.test(decoded.text);
    return { ok: true, value: { ...(await readHtmlPage(decoded.text, xhtml, context.sanitizeHtml, name)), encoding: decoded.encoding } };
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
