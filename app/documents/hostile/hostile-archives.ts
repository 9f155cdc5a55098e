/** Hostile and broken EPUB books and Word documents: zip bombs, deep nesting, scripts, damage, DRM. */
import { strToU8, zipSync } from 'fflate';
import { buildDocx, para } from '../docx/docx-fixture';
import { buildEpub } from '../epub/epub-fixture';
import { buildZipBomb } from '../zip/zip-bomb-fixture';
import { named, utf8, type HostileFile } from './hostile-file';

const METADATA = '<dc:title>Hostile Book</dc:title><dc:creator>Ann Smith</dc:creator>';
const ZIP_BOMB = 'is too large when unpacked \\(possible zip bomb\\)';
const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';

const book = (body: string) => buildEpub({ metadata: METADATA, chapters: [{ file: 'c1.xhtml', body }] });

const CONTAINER = strToU8(`<container xmlns="urn:oasis:names:tc:opendocument:xmlns:container"><rootfiles><rootfile full-path="content.opf" media-type="application/oebps-package+xml"/></rootfiles></container>`);
const opf = (href: string, type = 'application/xhtml+xml') =>
  strToU8(`<package xmlns="http://www.idpf.org/2007/opf"><metadata/><manifest><item id="c" href="${href}" media-type="${type}"/></manifest><spine><itemref idref="c"/></spine></package>`);

/** A billion-laughs entity declaration: nine levels of ten references each. */
const LAUGHS = `<!DOCTYPE lolz [<!ENTITY lol "lol">${Array.from({ length: 9 }, (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i || ''};`.repeat(10)}">`).join('')}]>`;

/** A .docx whose body is `body`, written straight into word/document.xml. */
const docxWithXml = (xml: string) => buildDocx({ body: para('unused'), entries: { 'word/document.xml': strToU8(xml) } });

function nestedTables(levels: number): string {
  let body = para('deep table words');
  for (let i = 0; i < levels; i++) body = `<w:tbl><w:tr><w:tc>${body}</w:tc></w:tr></w:tbl>`;
  return body + para('shallow words');
}

/** Flags the first local entry (and its directory record) as encrypted. */
function encryptFirstEntry(zip: Uint8Array): Uint8Array {
  const out = zip.slice();
  const view = new DataView(out.buffer);
  view.setUint16(6, view.getUint16(6, true) | 1, true);
  for (let at = 0; at + 46 < out.length; at++) {
    if (view.getUint32(at, true) === 0x02014b50) {
      view.setUint16(at + 8, view.getUint16(at + 8, true) | 1, true);
      break;
    }
  }
  return out;
}

