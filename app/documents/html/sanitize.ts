/**
 * DOMPurify is the gate every imported web page passes before Lectern reads its content. It
 * needs a real DOM: the browser's window in the renderer, jsdom in Node (sanitize-node.ts). A DOM
 * that only looks like one (linkedom, a stub) makes DOMPurify return its input untouched without
 * a word, so a sanitizer is only handed out after it has been seen to remove a known attack.
 */
import createDOMPurify, { type Config, type WindowLike } from 'dompurify';

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

/** A DOMPurify instance over `window`, refused when it cannot sanitize there. */
export function createHtmlSanitizer(window: WindowLike): (html: string) => string {
  const purify = createDOMPurify(window);
  if (!purify.isSupported) throw new Error('HTML cannot be sanitized here: DOMPurify does not support this DOM');
  purify.addHook('uponSanitizeElement', (node, data) => {
    // Emptied before DOMPurify removes the element, which would otherwise keep its content.
    if (DROP_WITH_CONTENT.has(data.tagName)) while (node.firstChild) node.removeChild(node.firstChild);
  });
  const probe = purify.sanitize(PROBE);
  if (/javascript:|<script|<iframe/i.test(probe) || !probe.includes('<p')) {
    throw new Error('HTML cannot be sanitized here: DOMPurify left an attack in place on this DOM');
  }
  return (html) => purify.sanitize(html, { ...CONFIG, RETURN_DOM: false, RETURN_DOM_FRAGMENT: false });
}
