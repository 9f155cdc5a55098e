/**
 * The PDF format: text rebuilt from pdf.js's positioned text, metadata from the info dictionary
 * or the first page. Damaged, password-protected and text-less files come back as messages the
 * student can act on; nothing throws.
 */
import type { BlockDraft } from '../assemble';
import type { FormatImporter, FormatReading } from '../format-importer';
import type { Result } from '../model';
import { extractText, readPageLines } from './extract';
import { statedFromFirstPage, statedFromInfo, type PdfInfo } from './metadata';
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

/** PDF: text, reading order and paragraphs rebuilt from the page layout. */
export const pdfImporter: FormatImporter = {
  format: 'pdf',
  extensions: ['.pdf'],
  read: readPdf,
};

async function readPdf(fileName: string, name: string, bytes: Uint8Array): Promise<Result<FormatReading>> {
  if (!hasPdfHeader(bytes)) return { ok: false, error: pdfErrors.notPdf(name) };
  const opened = await openPdf(bytes);
  if (!opened.ok) return { ok: false, error: opened.failure === 'password' ? pdfErrors.password(name) : pdfErrors.damaged(name) };
  const { pdf } = opened;
  try {
    let pages;
    try {
      pages = await readPageLines(pdf);
    } catch {
      return { ok: false, error: pdfErrors.damaged(name) };
    }
    const { drafts, lines, body } = extractText(pages);
    if (drafts.length === 0) return { ok: false, error: hasPdfEnd(bytes) ? pdfErrors.noText(name) : pdfErrors.damaged(name) };
    const info = await pdf.getMetadata().then(
      (metadata) => metadata.info as PdfInfo,
      () => ({}),
    );
    const fromInfo = statedFromInfo(info, fileName);
    const fromPage = statedFromFirstPage(lines, body.size);
    const stated = fromInfo.title ? fromInfo : { ...fromPage.stated, ...fromInfo };
    const reading: FormatReading = { drafts: demoteBylines(drafts, fromPage.authorLines, lines[0]?.page), stated };
    // pdf.js rebuilds a cut-off file from what is left; say so rather than refuse what was read.
    if (!hasPdfEnd(bytes)) reading.warning = `${name} looks incomplete (it does not end the way a PDF should); some pages or text may be missing.`;
    return { ok: true, value: reading };
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
