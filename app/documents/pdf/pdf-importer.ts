/**
 * The PDF format: text rebuilt from pdf.js's positioned text, metadata from the info dictionary
 * or the first page. Damaged, password-protected and text-less files come back as messages the
 * student can act on; nothing throws.
 */
import type { BlockDraft } from '../assemble';
import type { FormatImporter, FormatReading } from '../format-importer';
import type { Result } from '../model';
import { extractText, PageOrderError, PdfLimitError, readPageLines, type PageBudget, type PageLines } from './extract';
import { buildPageMaps } from './item-offsets';
import { statedFromFirstPage, statedFromInfo, type PdfInfo } from './metadata';
import { streamDecryptor } from './pdf-crypt';
import { DEFAULT_PDF_LIMITS, realClock, type Clock, type PdfLimits } from './pdf-limits';
import { balancePageTree } from './pdf-page-tree';
import { scanStreams } from './pdf-stream-scan';
import { byteString } from './pdf-syntax';
import { sanitizePageLabels } from '../page-labels';
import { openPdf } from './pdfjs';

/** How far from the end pdf.js itself looks for the end of a PDF. */
const TAIL = 1024;

/** Messages for files Lectern cannot read, each naming the file. */
export const pdfErrors = {
  notPdf: (name: string) => `${name} is not a PDF, although its name ends in .pdf. Check that it is the file you meant to import.`,
  damaged: (name: string) =>
    `${name} is damaged or incomplete, so Lectern cannot read its pages. If you downloaded it, download it again; otherwise open it in a PDF viewer and save a new copy.`,
  password: (name: string) =>
    `${name} is protected by a password. Open it in a PDF viewer, save a copy without the password, and import that copy.`,
  noText: (name: string) =>
    `${name} has no text layer (it looks scanned), so there is nothing to read or cite yet. Run it through text recognition (OCR) in a PDF tool and import the result.`,
};

/** Messages for files Lectern reads no further, because they pass a limit. */
export const pdfLimitErrors = {
  unpacksTooLarge: (name: string, limits: PdfLimits) =>
    `${name} is too large when unpacked (possible decompression bomb): Lectern reads at most ${mb(limits.maxDecodedBytes)} of compressed contents from one PDF, and ${mb(limits.maxStreamBytes)} for any one part. If the file is genuine, save a smaller copy from a PDF tool (or split it) and import that.`,
  tooSlow: (name: string, limits: PdfLimits) =>
    `${name} took more than ${minutes(limits.maxSeconds)} to read, so Lectern stopped. If the file is genuine, split it into smaller PDFs and import those.`,
  tooManyPages: (name: string, pages: number, limits: PdfLimits) =>
    `${name} has ${pages.toLocaleString('en')} pages; Lectern imports PDFs of at most ${limits.maxPages.toLocaleString('en')} pages. Split it into smaller PDFs and import those.`,
  tooMuchText: (name: string, limits: PdfLimits) =>
    `${name} holds more than ${(limits.maxTextChars / 1_000_000).toLocaleString('en')} million characters of text, more than Lectern imports from one PDF. Split it into smaller PDFs and import those.`,
};

function mb(bytes: number): string {
  return `${Math.round(bytes / (1024 * 1024))} MB`;
}

function minutes(seconds: number): string {
  return seconds >= 120 ? `${Math.round(seconds / 60)} minutes` : `${seconds} seconds`;
}

/** PDF: text, reading order and paragraphs rebuilt from the page layout. */
export const pdfImporter: FormatImporter = {
  format: 'pdf',
  extensions: ['.pdf'],
  read: (fileName, name, bytes) => readPdf(fileName, name, bytes),
};

/** Reads a PDF within `limits`; `now` is the clock the time limit is measured on. */
export async function readPdf(fileName: string, name: string, bytes: Uint8Array, limits: PdfLimits = DEFAULT_PDF_LIMITS, now: Clock = realClock): Promise<Result<FormatReading>> {
  if (!hasPdfHeader(bytes)) return { ok: false, error: pdfErrors.notPdf(name) };
  const deadline = now() + limits.maxSeconds * 1000;
  const src = byteString(bytes);
  const decrypt = await streamDecryptor(src);
  const scan = await scanStreams(src, bytes, limits, deadline, now, decrypt);
  if (!scan.ok) return { ok: false, error: scan.problem === 'too-large' ? pdfLimitErrors.unpacksTooLarge(name, limits) : pdfLimitErrors.tooSlow(name, limits) };
  const balanced = balancePageTree(bytes, src, scan.objects);
  let read: PdfPages | Result<never> | undefined;
  if (balanced) read = await readPages(balanced.bytes, name, limits, { deadline, now, maxTextChars: limits.maxTextChars, expected: balanced.pages });
  // A balanced tree whose pages pdf.js reads differently is dropped: the file is read as it came.
  read ??= await readPages(bytes, name, limits, { deadline, now, maxTextChars: limits.maxTextChars });
  if (read === undefined || 'ok' in read) return read ?? { ok: false, error: pdfErrors.damaged(name) };
  const { drafts, lines, body } = extractText(read.pages);
  if (drafts.length === 0) return { ok: false, error: hasPdfEnd(bytes) ? pdfErrors.noText(name) : pdfErrors.damaged(name) };
  const fromInfo = statedFromInfo(read.info, fileName);
  const fromPage = statedFromFirstPage(lines, body.size);
  const stated = fromInfo.title ? fromInfo : { ...fromPage.stated, ...fromInfo };
  const reading: FormatReading = { drafts: demoteBylines(drafts, fromPage.authorLines, lines[0]?.page), stated };
  const items = read.items;
  reading.pageItems = (text) => buildPageMaps(text, lines, items);
  if (read.labels) reading.pageLabels = read.labels;
  // pdf.js rebuilds a cut-off file from what is left; say so rather than refuse what was read.
  if (!hasPdfEnd(bytes)) reading.warning = `${name} looks incomplete (it does not end the way a PDF should); some pages or text may be missing.`;
  return { ok: true, value: reading };
}

