/**
 * The Node side of sanitizing: DOMPurify over a jsdom window, for `lectern read` and the tests.
 * Never imported by the renderer, which sanitizes with the browser's own DOM. jsdom is loaded on
 * the first web page only, so commands on other formats do not pay for it.
 */
import { createHtmlSanitizer, type ImportContext } from './sanitize';

let sanitizer: Promise<(html: string) => string> | undefined;

async function makeSanitizer(): Promise<(html: string) => string> {
  const { JSDOM } = await import('jsdom');
  return createHtmlSanitizer(new JSDOM('').window);
}

/** The import context of Node: one jsdom window, made on first use. */
export function nodeImportContext(): ImportContext {
  return {
    sanitizeHtml: async (html) => {
      sanitizer ??= makeSanitizer();
      return (await sanitizer)(html);
    },
  };
}
