/**
 * Which link targets survive import. A link mark is only ever http(s) or mailto: javascript:,
 * data:, vbscript:, file: and every other scheme are dropped, so a click in the reader can do no
 * more than open a web page or a mail client (and the main process checks that again).
 */

const SAFE_SCHEMES = new Set(['http:', 'https:', 'mailto:']);

/**
 * The absolute URL a link should carry, or undefined when it must not become a link. Relative
 * hrefs resolve against `base` (the page's own http(s) address, when it states one).
 */
export function safeHref(raw: string, base?: string): string | undefined {
  // Browsers drop tabs and newlines anywhere in a URL ("java\tscript:") and control characters at its ends: so must we.
  // eslint-disable-next-line no-control-regex
  const href = raw.replace(/[\t\n\r]/g, '').replace(/^[\u0000-\u0020]+|[\u0000-\u0020]+$/g, '');
  if (href === '' || href.startsWith('#')) return undefined;
  let url: URL;
  try {
    url = base ? new URL(href, base) : new URL(href);
  } catch {
    return undefined;
  }
  return SAFE_SCHEMES.has(url.protocol) ? url.href : undefined;
}

/** A page address usable as a base for relative links: http(s) only. */
export function httpBase(raw: string | undefined): string | undefined {
  if (!raw) return undefined;
  try {
    const url = new URL(raw.trim());
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}
