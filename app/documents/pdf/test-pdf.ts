/**
 * A tiny PDF writer for tests and benchmarks: pages of Helvetica text at given positions, an
 * optional info dictionary, and pages with only a drawing (to stand in for a scan). The output is
 * a valid PDF 1.4 file with a correct cross-reference table, so pdf.js reads it without repair.
 */

/** One run of text drawn at (x, y) in PDF points, y counted up from the bottom of the page. */
export interface TestTextRun {
  x: number;
  y: number;
  text: string;
  /** Font size in points (default 10). */
  size?: number;
}

/** One page: its text runs, or, when `picture` is set, a filled rectangle and a tiny image. */
export interface TestPage {
  runs: TestTextRun[];
  picture?: boolean;
}

/** The file-level details a test may set. */
export interface TestPdfOptions {
  /** Entries of the info dictionary, such as Title and Author. */
  info?: Record<string, string>;
  /** Page size in points (default US Letter, 612 x 792). */
  width?: number;
  height?: number;
  /** Extra entries of the document catalog, written as given (e.g. "/PageLabels << ... >>"). */
  catalog?: string;
}

/** Writes a PDF holding `pages`, as bytes. Text is Latin-1 (WinAnsi) only. */
export function buildTestPdf(pages: readonly TestPage[], options: TestPdfOptions = {}): Uint8Array {
  const width = options.width ?? 612;
  const height = options.height ?? 792;
  const objects: string[] = [];
  const add = (body: string): number => objects.push(body);
  const catalog = add('');
  const pageTree = add('');
  const font = add('<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>');
  const pageRefs: number[] = [];
  for (const page of pages) {
    const content = page.picture ? pictureContent(width, height) : textContent(page.runs);
    const stream = add(`<< /Length ${content.length} >>\nstream\n${content}\nendstream`);
    pageRefs.push(
      add(`<< /Type /Page /Parent ${pageTree} 0 R /MediaBox [0 0 ${width} ${height}] /Resources << /Font << /F1 ${font} 0 R >> >> /Contents ${stream} 0 R >>`),
    );
  }
  objects[catalog - 1] = `<< /Type /Catalog /Pages ${pageTree} 0 R${options.catalog ? ` ${options.catalog}` : ''} >>`;
  objects[pageTree - 1] = `<< /Type /Pages /Kids [${pageRefs.map((r) => `${r} 0 R`).join(' ')}] /Count ${pageRefs.length} >>`;
  const info = options.info ? add(`<< ${Object.entries(options.info).map(([k, v]) => `/${k} (${escapeString(v)})`).join(' ')} >>`) : undefined;

  let out = '%PDF-1.4\n%\u00e2\u00e3\u00cf\u00d3\n';
  const offsets: number[] = [];
  objects.forEach((body, index) => {
    offsets.push(out.length);
    out += `${index + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const offset of offsets) out += `${String(offset).padStart(10, '0')} 00000 n \n`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root ${catalog} 0 R${info ? ` /Info ${info} 0 R` : ''} >>\nstartxref\n${xref}\n%%EOF\n`;
  return latin1Bytes(out);
}

function textContent(runs: readonly TestTextRun[]): string {
  return runs.map((run) => `BT /F1 ${run.size ?? 10} Tf ${run.x} ${run.y} Td (${escapeString(run.text)}) Tj ET`).join('\n');
}

function pictureContent(width: number, height: number): string {
  // A grey rectangle and a 1x1 inline image: marks on the page, but no text.
  return `0.5 g 36 36 ${width - 72} ${height - 72} re f\nq 100 0 0 100 72 72 cm BI /W 1 /H 1 /CS /G /BPC 8 ID \u0080 EI Q`;
}

function escapeString(text: string): string {
  return text.replace(/[\\()]/g, (c) => `\\${c}`);
}

function latin1Bytes(text: string): Uint8Array {
  const bytes = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i) & 0xff;
  return bytes;
}

/** Where and how `wrapText` sets a block of text. */
export interface TextFrame {
  x: number;
  /** Baseline of the first line. */
  top: number;
  /** Column width in points. */
  width: number;
  size?: number;
  /** Baseline-to-baseline distance (default 1.2 x size). */
  leading?: number;
  /** First-line indent in points. */
  indent?: number;
}

/**
 * Sets `words` as lines inside `frame`, breaking between words. Width is estimated at 0.5 em per character, Helvetica's average,
 * so runs stay inside the column without measuring glyphs.
 */
export function wrapText(words: readonly string[], frame: TextFrame): { runs: TestTextRun[]; bottom: number } {
  const size = frame.size ?? 10;
  const leading = frame.leading ?? size * 1.2;
  const indent = frame.indent ?? 0;
  const runs: TestTextRun[] = [];
  let line = '';
  let y = frame.top;
  const flush = () => {
    const x = frame.x + (runs.length === 0 ? indent : 0);
    runs.push({ x, y, text: line, size });
    y -= leading;
    line = '';
  };
  for (const word of words) {
    const room = (frame.width - (runs.length === 0 ? indent : 0)) / (size * 0.5);
    if (line !== '' && line.length + 1 + word.length > room) flush();
    line += (line === '' ? '' : ' ') + word;
  }
  if (line !== '') flush();
  return { runs, bottom: y + leading };
}
