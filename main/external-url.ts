/** Which links Lectern hands to the operating system, and how it decides. */

/** Schemes the system browser or mail client may open; file:, javascript:, data: never are. */
export const EXTERNAL_PROTOCOLS: readonly string[] = ['http:', 'https:', 'mailto:'];

/**
 * Parses `raw` and returns the normalized URL when it may be opened outside Lectern, or an
 * error message saying why not. Parsing first means "JavaScript:" or " file:" tricks are
 * judged by the protocol the browser would actually use.
 */
export function checkExternalUrl(raw: string): { ok: true; value: string } | { ok: false; error: string } {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return { ok: false, error: 'This link is not a valid web address, so Lectern did not open it.' };
  }
  if (!EXTERNAL_PROTOCOLS.includes(url.protocol)) {
    return {
      ok: false,
      error: `Lectern only opens web (http, https) and email (mailto) links; "${url.protocol}" links are blocked.`,
    };
  }
  return { ok: true, value: url.href };
}