/**
 * The page maps of a PDF imported before they were kept: the file is read again by the same code
 * and its items walked against `text`, the canonical text stored at its import.
 */
export async function pageItemsOf(bytes: Uint8Array, text: string): Promise<Result<number[][]>> {
  const map = await pageMapOf(bytes, text);
  return map.ok ? { ok: true, value: map.value.pages } : map;
}

/** pageItemsOf with the printed page labels read on the way (null when the PDF states none). */
export async function pageMapOf(bytes: Uint8Array, text: string): Promise<Result<{ pages: number[][]; labels: string[] | null }>> {
  const reading = await readPdf('document.pdf', 'This PDF', bytes);
  if (!reading.ok) return reading;
  if (!reading.value.pageItems) return { ok: false, error: 'This PDF has no text items.' };
  return { ok: true, value: { pages: reading.value.pageItems(text), labels: reading.value.pageLabels ?? null } };
}

/**
 * The printed page labels of a PDF imported before labels were read: null when it states none
 * or cannot be opened (its pages are then cited by number, as before).
 */
export async function pageLabelsOf(bytes: Uint8Array): Promise<string[] | null> {
  const opened = await openPdf(bytes);
  if (!opened.ok) return null;
  try {
    return sanitizePageLabels(await opened.pdf.getPageLabels(), opened.pdf.numPages);
  } catch {
    return null;
  } finally {
    await opened.pdf.destroy();
  }
}

/** Every page's lines and text items, the info dictionary and the printed page labels. */
interface PdfPages extends PageLines {
  info: PdfInfo;
  /** One per page, or null when the PDF states none (see page-labels.ts). */
  labels: string[] | null;
}

/** The pages and info, a refusal, or undefined when the pages are not those `budget.expected` lists. */
async function readPages(bytes: Uint8Array, name: string, limits: PdfLimits, budget: PageBudget): Promise<PdfPages | Result<never> | undefined> {
  const opened = await openPdf(bytes);
  if (!opened.ok) return { ok: false, error: opened.failure === 'password' ? pdfErrors.password(name) : pdfErrors.damaged(name) };
  const { pdf } = opened;
  try {
    if (pdf.numPages > limits.maxPages) return { ok: false, error: pdfLimitErrors.tooManyPages(name, pdf.numPages, limits) };
    const { pages, items } = await readPageLines(pdf, budget);
    const info = await pdf.getMetadata().then(
      (metadata) => metadata.info as PdfInfo,
      () => ({}),
    );
    // A broken /PageLabels tree costs the labels, never the import.
    const labels = await pdf.getPageLabels().then(
      (raw) => sanitizePageLabels(raw, pdf.numPages),
      () => null,
    );
    return { pages, items, info, labels };
  } catch (error) {
    if (error instanceof PageOrderError) return undefined;
    if (error instanceof PdfLimitError) return { ok: false, error: error.limit === 'time' ? pdfLimitErrors.tooSlow(name, limits) : pdfLimitErrors.tooMuchText(name, limits) };
    return { ok: false, error: pdfErrors.damaged(name) };
  } finally {
    await pdf.destroy();
  }
}

/** Author lines set larger than the body are not headings. */
function demoteBylines(drafts: BlockDraft[], authorLines: readonly string[], firstPage: number | undefined): BlockDraft[] {
  if (authorLines.length === 0) return drafts;
  const names = new Set(authorLines);
  return drafts.map((draft) => {
    if (draft.page !== firstPage || draft.kind !== 'heading' || !names.has(draft.text)) return draft;
    const { level: _level, ...rest } = draft;
    return { ...rest, kind: 'paragraph' };
  });
}

function hasPdfHeader(bytes: Uint8Array): boolean {
  return latin1(bytes.subarray(0, TAIL)).includes('%PDF-');
}

function hasPdfEnd(bytes: Uint8Array): boolean {
  return latin1(bytes.subarray(Math.max(0, bytes.length - TAIL))).includes('%%EOF');
}

function latin1(bytes: Uint8Array): string {
  let text = '';
  for (const byte of bytes) text += String.fromCharCode(byte);
  return text;
}
