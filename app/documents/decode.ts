/**
 * Turning the bytes of a text file into a string. Students bring files saved by every kind of
 * editor: UTF-8 with or without a byte-order mark, UTF-16 from Windows tools, and Russian
 * sources in windows-1251 or KOI8-R. Anything else that is not plausibly text is refused with a
 * message naming the file, so the student knows which one to fix.
 */
import type { Result } from './model';
import { isPlausibleCyrillic, scoreCyrillic } from './cyrillic';
import { looksLikeLatinText } from './latin';
import { decodeWindows1252 as windows1252 } from './windows-1252';

/** Encodings Lectern reports for text files. */
export type TextEncodingName = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1251' | 'koi8-r' | 'windows-1252';

/** A decoded text file. */
export interface DecodedText {
  text: string;
  encoding: TextEncodingName;
}

/** The file name as students see it in messages: in quotation marks. */
export function quoteFileName(fileName: string): string {
  return `“${fileName}”`;
}

/** Decodes the bytes of a text file, or explains why they are not readable text. */
export function decodeText(fileName: string, bytes: Uint8Array): Result<DecodedText> {
  const name = quoteFileName(fileName);
  if (bytes.length === 0) return { ok: false, error: `${name} is empty.` };
  const decoded = decodeBytes(bytes);
  if (!decoded) {
    return looksBinary(bytes)
      ? { ok: false, error: `${name} does not look like a text file (it contains binary data).` }
      : { ok: false, error: `${name} is not in a text encoding Lectern recognises. Save it as UTF-8 and import it again.` };
  }
  if (looksBinary(decoded.text)) {
    return { ok: false, error: `${name} does not look like a text file (it contains binary data).` };
  }
  if (decoded.text.trim() === '') return { ok: false, error: `${name} is empty.` };
  return { ok: true, value: decoded };
}

function decodeBytes(bytes: Uint8Array): DecodedText | undefined {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { text: decode('utf-8', bytes.subarray(3)), encoding: 'utf-8' };
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: decode('utf-16le', bytes.subarray(2)), encoding: 'utf-16le' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: decode('utf-16be', bytes.subarray(2)), encoding: 'utf-16be' };
  // Strict UTF-8 with no NUL had no zero byte, so it is neither UTF-16 nor binary: the byte
  // scans below would find nothing, and the engine's decoder has already read every byte.
  const plain = tryStrictUtf8(bytes);
  if (plain !== undefined && !plain.includes('\0')) return { text: plain, encoding: 'utf-8' };
  const utf16 = guessUtf16WithoutBom(bytes);
  if (utf16) return { text: decode(utf16, bytes), encoding: utf16 };
  // NUL bytes never occur in 8-bit text, so the code-page guesses below would only dress up binary.
  if (bytes.includes(0)) return undefined;
  if (plain !== undefined) return { text: plain, encoding: 'utf-8' };
  const stats = utf8Stats(bytes);
  // A UTF-8 file with a few damaged bytes is still UTF-8; reading it as a code page garbles every accent.
  if (stats.valid > 0 && stats.invalid * 4 <= stats.valid) return { text: decode('utf-8', bytes), encoding: 'utf-8' };
  return decodeCyrillic(bytes) ?? decodeWindows1252(bytes);
}

function decodeCyrillic(bytes: Uint8Array): DecodedText | undefined {
  const candidates = (['windows-1251', 'koi8-r'] as const).map((encoding) => {
    const text = decode(encoding, bytes);
    return { encoding, text, score: scoreCyrillic(text) };
  });
  const [first, second] = candidates;
  if (!first || !second) return undefined;
  const best = second.score.perLetter > first.score.perLetter ? second : first;
  if (!isPlausibleCyrillic(best.score)) return undefined;
  // Most bytes above 0x7F must have become Cyrillic letters, or this is some other 8-bit text.
  const high = bytes.reduce((n, b) => n + (b >= 0x80 ? 1 : 0), 0);
  if (best.score.letters < high * 0.8) return undefined;
  return { text: best.text, encoding: best.encoding };
}

function decodeWindows1252(bytes: Uint8Array): DecodedText | undefined {
  const text = windows1252(bytes);
  return looksLikeLatinText(text) ? { text, encoding: 'windows-1252' } : undefined;
}

function decode(encoding: string, bytes: Uint8Array): string {
  return new TextDecoder(encoding, { ignoreBOM: true }).decode(bytes);
}

function tryStrictUtf8(bytes: Uint8Array): string | undefined {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

/** Counts well-formed multi-byte UTF-8 sequences and stray bytes that fit none. */
function utf8Stats(bytes: Uint8Array): { valid: number; invalid: number } {
  let valid = 0;
  let invalid = 0;
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i] ?? 0;
    if (b < 0x80) {
      i += 1;
      continue;
    }
    const length = b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
    let ok = length > 0 && i + length <= bytes.length;
    for (let k = 1; ok && k < length; k++) ok = ((bytes[i + k] ?? 0) & 0xc0) === 0x80;
    if (ok) {
      valid += 1;
      i += length;
    } else {
      invalid += 1;
      i += 1;
    }
  }
  return { valid, invalid };
}

/**
 * UTF-16 saved without a byte-order mark shows as text with a NUL in every other byte; on which
 * side the NULs fall tells the byte order.
 */
function guessUtf16WithoutBom(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | undefined {
  if (bytes.length < 4 || bytes.length % 2 !== 0) return undefined;
  let evenNul = 0;
  let oddNul = 0;
  for (let i = 0; i < bytes.length; i += 2) {
    if (bytes[i] === 0) evenNul += 1;
    if (bytes[i + 1] === 0) oddNul += 1;
  }
  const units = bytes.length / 2;
  if (oddNul >= units * 0.6 && evenNul <= units * 0.05) return 'utf-16le';
  if (evenNul >= units * 0.6 && oddNul <= units * 0.05) return 'utf-16be';
  return undefined;
}

/** Control characters other than tab, line feed, form feed and carriage return: never part of text. */
export function isControlCode(code: number): boolean {
  return (code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0c && code !== 0x0d) || code === 0x7f;
}

/** A character isControlCode accepts (NUL included): one engine search finds none in most texts. */
// eslint-disable-next-line no-control-regex -- control characters are what it looks for
const CONTROL_CHAR = /[\x00-\x08\x0b\x0e-\x1f\x7f]/;

/** True for NUL characters or more than 1% control characters: binary data, not text. */
export function looksBinary(data: string | Uint8Array): boolean {
  if (typeof data === 'string' && !CONTROL_CHAR.test(data)) return false;
  let controls = 0;
  for (let i = 0; i < data.length; i++) {
    const code = typeof data === 'string' ? data.charCodeAt(i) : (data[i] ?? 0);
    if (code === 0) return true;
    if (isControlCode(code)) controls += 1;
  }
  return controls > data.length * 0.01;
}
