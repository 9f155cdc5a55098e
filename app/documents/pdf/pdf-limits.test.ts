// The bounds of a PDF import: decoded bytes (streams measured before pdf.js opens the file),
// pages, text and time. Time is tested with a clock the test moves, never by waiting. Encrypted
// files are made by qpdf (Debian package `qpdf`).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { zlibSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { importFile } from '../import';
import { DEFAULT_PDF_LIMITS, type PdfLimits } from './pdf-limits';
import { readPdf } from './pdf-importer';
import { buildRawPdf, lzwZeros, pageObject, pdfFrame, textContent, zlibZeros, type RawObject } from './raw-pdf';
import { buildTestPdf, type TestPage } from './test-pdf';

const BOMB = /^“bomb\.pdf” is too large when unpacked \(possible decompression bomb\): Lectern reads at most 512 MB of compressed contents from one PDF, and 64 MB for any one part\./;

/** One page whose contents are a line of text and then `extra`. */
function pageWith(extra: RawObject): Uint8Array {
  return buildRawPdf([...pdfFrame([4]), pageObject([5, 6]), { body: '<< >>', stream: textContent('Hello from the first line') }, extra]);
}

async function errorOf(bytes: Uint8Array, fileName = 'bomb.pdf'): Promise<string> {
  const result = await importFile(fileName, bytes);
  if (result.ok) throw new Error('expected a refusal');
  return result.error;
}