export const HOSTILE_ARCHIVES: HostileFile[] = [
  {
    kind: 'EPUB: zip bomb, a chapter of 200 MB declaring 4 KB',
    name: 'bomb.epub',
    build: () => buildZipBomb('bomb.xhtml', 25, 4096, { 'META-INF/container.xml': CONTAINER, 'content.opf': opf('bomb.xhtml') }),
    expect: { refused: named('bomb.epub', ZIP_BOMB) },
  },
  {
    kind: 'EPUB: 30,000 entries',
    name: 'entries.epub',
    build: () => zipSync(Object.fromEntries(Array.from({ length: 30_000 }, (_, i) => [`f${i}.txt`, [new Uint8Array(0), { level: 0 }]]))),
    expect: { refused: named('entries.epub', ZIP_BOMB) },
  },
  {
    kind: 'EPUB: chapter nested 300 elements deep',
    name: 'deep300.epub',
    build: () => book('<div>'.repeat(300) + '<p>deep words</p>' + '</div>'.repeat(300) + '<p>shallow words</p>'),
    expect: { imported: { contains: ['deep words', 'shallow words'], warning: named('deep300.epub', 'nests its content more than 200 levels deep') } },
  },
  {
    kind: 'EPUB: chapter nested 100,000 elements deep',
    name: 'deep100k.epub',
    build: () => book('<div>'.repeat(100_000) + '<p>deep words</p>' + '</div>'.repeat(100_000) + '<p>shallow words</p>'),
    expect: { imported: { contains: ['deep words', 'shallow words'], warning: named('deep100k.epub', 'nests its content more than 200 levels deep') } },
  },
  {
    kind: 'EPUB: chapter with scripts, handlers, frames and forms',
    name: 'scripts.epub',
    build: () =>
      book(`<p onclick="steal()">Kept words.</p><script>window.SCRIPT_RAN = 1</script><iframe src="https://evil.example/">FRAME TEXT</iframe><form><input value="FORM VALUE"/></form><p><a href="javascript:alert(1)">plain link</a></p>`),
    expect: { imported: { contains: ['Kept words.', 'plain link'], absent: ['SCRIPT_RAN', 'FRAME TEXT', 'FORM VALUE', 'steal', 'evil.example'] } },
  },
  {
    kind: 'EPUB: SVG chapter with a script, beside an XHTML chapter',
    name: 'svg.epub',
    build: () =>
      buildEpub({
        metadata: METADATA,
        chapters: [{ file: 'c1.xhtml', body: '<p>Chapter one words.</p>' }],
        entries: {
          'OEBPS/content.opf': strToU8(
            `<?xml version="1.0"?><package xmlns="http://www.idpf.org/2007/opf" version="3.0"><metadata xmlns:dc="http://purl.org/dc/elements/1.1/">${METADATA}</metadata><manifest><item id="c0" href="c1.xhtml" media-type="application/xhtml+xml"/><item id="s" href="s.svg" media-type="image/svg+xml"/></manifest><spine><itemref idref="c0"/><itemref idref="s"/></spine></package>`,
          ),
          'OEBPS/s.svg': strToU8('<svg xmlns="http://www.w3.org/2000/svg" onload="steal()"><script>window.SVG_RAN = 1</script><text>picture caption</text></svg>'),
        },
      }),
    expect: { imported: { contains: ['Chapter one words.'], absent: ['SVG_RAN', 'steal'] } },
  },
  {
    kind: 'EPUB: billion-laughs entities in a chapter',
    name: 'laughs.epub',
    build: () => buildEpub({ metadata: METADATA, chapters: [{ file: 'c1.xhtml', body: '' }], entries: { 'OEBPS/c1.xhtml': strToU8(`<?xml version="1.0"?>${LAUGHS}<html xmlns="http://www.w3.org/1999/xhtml"><body><p>&lol9;</p><p>Safe words</p></body></html>`) } }),
    expect: { imported: { contains: ['Safe words'], absent: ['lollollol'] } },
  },
  {
    kind: 'EPUB: cut in half',
    name: 'truncated.epub',
    build: () => {
      const bytes = book('<p>Words of a book cut in half.</p>');
      return bytes.slice(0, Math.floor(bytes.length / 2));
    },
    expect: { refused: named('truncated.epub', 'is damaged') },
  },
  {
    kind: 'EPUB: no container.xml',
    name: 'no-container.epub',
    build: () => buildEpub({ metadata: METADATA, chapters: [{ file: 'c1.xhtml', body: '<p>x</p>' }], entries: { 'META-INF/container.xml': undefined } }),
    expect: { refused: named('no-container.epub', 'is damaged: it has no container') },
  },
  {
    kind: 'EPUB: chapters under DRM (encryption.xml)',
    name: 'drm.epub',
    build: () =>
      buildEpub({
        metadata: METADATA,
        chapters: [{ file: 'c1.xhtml', body: '<p>x</p>' }],
        entries: { 'META-INF/encryption.xml': strToU8('<encryption xmlns="urn:oasis:names:tc:opendocument:xmlns:container" xmlns:enc="http://www.w3.org/2001/04/xmlenc#"><enc:EncryptedData><enc:CipherData><enc:CipherReference URI="OEBPS/c1.xhtml"/></enc:CipherData></enc:EncryptedData></encryption>') },
      }),
    expect: { refused: named('drm.epub', 'is protected by DRM') },
  },
  {
    kind: 'DOCX: zip bomb, document.xml of 200 MB declaring 4 KB',
    name: 'bomb.docx',
    build: () => {
      const rels = strToU8(`<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="r1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`);
      return buildZipBomb('word/document.xml', 25, 4096, { '_rels/.rels': rels });
    },
    expect: { refused: named('bomb.docx', ZIP_BOMB) },
  },
  {
    kind: 'DOCX: tables nested 100 deep',
    name: 'tables.docx',
    build: () => buildDocx({ body: nestedTables(100) }),
    expect: { imported: { contains: ['deep table words', 'shallow words'], warning: named('tables.docx', 'nests its content more than 200 levels deep') } },
  },
  {
    kind: 'DOCX: XML nested 9,000 elements deep',
    name: 'deep.docx',
    build: () => buildDocx({ body: nestedTables(3000) }),
    expect: { refused: named('deep.docx', 'nests its content more than 400 levels deep') },
  },
  {
    kind: 'DOCX: billion-laughs entities in document.xml',
    name: 'laughs.docx',
    build: () => docxWithXml(`<?xml version="1.0"?>${LAUGHS}<w:document xmlns:w="${W}"><w:body><w:p><w:r><w:t>&lol9;</w:t></w:r></w:p>${para('Safe words')}</w:body></w:document>`),
    expect: { refused: named('laughs.docx', "is damaged: Word's XML inside it cannot be read") },
  },
  {
    kind: 'DOCX: cut in half',
    name: 'truncated.docx',
    build: () => {
      const bytes = buildDocx({ body: para('Words of a document cut in half.') });
      return bytes.slice(0, Math.floor(bytes.length / 2));
    },
    expect: { refused: named('truncated.docx', 'is damaged') },
  },
  {
    kind: 'DOCX: no document.xml',
    name: 'no-body.docx',
    build: () => buildDocx({ body: para('x'), entries: { 'word/document.xml': undefined } }),
    expect: { refused: named('no-body.docx', 'is damaged: it has no document text') },
  },
  {
    kind: 'DOCX: text file named .docx',
    name: 'notes.docx',
    build: () => utf8('plain notes saved under the wrong name'),
    expect: { refused: named('notes.docx', 'is damaged: it is not a Word document') },
  },
  {
    kind: 'DOCX: password-protected zip entry',
    name: 'locked.docx',
    build: () => encryptFirstEntry(buildDocx({ body: para('Secret words') })),
    expect: { refused: named('locked.docx', 'is password-protected') },
  },
];
