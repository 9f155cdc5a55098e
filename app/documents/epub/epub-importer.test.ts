import { describe, expect, it } from 'vitest';
import { strToU8 } from 'fflate';
import { importFile } from '../import';
import type { ParsedDocument } from '../model';
import { buildZipBomb } from '../zip/zip-bomb-fixture';
import { buildEpub } from './epub-fixture';

const METADATA = `<dc:identifier id="uid">urn:isbn:978-0-14-044913-6</dc:identifier>
  <dc:title id="t1">The Walking City</dc:title><meta refines="#t1" property="title-type">main</meta>
  <dc:title id="t2">Essays</dc:title><meta refines="#t2" property="title-type">subtitle</meta>
  <dc:creator id="a1">Daria Ezerova</dc:creator><meta refines="#a1" property="role" scheme="marc:relators">aut</meta>
  <dc:creator id="e1">Smith, John</dc:creator><meta refines="#e1" property="role" scheme="marc:relators">edt</meta>
  <dc:creator opf:role="aut" opf:file-as="Lee, Ann">Ann Lee</dc:creator>
  <dc:date>2019-04-02</dc:date><dc:publisher>Harbor Books</dc:publisher><dc:language>en</dc:language>`;

async function importEpub(bytes: Uint8Array, fileName = 'book.epub'): Promise<ParsedDocument> {
  const result = await importFile(fileName, bytes);
  if (!result.ok) throw new Error(result.error);
  return result.value;
}

const texts = (doc: ParsedDocument): string[] => doc.blocks.map((b) => doc.text.slice(b.start, b.end));

