import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importFile } from '../import';
import { DEFAULT_PDF_LIMITS, realClock } from './pdf-limits';
import { PdfObjects } from './pdf-objects';
import { balancePageTree } from './pdf-page-tree';
import { scanStreams } from './pdf-stream-scan';
import { byteString } from './pdf-syntax';
import { openPdf } from './pdfjs';
import { buildTestPdf, type TestPage } from './test-pdf';

const pages = (count: number): TestPage[] => Array.from({ length: count }, (_, i) => ({ runs: [{ x: 72, y: 700, text: `Page ${i + 1} ends here.`, size: 10 }] }));

/** Rewrites a file with qpdf (Debian package `qpdf`): object streams and a cross-reference stream. */
function withObjectStreams(bytes: Uint8Array): Uint8Array {
  const dir = mkdtempSync(join(tmpdir(), 'lectern-tree-'));
  writeFileSync(join(dir, 'in.pdf'), bytes);
  execFileSync('qpdf', ['--object-streams=generate', join(dir, 'in.pdf'), join(dir, 'out.pdf')]);
  return new Uint8Array(readFileSync(join(dir, 'out.pdf')));
}

async function pageRefs(bytes: Uint8Array): Promise<string[]> {
  const opened = await openPdf(bytes);
  if (!opened.ok) throw new Error(opened.detail);
  const refs: string[] = [];
  for (let n = 1; n <= opened.pdf.numPages; n++) {
    const page = await opened.pdf.getPage(n);
    refs.push(`${page.ref?.num} ${page.ref?.gen}`);
  }
  await opened.pdf.destroy();
  return refs;
}

describe('balancing a flat page tree', () => {
  it('adds an incremental update that pdf.js reads as the same pages in the same order', async () => {
    for (const original of [buildTestPdf(pages(1000)), withObjectStreams(buildTestPdf(pages(1000)))]) {
      const src = byteString(original);
      // The scan decodes the object streams the page tree may sit in.
      const scan = await scanStreams(src, original, DEFAULT_PDF_LIMITS, Infinity, realClock);
      if (!scan.ok) throw new Error(scan.detail);
      const balanced = balancePageTree(original, src, scan.objects);
      if (!balanced) throw new Error('expected the flat tree to be balanced');
      expect(balanced.bytes.subarray(0, original.length)).toEqual(original);
      expect(await pageRefs(balanced.bytes)).toEqual(await pageRefs(original));
      expect(balanced.pages.map((ref) => `${ref.num} ${ref.gen}`)).toEqual(await pageRefs(original));
    }
  });

  it('leaves small trees alone', () => {
    const small = buildTestPdf(pages(20));
    const src = byteString(small);
    expect(balancePageTree(small, src, new PdfObjects(src))).toBeUndefined();
  });

  it('imports every page of a long flat document in order', async () => {
    const result = await importFile('long.pdf', buildTestPdf(pages(600)));
    if (!result.ok) throw new Error(result.error);
    const numbers = [...result.value.text.matchAll(/Page (\d+) ends here/g)].map((m) => Number(m[1]));
    expect(numbers).toEqual(Array.from({ length: 600 }, (_, i) => i + 1));
  });
});
