/** Hostile and broken PDFs: decompression bombs of every filter, encryption, damage, scale. */
import { zlibSync } from 'fflate';
import { buildRawPdf, lzwZeros, pageObject, pdfFrame, textContent, zlibZeros, type RawObject } from '../pdf/raw-pdf';
import { buildTestPdf, wrapText, type TestPage } from '../pdf/test-pdf';
import { latin1, named, utf8, type HostileFile } from './hostile-file';

const BOMB = 'is too large when unpacked \\(possible decompression bomb\\)';
const DAMAGED = 'is damaged or incomplete';

/** A page showing a line of text, then the streams among `extra` (other objects, such as a filter name behind a reference, are not contents). */
function pageWith(...extra: RawObject[]): Uint8Array {
  const contents = [5, ...extra.flatMap((object, i) => (object.stream ? [6 + i] : []))];
  return buildRawPdf([...pdfFrame([4]), pageObject(contents), { body: '<< >>', stream: textContent('Hello from the first line') }, ...extra]);
}

const threePages = (): Uint8Array =>
  buildTestPdf([1, 2, 3].map((n) => ({ runs: wrapText(`Page ${n} holds a paragraph of ordinary words for the reader to import.`.split(' '), { x: 72, top: 700, width: 400 }).runs })));

/** 100 zeros-bomb megabytes per call are cheap to build: ~0.6 MB of DEFLATE blocks. */
const zeros = (megabytes: number) => zlibZeros(megabytes);

const pages = (count: number): TestPage[] => Array.from({ length: count }, (_, i) => ({ runs: [{ x: 72, y: 700, text: `Page ${i + 1} ends here.` }] }));

