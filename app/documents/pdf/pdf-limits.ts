/**
 * Where Lectern stops reading a PDF. pdf.js inflates a stream whole into memory as soon as a page
 * needs it, so a 1 MB file whose page inflates to 1 GB would take gigabytes; the streams are
 * therefore measured before pdf.js sees the file (pdf-stream-scan.ts), and the pages, the text
 * and the time an import takes are bounded while it runs.
 */

/** The bounds of one PDF import. */
export interface PdfLimits {
  /** Decoded bytes of every stream a text import may read (contents, fonts, object streams...), in all. */
  maxDecodedBytes: number;
  /** Decoded bytes of any one such stream. */
  maxStreamBytes: number;
  /** Decoded bytes of one picture, which must also stay within the size its dictionary declares. */
  maxImageBytes: number;
  maxPages: number;
  /** Characters of text in all. */
  maxTextChars: number;
  /** Seconds for the whole import; checked between streams and between pages. */
  maxSeconds: number;
}

/**
 * Far above any real paper or book (a 1,000-page book holds a few MB of streams and ~3 million
 * characters), far below what would exhaust a worker's memory.
 */
export const DEFAULT_PDF_LIMITS: PdfLimits = {
  maxDecodedBytes: 512 * 1024 * 1024,
  maxStreamBytes: 64 * 1024 * 1024,
  maxImageBytes: 256 * 1024 * 1024,
  maxPages: 100_000,
  maxTextChars: 100_000_000,
  maxSeconds: 600,
};

/** A clock, so tests can make time pass. */
export type Clock = () => number;

/** Milliseconds since some fixed point. */
export const realClock: Clock = () => performance.now();