describe('PDF import limits', () => {
  it('refuses a content stream that inflates to 1 GB before pdf.js reads it', async () => {
    expect(await errorOf(pageWith({ body: '<< /Filter /FlateDecode >>', stream: zlibZeros(1024) }))).toMatch(BOMB);
  });

  it('finds the bomb however its filter is written: abbreviated, escaped, in an array, behind a reference, or under /F as pdf.js also reads it', async () => {
    const zeros = zlibZeros(100);
    const variants: RawObject[][] = [
      [{ body: '<< /Filter /Fl >>', stream: zeros }],
      [{ body: '<< /Filter /Flat#65Decode >>', stream: zeros }],
      [{ body: '<< /Filter [/FlateDecode] >>', stream: zeros }],
      [{ body: '<< /Filter 7 0 R >>', stream: zeros }, { body: '/FlateDecode' }],
      [{ body: '<< /F /FlateDecode >>', stream: zeros }],
    ];
    for (const [stream, ...rest] of variants) {
      const bytes = buildRawPdf([...pdfFrame([4]), pageObject([5, 6]), { body: '<< >>', stream: textContent('Hello') }, stream!, ...rest]);
      expect(await errorOf(bytes)).toMatch(BOMB);
    }
  });

  it('measures chained filters (Flate of Flate, ASCIIHex of Flate) and LZW and RunLength bombs', async () => {
    const inner = zlibZeros(80);
    const twice = zlibSync(inner);
    expect(await errorOf(pageWith({ body: '<< /Filter [/FlateDecode /FlateDecode] >>', stream: twice }))).toMatch(BOMB);
    const hex = new TextEncoder().encode([...inner].map((b) => b.toString(16).padStart(2, '0')).join('') + '>');
    expect(await errorOf(pageWith({ body: '<< /Filter [/ASCIIHexDecode /FlateDecode] >>', stream: hex }))).toMatch(BOMB);
    // RunLength: 2 bytes make 128 zeros; 1.2 MB of them make 76 MB.
    const runs = new Uint8Array(1_200_000);
    for (let i = 0; i < runs.length; i += 2) runs[i] = 129;
    expect(await errorOf(pageWith({ body: '<< /Filter /RunLengthDecode >>', stream: runs }))).toMatch(BOMB);
    expect(await errorOf(pageWith({ body: '<< /Filter /LZWDecode >>', stream: lzwZeros(70) }))).toMatch(BOMB);
  });

  it('refuses a picture that inflates beyond the size it declares, which could be read as page contents', async () => {
    const disguised = { body: '<< /Type /XObject /Subtype /Image /Width 10 /Height 10 /BitsPerComponent 8 /Filter /FlateDecode >>', stream: zlibZeros(20) };
    expect(await errorOf(pageWith(disguised))).toMatch(/^“bomb\.pdf” is too large when unpacked/);
  });

  it('finds a bomb hidden inside the data of another stream, where only the cross-reference table points', async () => {
    const bomb = Uint8Array.from([...new TextEncoder().encode('9 0 obj\n<< /Filter /FlateDecode >>\nstream\n'), ...zlibZeros(100), ...new TextEncoder().encode('\nendstream\nendobj\n')]);
    expect(await errorOf(pageWith({ body: '<< /Subtype /Whatever >>', stream: bomb }))).toMatch(BOMB);
  });

  it('decrypts the streams of a file that opens without a password before measuring them (RC4, AES-128, AES-256)', async () => {
    const bomb = pageWith({ body: '<< /Filter /FlateDecode >>', stream: zlibZeros(100) });
    const compressed = zlibSync(new TextEncoder().encode('BT /F1 12 Tf 72 600 Td (A compressed line) Tj ET'));
    const normal = pageWith({ body: '<< /Filter /FlateDecode >>', stream: compressed });
    for (const args of [
      ['--allow-weak-crypto', '--encrypt', '', 'owner', '40', '--'],
      ['--allow-weak-crypto', '--encrypt', '', 'owner', '128', '--use-aes=n', '--'],
      ['--encrypt', '', 'owner', '128', '--use-aes=y', '--'],
      ['--encrypt', '', 'owner', '256', '--', '--object-streams=generate'],
    ]) {
      expect(await errorOf(qpdf(bomb, args))).toMatch(BOMB);
      const read = await importFile('locked.pdf', qpdf(normal, args));
      expect(read.ok && read.value.text).toContain('A compressed line');
    }
  });

  it('imports a PDF whose streams are compressed ordinarily', async () => {
    const text = Array.from({ length: 40 }, (_, i) => `BT /F1 10 Tf 72 ${700 - i * 12} Td (Line ${i} of a compressed page of ordinary words.) Tj ET`).join('\n');
    const bytes = pageWith({ body: '<< /Filter /FlateDecode >>', stream: zlibSync(new TextEncoder().encode(text)) });
    const result = await importFile('fine.pdf', bytes);
    expect(result.ok && result.value.text).toContain('Line 39 of a compressed page');
  });

  it('refuses more pages than the limit, and stops at the time and text limits', async () => {
    const pages: TestPage[] = Array.from({ length: 3 }, (_, i) => ({ runs: [{ x: 72, y: 700, text: `Page ${i + 1} has a line of text.` }] }));
    const bytes = buildTestPdf(pages);
    const limits = (changes: Partial<PdfLimits>): PdfLimits => ({ ...DEFAULT_PDF_LIMITS, ...changes });
    expect(await readPdf('three.pdf', '“three.pdf”', bytes, limits({ maxPages: 2 }))).toEqual({
      ok: false,
      error: '“three.pdf” has 3 pages; Lectern imports PDFs of at most 2 pages. Split it into smaller PDFs and import those.',
    });
    expect(await readPdf('three.pdf', '“three.pdf”', bytes, limits({ maxTextChars: 40 }))).toMatchObject({ ok: false, error: expect.stringMatching(/^“three\.pdf” holds more than/) as unknown });
    // A clock that jumps an hour every time it is read: the deadline has passed before the first page.
    let hour = 0;
    const clock = () => (hour += 3_600_000);
    expect(await readPdf('three.pdf', '“three.pdf”', bytes, limits({ maxSeconds: 600 }), clock)).toEqual({
      ok: false,
      error: '“three.pdf” took more than 10 minutes to read, so Lectern stopped. If the file is genuine, split it into smaller PDFs and import those.',
    });
  });
});

function qpdf(bytes: Uint8Array, args: string[]): Uint8Array {
  const dir = mkdtempSync(join(tmpdir(), 'lectern-pdf-'));
  writeFileSync(join(dir, 'in.pdf'), bytes);
  execFileSync('qpdf', [...args, join(dir, 'in.pdf'), join(dir, 'out.pdf')], { stdio: 'pipe' });
  return new Uint8Array(readFileSync(join(dir, 'out.pdf')));
}
