// Broken and hostile PDFs: each comes back as a message naming the file, never as a throw.
// The encrypted files are made by qpdf (Debian package `qpdf`).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importFile } from '../import';
import { buildTestPdf, wrapText, type TestPage } from './test-pdf';

const textPage = (n: number): TestPage => ({
  runs: wrapText(`Page ${n} holds a paragraph of ordinary words for the reader to import.`.split(' '), { x: 72, top: 700, width: 400 }).runs,
});
const threePages = buildTestPdf([textPage(1), textPage(2), textPage(3)]);

function encrypt(bytes: Uint8Array, userPassword: string): Uint8Array {
  const dir = mkdtempSync(join(tmpdir(), 'lectern-pdf-'));
  writeFileSync(join(dir, 'in.pdf'), bytes);
  execFileSync('qpdf', ['--encrypt', userPassword, 'owner-secret', '256', '--', join(dir, 'in.pdf'), join(dir, 'out.pdf')]);
  return new Uint8Array(readFileSync(join(dir, 'out.pdf')));
}

async function errorOf(fileName: string, bytes: Uint8Array): Promise<string> {
  const result = await importFile(fileName, bytes);
  if (result.ok) throw new Error(`expected ${fileName} to be refused`);
  return result.error;
}

describe('PDF import: broken and hostile files', () => {
  it('refuses a truncated PDF as damaged or incomplete', async () => {
    const cut = threePages.slice(0, Math.floor(threePages.length / 2));
    expect(await errorOf('x.pdf', cut)).toMatch(/^“x\.pdf” is damaged or incomplete/);
  });

  it('refuses a PDF whose cross-reference table is garbage', async () => {
    const text = new TextDecoder('latin1').decode(threePages).replace(/startxref\n\d+/, 'startxref\n999999').replace(/obj/g, 'jbo');
    const bytes = Uint8Array.from(text, (c) => c.charCodeAt(0));
    expect(await errorOf('x.pdf', bytes)).toMatch(/^“x\.pdf” is damaged or incomplete/);
  });

  it('refuses a file that is not a PDF at all', async () => {
    expect(await errorOf('notes.pdf', new TextEncoder().encode('just some notes, saved with the wrong name'))).toMatch(/^“notes\.pdf” is not a PDF/);
  });

  it('asks for a copy without the password when the PDF has a user password', async () => {
    expect(await errorOf('x.pdf', encrypt(threePages, 'reader-secret'))).toMatch(/^“x\.pdf” is protected by a password/);
  });

  it('reads a PDF encrypted with only an owner password (it opens without one)', async () => {
    const result = await importFile('x.pdf', encrypt(threePages, ''));
    expect(result.ok && result.value.text).toContain('Page 3 holds a paragraph');
  });

  it('refuses a PDF with no text layer and says it looks scanned', async () => {
    const scanned = buildTestPdf([{ runs: [], picture: true }, { runs: [], picture: true }]);
    expect(await errorOf('scan.pdf', scanned)).toMatch(/^“scan\.pdf” has no text layer \(it looks scanned\)/);
    expect(await errorOf('blank.pdf', buildTestPdf([{ runs: [] }]))).toMatch(/^“blank\.pdf” has no text layer/);
  });

  it('imports what is left of a PDF cut after its last page, with a warning', async () => {
    const end = new TextDecoder('latin1').decode(threePages).lastIndexOf('xref');
    const result = await importFile('x.pdf', threePages.slice(0, end));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.text).toContain('Page 3 holds');
    expect(result.value.warning).toMatch(/^“x\.pdf” looks incomplete/);
  });
});
