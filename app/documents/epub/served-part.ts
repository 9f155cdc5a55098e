/**
 * What a book's part may become in the page view. foliate-js turns every part it loads into a
 * blob: URL of the part's declared type, and a chapter frame shows whatever that URL holds; so
 * every type a browser would run as a document (XHTML, HTML, SVG) passes DOMPurify first, and a
 * part of any type not known to be inert is served as plain text.
 */
import type { SectionSanitizer } from '../html/sanitize';

/** Parts shown as documents: sanitized as the type they are. */
const MARKUP = new Set(['application/xhtml+xml', 'text/html', 'image/svg+xml']);

/** Parts no browser runs: stylesheets, raster pictures, fonts. */
const INERT = /^(?:text\/css|image\/(?:png|jpeg|jpg|gif|webp|avif|bmp)|font\/[\w.+-]+|application\/(?:font-[\w.+-]+|x-font-[\w.+-]+|vnd\.ms-opentype))$/;

/** A part's data and type as they will be served. */
export interface ServedPart {
  data: string | Blob;
  type: string;
}

/** The declared type without parameters, in lower case: "Text/HTML; charset=utf-8" → "text/html". */
export function baseType(type: string): string {
  return (type.split(';')[0] ?? '').trim().toLowerCase();
}

/** Sanitizes markup (text or Blob) as its type, passes inert parts through, serves anything else as plain text. */
export async function servePart(data: string | Blob, type: string, sanitize: SectionSanitizer): Promise<ServedPart> {
  const base = baseType(type);
  if (MARKUP.has(base)) {
    const markup = typeof data === 'string' ? data : await data.text();
    return { data: sanitize(markup, base), type: base };
  }
  if (INERT.test(base)) return { data, type: base };
  return { data, type: 'text/plain' };
}