describe('EPUB import', () => {
  it('reads chapters in spine order and the book’s metadata', async () => {
    const bytes = buildEpub({
      metadata: METADATA,
      chapters: [
        { file: 'Text/ch1.xhtml', body: '<section epub:type="chapter"><h1>One</h1><p>The city <em>walks</em>.</p></section>' },
        { file: 'Text/ch2.xhtml', body: '<h1>Two</h1><ul><li>Bridges</li><li>Parks</li></ul><nav epub:type="toc"><ol><li>One</li></ol></nav>' },
      ],
    });
    const doc = await importEpub(bytes);
    expect(doc.format).toBe('epub');
    expect(texts(doc)).toEqual(['One', 'The city walks.', 'Two', 'Bridges', 'Parks']);
    expect(doc.metadata).toMatchObject({
      type: 'book',
      title: 'The Walking City',
      author: [{ family: 'Ezerova', given: 'Daria' }, { family: 'Lee', given: 'Ann' }],
      editor: [{ family: 'Smith', given: 'John' }],
      issued: { 'date-parts': [[2019, 4, 2]] },
      publisher: 'Harbor Books',
      ISBN: '9780140449136',
      language: 'en',
    });
  });

  it('links note references to footnotes in the chapter and to endnotes in another file', async () => {
    const bytes = buildEpub({
      metadata: METADATA,
      chapters: [
        {
          file: 'Text/ch1.xhtml',
          body: `<p>Walking is thinking.<a epub:type="noteref" href="#fn1" id="r1">1</a> Cities are texts.<a epub:type="noteref" href="notes.xhtml#en1">*</a></p>
            <aside epub:type="footnote" id="fn1"><p><a href="#r1">1</a> Solnit 2000.</p></aside><p>More walking.</p>`,
        },
        { file: 'Text/notes.xhtml', body: '<h1>Endnotes</h1><ol><li id="en1" epub:type="endnote"><p>See de Certeau.</p></li></ol>' },
      ],
    });
    const doc = await importEpub(bytes);
    expect(texts(doc)).toEqual(['Walking is thinking.[1] Cities are texts.[*]', 'More walking.', 'Notes', '1. Solnit 2000.', 'Endnotes', '* See de Certeau.']);
    expect(doc.footnotes?.map((f) => [doc.text.slice(f.markerStart, f.markerEnd), doc.text.slice(f.noteStart, f.noteEnd)])).toEqual([
      ['[1]', '1. Solnit 2000.'],
      ['[*]', '* See de Certeau.'],
    ]);
  });

  it('drops scripts and unsafe links in chapters', async () => {
    const bytes = buildEpub({
      metadata: METADATA,
      chapters: [{ file: 'c.xhtml', body: '<script>steal()</script><p onclick="x()">Text <a href="javascript:steal()">here</a> and <a href="https://ok.example/">there</a>.</p>' }],
    });
    const doc = await importEpub(bytes);
    expect(doc.text).toBe('Text here and there.');
    expect(doc.blocks[0]?.marks?.map((m) => m.href)).toEqual(['https://ok.example/']);
  });

  it('says a 0-byte file is empty', async () => {
    expect(await importFile('x.epub', new Uint8Array(0))).toEqual({ ok: false, error: '“x.epub” is empty.' });
  });

  it('says a file that is not a zip, or misses its parts, is damaged', async () => {
    const notZip = await importFile('x.epub', strToU8('<html>a web page renamed</html>'));
    expect(!notZip.ok && notZip.error).toMatch(/^“x\.epub” is damaged: it is not an EPUB book Lectern can open/);
    const noContainer = await importFile('y.epub', buildEpub({ metadata: METADATA, chapters: [{ file: 'c.xhtml', body: '<p>x</p>' }], entries: { 'META-INF/container.xml': undefined } }));
    expect(!noContainer.ok && noContainer.error).toMatch(/^“y\.epub” is damaged: it has no container/);
    const noOpf = await importFile('z.epub', buildEpub({ metadata: METADATA, chapters: [{ file: 'c.xhtml', body: '<p>x</p>' }], entries: { 'OEBPS/content.opf': undefined } }));
    expect(!noOpf.ok && noOpf.error).toMatch(/^“z\.epub” is damaged: it has no package file/);
    const noChapters = await importFile('w.epub', buildEpub({ metadata: METADATA, chapters: [{ file: 'c.xhtml', body: '<p>x</p>' }], entries: { 'OEBPS/c.xhtml': undefined } }));
    expect(!noChapters.ok && noChapters.error).toMatch(/^“w\.epub” is damaged: it has no chapters/);
  });

  it('warns about a missing chapter but imports the rest', async () => {
    const bytes = buildEpub({
      metadata: METADATA,
      chapters: [{ file: 'a.xhtml', body: '<p>Kept.</p>' }, { file: 'b.xhtml', body: '<p>Lost.</p>' }],
      entries: { 'OEBPS/b.xhtml': undefined },
    });
    const doc = await importEpub(bytes);
    expect(doc.text).toBe('Kept.');
    expect(doc.warning).toBe('1 chapter is missing from this EPUB; the rest was imported.');
  });

  it('refuses a DRM-protected book', async () => {
    const encryption = strToU8(`<encryption xmlns="urn:oasis:names:tc:opendocument:xmlns:container" xmlns:enc="http://www.w3.org/2001/04/xmlenc#"><enc:EncryptedData><enc:CipherData><enc:CipherReference URI="OEBPS/c.xhtml"/></enc:CipherData></enc:EncryptedData></encryption>`);
    const bytes = buildEpub({ metadata: METADATA, chapters: [{ file: 'c.xhtml', body: '<p>x</p>' }], entries: { 'META-INF/encryption.xml': encryption } });
    const result = await importFile('drm.epub', bytes);
    expect(!result.ok && result.error).toMatch(/^“drm\.epub” is protected by DRM/);
  });

  it('refuses a zip bomb while streaming, when a chapter inflates to hundreds of MB but claims a few KB', async () => {
    const container = strToU8(`<container xmlns="urn:oasis:names:tc:opendocument:xmlns:container"><rootfiles><rootfile full-path="content.opf" media-type="application/oebps-package+xml"/></rootfiles></container>`);
    const opf = strToU8(`<package xmlns="http://www.idpf.org/2007/opf"><metadata/><manifest><item id="c" href="bomb.xhtml" media-type="application/xhtml+xml"/></manifest><spine><itemref idref="c"/></spine></package>`);
    const bomb = buildZipBomb('bomb.xhtml', 25, 4096, { 'META-INF/container.xml': container, 'content.opf': opf });
    expect(bomb.length).toBeLessThan(2_000_000);
    const result = await importFile('x.epub', bomb);
    expect(!result.ok && result.error).toMatch(/^“x\.epub” is too large when unpacked \(possible zip bomb\)/);
  });

  it('reads a chapter in the encoding its XML declaration states', async () => {
    const latin1 = Uint8Array.from([...strToU8('<?xml version="1.0" encoding="ISO-8859-1"?><html xmlns="http://www.w3.org/1999/xhtml"><body><p>Caf'), 0xe9, ...strToU8(' cr'), 0xe8, ...strToU8('me.</p></body></html>')]);
    const bytes = buildEpub({ metadata: METADATA, chapters: [{ file: 'c.xhtml', body: '' }], entries: { 'OEBPS/c.xhtml': latin1 } });
    expect((await importEpub(bytes)).text).toBe('Café crème.');
  });

  it('keeps the words of a chapter nested 300 deep, read as plain text below 200 levels, and says so', async () => {
    const body = '<div>'.repeat(300) + '<p>deep <em>words</em></p>' + '</div>'.repeat(300) + '<p>shallow words</p>';
    const result = await importFile('deep.epub', buildEpub({ metadata: METADATA, chapters: [{ file: 'c.xhtml', body }] }));
    if (!result.ok) throw new Error(result.error);
    expect(result.value.text).toBe('deep words\n\nshallow words');
    expect(result.value.warning).toBe('“deep.epub” nests its content more than 200 levels deep; Lectern read the deeper parts as plain text (their words are all kept).');
  });
});
