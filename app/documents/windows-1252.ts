/**
 * windows-1252 decoded by Lectern itself. The WHATWG Encoding standard maps "latin1",
 * "iso-8859-1" and "windows-1252" to this code page, but Node 20's TextDecoder reads all three as
 * ISO-8859-1, turning the curly quotes, dashes and euro sign of 0x80-0x9F into control
 * characters; the same file must read the same on every Node and in the browser.
 */

/** Code points of bytes 0x80-0x9F; the five bytes the code page leaves undefined stay C1 controls, as WHATWG says. */
const HIGH = [
  0x20ac, 0x81, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039, 0x152, 0x8d, 0x17d, 0x8f,
  0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x2dc, 0x2122, 0x161, 0x203a, 0x153, 0x9d, 0x17e, 0x178,
];

/** Decodes windows-1252 bytes: every byte is one character. */
export function decodeWindows1252(bytes: Uint8Array): string {
  const parts: string[] = [];
  // In slices, so String.fromCharCode never gets more arguments than an engine allows.
  for (let offset = 0; offset < bytes.length; offset += 8192) {
    const codes = Array.from(bytes.subarray(offset, offset + 8192), (byte) => (byte >= 0x80 && byte < 0xa0 ? (HIGH[byte - 0x80] ?? byte) : byte));
    parts.push(String.fromCharCode(...codes));
  }
  return parts.join('');
}

/** Something that decodes bytes and names its encoding, as TextDecoder does. */
export interface ByteDecoder {
  readonly encoding: string;
  decode(bytes: Uint8Array): string;
}

/**
 * A decoder for an encoding label ("utf-8", "latin1", "windows-1251"...), or undefined when the
 * label names no encoding; windows-1252 (and its aliases) is decoded by Lectern.
 */
export function decoderFor(label: string, options: TextDecoderOptions = {}): ByteDecoder | undefined {
  let decoder: TextDecoder;
  try {
    decoder = new TextDecoder(label.trim().toLowerCase(), options);
  } catch {
    return undefined;
  }
  return decoder.encoding === 'windows-1252' ? { encoding: 'windows-1252', decode: decodeWindows1252 } : decoder;
}