export const HOSTILE_PDFS: HostileFile[] = [
  {
    kind: 'PDF: Flate bomb, a content stream of 1 GB from 7 MB',
    name: 'flate-bomb.pdf',
    build: () => pageWith({ body: '<< /Filter /FlateDecode >>', stream: zeros(1024) }),
    expect: { refused: named('flate-bomb.pdf', BOMB) },
  },
  {
    kind: 'PDF: Flate bomb behind an indirect /Filter',
    name: 'indirect-filter.pdf',
    build: () => pageWith({ body: '<< /Filter 7 0 R >>', stream: zeros(100) }, { body: '/FlateDecode' }),
    expect: { refused: named('indirect-filter.pdf', BOMB) },
  },
  {
    kind: 'PDF: Flate inside Flate (a bomb of a bomb)',
    name: 'double-flate.pdf',
    build: () => pageWith({ body: '<< /Filter [/FlateDecode /FlateDecode] >>', stream: zlibSync(zeros(200)) }),
    expect: { refused: named('double-flate.pdf', BOMB) },
  },
  {
    kind: 'PDF: LZW bomb',
    name: 'lzw-bomb.pdf',
    build: () => pageWith({ body: '<< /Filter /LZWDecode >>', stream: lzwZeros(70) }),
    expect: { refused: named('lzw-bomb.pdf', BOMB) },
  },
  {
    kind: 'PDF: RunLength bomb',
    name: 'runlength-bomb.pdf',
    build: () => pageWith({ body: '<< /Filter /RunLengthDecode >>', stream: Uint8Array.from({ length: 1_200_000 }, (_, i) => (i % 2 === 0 ? 129 : 0)) }),
    expect: { refused: named('runlength-bomb.pdf', BOMB) },
  },
  {
    kind: 'PDF: picture that inflates far past its declared size (read as page contents)',
    name: 'picture-bomb.pdf',
    build: () => pageWith({ body: '<< /Type /XObject /Subtype /Image /Width 10 /Height 10 /BitsPerComponent 8 /Filter /FlateDecode >>', stream: zeros(100) }),
    expect: { refused: named('picture-bomb.pdf', BOMB) },
  },
  {
    kind: 'PDF: bomb hidden inside another stream’s data',
    name: 'hidden-bomb.pdf',
    build: () => pageWith({ body: '<< /Subtype /Whatever >>', stream: Uint8Array.from([...utf8('9 0 obj\n<< /Filter /FlateDecode >>\nstream\n'), ...zeros(100), ...utf8('\nendstream\nendobj\n')]) }),
    expect: { refused: named('hidden-bomb.pdf', BOMB) },
  },
  {
    kind: 'PDF: Flate bomb in a file encrypted with AES-256 (opens without a password)',
    name: 'encrypted-bomb.pdf',
    build: ({ qpdf }) => qpdf(pageWith({ body: '<< /Filter /FlateDecode >>', stream: zeros(200) }), ['--encrypt', '', 'owner', '256', '--']),
    expect: { refused: named('encrypted-bomb.pdf', BOMB) },
  },
  {
    kind: 'PDF: protected by a user password',
    name: 'password.pdf',
    build: ({ qpdf }) => qpdf(threePages(), ['--encrypt', 'reader-secret', 'owner-secret', '256', '--']),
    expect: { refused: named('password.pdf', 'is protected by a password') },
  },
  {
    kind: 'PDF: RC4-encrypted with only an owner password',
    name: 'owner-only.pdf',
    build: ({ qpdf }) => qpdf(threePages(), ['--allow-weak-crypto', '--encrypt', '', 'owner-secret', '128', '--use-aes=n', '--']),
    expect: { imported: { contains: ['Page 3 holds a paragraph'] } },
  },
  {
    kind: 'PDF: cut in half',
    name: 'truncated.pdf',
    build: () => threePages().slice(0, 500),
    expect: { refused: named('truncated.pdf', DAMAGED) },
  },
  {
    kind: 'PDF: cross-reference table and objects garbled',
    name: 'garbled.pdf',
    build: () => latin1(new TextDecoder('latin1').decode(threePages()).replace(/startxref\n\d+/, 'startxref\n999999').replace(/obj/g, 'jbo')),
    expect: { refused: named('garbled.pdf', DAMAGED) },
  },
  {
    kind: 'PDF: cut after its last page (no trailer)',
    name: 'no-trailer.pdf',
    build: () => {
      const bytes = threePages();
      return bytes.slice(0, new TextDecoder('latin1').decode(bytes).lastIndexOf('xref'));
    },
    expect: { imported: { contains: ['Page 3 holds'], warning: named('no-trailer.pdf', 'looks incomplete') } },
  },
  {
    kind: 'PDF: text file named .pdf',
    name: 'notes.pdf',
    build: () => utf8('just some notes, saved with the wrong name'),
    expect: { refused: named('notes.pdf', 'is not a PDF') },
  },
  {
    kind: 'PDF: scanned pages, no text layer',
    name: 'scan.pdf',
    build: () => buildTestPdf([{ runs: [], picture: true }, { runs: [], picture: true }]),
    expect: { refused: named('scan.pdf', 'has no text layer') },
  },
  {
    kind: 'PDF: page tree that contains itself',
    name: 'circular.pdf',
    build: () =>
      buildRawPdf([
        { body: '<< /Type /Catalog /Pages 2 0 R >>' },
        { body: '<< /Type /Pages /Kids [2 0 R 4 0 R] /Count 2 >>' },
        { body: '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>' },
        pageObject([5]),
        { body: '<< >>', stream: textContent('A page in a circular tree') },
      ]),
    expect: { refused: named('circular.pdf', DAMAGED) },
  },
  {
    kind: 'PDF: page dictionary with arrays nested 100,000 deep',
    name: 'nested-arrays.pdf',
    build: () => buildRawPdf([...pdfFrame([4]), { body: `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 3 0 R >> >> /Contents 5 0 R /Junk ${'['.repeat(100_000)}${']'.repeat(100_000)} >>` }, { body: '<< >>', stream: textContent('Nested arrays') }]),
    expect: { refused: named('nested-arrays.pdf', DAMAGED) },
  },
  {
    kind: 'PDF: 5,000 pages in one flat page tree',
    name: 'long-flat.pdf',
    build: () => buildTestPdf(pages(5000)),
    expect: { imported: { contains: ['Page 1 ends here.', 'Page 5000 ends here.'] } },
  },
];
