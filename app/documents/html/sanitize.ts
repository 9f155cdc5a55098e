/**
 * DOMPurify is the gate every imported web page passes before Lectern reads its content. It
 * needs a real DOM: the browser's window in the renderer, jsdom in Node (sanitize-node.ts). A DOM
 * that only looks like one (linkedom, a stub) makes DOMPurify return its input untouched without
 * a word, so a sanitizer is only handed out after it has been seen to remove a known attack.
 */
import createDOMPurify, { type Config, type DOMPurify, type WindowLike } from 'dompurify';

/** Turns a page's HTML into HTML with nothing that could run or load; async so a worker can ask the UI thread. */
export type HtmlSanitizer = (html: string) => string | Promise<string>;

/** What every import may need from the platform it runs on. */
export interface ImportContext {
  /** Absent where no DOM is available: web pages are then refused, never read unsanitized. */
  sanitizeHtml?: HtmlSanitizer;
}

/** Everything that executes, loads, submits or redirects goes, on top of DOMPurify's defaults. */
const CONFIG: Config = {
  WHOLE_DOCUMENT: true,
  FORBID_TAGS: ['style', 'link', 'meta', 'base', 'iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'form', 'input', 'button', 'select', 'textarea', 'noscript', 'template', 'portal'],
  FORBID_ATTR: ['style', 'srcset', 'ping', 'action', 'formaction', 'background', 'poster'],
  ALLOW_UNKNOWN_PROTOCOLS: false,
  // Kept for reading, never acted on: microdata finds the article body, epub:type and role mark notes.
  ADD_ATTR: ['itemprop', 'itemscope', 'itemtype', 'epub:type', 'role'],
};

/** Removed with everything inside them: their content is fallback, code or form data, never the text. */
const DROP_WITH_CONTENT = new Set(['script', 'style', 'iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'noscript', 'template', 'form', 'button', 'select', 'textarea', 'svg', 'portal', 'noembed', 'noframes']);

/**
 * An attack DOMPurify must defuse before Lectern trusts it: a script link, a script and a frame.
 * No event handler: Chromium checks one against the page's CSP even while parsing it inertly,
 * and reports a violation for every check.
 */
const PROBE = '<p><a href="javascript:alert(2)">a</a><script>alert(3)</script><iframe src="https://example.invalid/"></iframe></p>';

/** A DOMPurify over `window` that drops `dropped` elements with their content, once seen to defuse the probe. */
function checkedPurify(window: WindowLike, dropped: ReadonlySet<string>): DOMPurify {
  const purify = createDOMPurify(window);
  if (!purify.isSupported) throw new Error('HTML cannot be sanitized here: DOMPurify does not support this DOM');
  purify.addHook('uponSanitizeElement', (node, data) => {
    // Emptied before DOMPurify removes the element, which would otherwise keep its content.
    if (dropped.has(data.tagName.toLowerCase())) while (node.firstChild) node.removeChild(node.firstChild);
  });
  const probe = purify.sanitize(PROBE);
  if (/javascript:|<script|<iframe/i.test(probe) || !probe.includes('<p')) {
    throw new Error('HTML cannot be sanitized here: DOMPurify left an attack in place on this DOM');
  }
  return purify;
}

/** A DOMPurify instance over `window`, refused when it cannot sanitize there. */
export function createHtmlSanitizer(window: WindowLike): (html: string) => string {
  const purify = checkedPurify(window, DROP_WITH_CONTENT);
  return (html) => purify.sanitize(html, { ...CONFIG, RETURN_DOM: false, RETURN_DOM_FRAGMENT: false });
}

/** A window that can also parse and write XML, for book chapters. */
export type SectionWindow = WindowLike & Pick<typeof globalThis, 'DOMParser' | 'XMLSerializer'>;

/** Turns a book chapter (XHTML or HTML, its resources already blob: URLs) into one safe to show. */
export type SectionSanitizer = (markup: string, type: string) => string;

/** For display, a chapter keeps its look: styles, its own stylesheets and pictures (as blob: URLs). */
const SECTION_CONFIG: Config = {
  WHOLE_DOCUMENT: true,
  IN_PLACE: true,
  ADD_TAGS: ['link'],
  ADD_ATTR: ['epub:type', 'role', 'xml:lang', 'lang', 'dir'],
  FORBID_TAGS: ['meta', 'base', 'iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'form', 'input', 'button', 'select', 'textarea', 'noscript', 'template', 'portal', 'audio', 'video', 'source', 'track'],
  FORBID_ATTR: ['srcset', 'ping', 'action', 'formaction', 'background', 'poster'],
  ALLOWED_URI_REGEXP: /^(?:(?:https?|mailto|blob):|[^a-z]|[a-z+.-]+(?:[^a-z+.\-:]|$))/i,
};

const SECTION_DROPPED = new Set([...DROP_WITH_CONTENT].filter((tag) => tag !== 'style' && tag !== 'svg'));

/**
 * DOMPurify for the chapters a book's page view shows. Each chapter is parsed as the type it is
 * (XHTML as XML, falling back to HTML when it is not well-formed, as readers do), sanitized in
 * place, and written out again; only stylesheets the book itself holds (blob: URLs) are linked.
 */
export function createSectionSanitizer(window: SectionWindow): SectionSanitizer {
  const purify = checkedPurify(window, SECTION_DROPPED);
  purify.addHook('uponSanitizeElement', (node, data) => {
    if (data.tagName.toLowerCase() !== 'link') return;
    const link = node as Element;
    const stylesheet = /(^|\s)stylesheet(\s|$)/i.test(link.getAttribute('rel') ?? '') && (link.getAttribute('href') ?? '').startsWith('blob:');
    if (!stylesheet) link.parentNode?.removeChild(link);
  });
  return (markup, type) => {
    if (type === 'image/svg+xml') return sanitizeSvg(window, purify, markup);
    const xml = type === 'application/xhtml+xml';
    let doc = new window.DOMParser().parseFromString(markup, xml ? 'application/xhtml+xml' : 'text/html');
    if (xml && (doc.getElementsByTagName('parsererror').length > 0 || !doc.documentElement)) doc = new window.DOMParser().parseFromString(markup, 'text/html');
    const html = doc.documentElement.namespaceURI === 'http://www.w3.org/1999/xhtml' && doc.contentType === 'application/xhtml+xml';
    purify.sanitize(doc.documentElement, { ...SECTION_CONFIG, PARSER_MEDIA_TYPE: html ? 'application/xhtml+xml' : 'text/html' });
    // DOMPurify drops namespace declarations; the epub: prefix is declared again so notes keep epub:type.
    if (html) doc.documentElement.setAttributeNS('http://www.w3.org/2000/xmlns/', 'xmlns:epub', 'http://www.idpf.org/2007/ops');
    return html ? new window.XMLSerializer().serializeToString(doc) : `<!DOCTYPE html>${doc.documentElement.outerHTML}`;
  };
}

const SVG_NAMESPACE = 'http://www.w3.org/2000/svg';
const EMPTY_SVG = `<svg xmlns="${SVG_NAMESPACE}"/>`;

/**
 * An SVG chapter or picture, sanitized as SVG: DOMPurify's SVG profile keeps shapes, text and
 * pictures and drops scripts, handlers, foreign objects and script links. A file that does not
 * parse as SVG is shown as an empty picture rather than guessed at.
 */
function sanitizeSvg(window: SectionWindow, purify: DOMPurify, markup: string): string {
  const doc = new window.DOMParser().parseFromString(markup, 'image/svg+xml');
  const root = doc.documentElement;
  if (doc.getElementsByTagName('parsererror').length > 0 || root.namespaceURI !== SVG_NAMESPACE || root.localName !== 'svg') return EMPTY_SVG;
  // Case-folded checks (text/html mode): SVG's camel-case names (viewBox, linearGradient) are listed in lower case.
  purify.sanitize(root, { ...SECTION_CONFIG, WHOLE_DOCUMENT: false, PARSER_MEDIA_TYPE: 'text/html' });
  return new window.XMLSerializer().serializeToString(doc);
}
