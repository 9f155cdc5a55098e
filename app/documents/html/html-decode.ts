/**
 * Turning the bytes of a web page into a string. A page says its own encoding (a byte-order mark,
 * <meta charset>, the http-equiv Content-Type, or an XML declaration for XHTML); when it says
 * nothing, the text-file heuristics guess (UTF-8, then Cyrillic code pages, then windows-1252).
 * Undecodable bytes become U+FFFD: a page with a few broken bytes still opens.
 */
import { decodeText } from '../decode';
import { decodeWindows1252, decoderFor } from '../windows-1252';

/** A decoded page and the encoding it was read as (a WHATWG encoding name). */
export interface DecodedHtml {
  text: string;
  encoding: string;
}

/** How far into the file a charset declaration is looked for (the HTML standard says 1024). */
const PRESCAN_BYTES = 4096;

/** Decodes an HTML or XHTML file, honouring the encoding it declares. Never throws. */
export function decodeHtml(fileName: string, bytes: Uint8Array): DecodedHtml {
  const bom = bomEncoding(bytes);
  if (bom) return { text: new TextDecoder(bom.encoding).decode(bytes.subarray(bom.length)), encoding: bom.encoding };
  const declared = declaredCharset(bytes);
  if (declared) {
    // The standard reads a UTF-16 declaration in an ASCII-compatible file as UTF-8.
    const decoder = decoderFor(/^utf-16/i.test(declared) ? 'utf-8' : declared);
    const text = decoder?.decode(bytes);
    // A page that claims UTF-8 but is mostly not (an old page re-served) reads better through the guesses.
    if (decoder && text !== undefined && (decoder.encoding !== 'utf-8' || mostlyUtf8(text))) {
      return { text, encoding: decoder.encoding };
    }
  }
  const guessed = decodeText(fileName, bytes);
  if (guessed.ok) return guessed.value;
  return { text: new TextDecoder('utf-8').decode(bytes), encoding: 'utf-8' };
}

function bomEncoding(bytes: Uint8Array): { encoding: string; length: number } | undefined {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { encoding: 'utf-8', length: 3 };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: 'utf-16le', length: 2 };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: 'utf-16be', length: 2 };
  return undefined;
}

/** The charset named by a <meta> tag or an XML declaration near the top of the file. */
export function declaredCharset(bytes: Uint8Array): string | undefined {
  const head = decodeWindows1252(bytes.subarray(0, PRESCAN_BYTES));
  const xml = /^\s*<\?xml[^>]*\bencoding\s*=\s*["']([\w.:-]+)["']/i.exec(head);
  if (xml?.[1]) return xml[1];
  for (const tag of head.match(/<meta\b[^>]*>/gi) ?? []) {
    const charset = /\bcharset\s*=\s*["']?\s*([\w.:-]+)/i.exec(tag);
    if (charset?.[1]) return charset[1];
  }
  return undefined;
}

/** More well-formed non-ASCII characters than U+FFFD replacements: UTF-8 with a few damaged bytes. */
function mostlyUtf8(text: string): boolean {
  let valid = 0;
  let invalid = 0;
  for (const ch of text) {
    if (ch === '\ufffd') invalid += 1;
    else if (ch > '\u007f') valid += 1;
  }
  return invalid === 0 || valid > invalid;
}
