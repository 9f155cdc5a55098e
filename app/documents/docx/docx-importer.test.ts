import { afterEach, describe, expect, it, vi } from 'vitest';
import { strToU8 } from 'fflate';
import { importFile } from '../import';
import type { ParsedDocument } from '../model';
import { buildZipBomb } from '../zip/zip-bomb-fixture';
import { buildDocx, coreXml, footnote, footnoteRef, para, run } from './docx-fixture';

const HYPERLINK = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink';
const IMAGE = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/image';

async function importDocx(bytes: Uint8Array, fileName = 'essay.docx'): Promise<ParsedDocument> {
  const result = await importFile(fileName, bytes);
  if (!result.ok) throw new Error(result.error);
  return result.value;
}

const texts = (doc: ParsedDocument): string[] => doc.blocks.map((b) => doc.text.slice(b.start, b.end));

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('DOCX import', () => {
  it('keeps headings, lists of paragraphs and marks, and reads core properties', async () => {
    const bytes = buildDocx({
      body: para('Memory and Place', 'Title') + para('Introduction', 'Heading1') +
        `<w:p>${run('Cities ')}${run('remember', 'i')}${run(' what ')}${run('people', 'b')}${run(' forget.')}</w:p>` +
        para('A quoted line.', 'Quote') + para('Method', 'Heading2') + para('We walked.'),
      coreXml: coreXml('Memory and Place', 'Ezerova, Daria', '2021-09-14T10:00:00Z'),
    });
    const doc = await importDocx(bytes);
    expect(doc.format).toBe('docx');
    expect(doc.blocks.map((b) => [b.kind, b.level])).toEqual([
      ['heading', 1], ['heading', 1], ['paragraph', undefined], ['quote', undefined], ['heading', 2], ['paragraph', undefined],
    ]);
    expect(texts(doc)[2]).toBe('Cities remember what people forget.');
    expect(doc.blocks[2]?.marks?.map((m) => [m.type, doc.text.slice(m.start, m.end)])).toEqual([['emphasis', 'remember'], ['strong', 'people']]);
    expect(doc.metadata).toMatchObject({ title: 'Memory and Place', author: [{ family: 'Ezerova', given: 'Daria' }] });
    // The file's creation timestamp is when Word saved it, not a publication date.
    expect(doc.metadata.issued).toBeUndefined();
  });

  it('keeps footnotes as numbered paragraphs under "Notes", linked to their "[n]" markers', async () => {
    const bytes = buildDocx({
      body: `<w:p>${run('Cities remember.')}${footnoteRef(1)}${run(' People forget.')}${footnoteRef(2)}</w:p>`,
      footnotes: footnote(1, 'Halbwachs 1950, p. 12.') + footnote(2, 'Nora 1989.'),
    });
    const doc = await importDocx(bytes);
    expect(texts(doc)).toEqual(['Cities remember.[1] People forget.[2]', 'Notes', '1. Halbwachs 1950, p. 12.', '2. Nora 1989.']);
    expect(doc.footnotes?.map((f) => [doc.text.slice(f.markerStart, f.markerEnd), doc.text.slice(f.noteStart, f.noteEnd)])).toEqual([
      ['[1]', '1. Halbwachs 1950, p. 12.'],
      ['[2]', '2. Nora 1989.'],
    ]);
    expect(doc.text).not.toContain('↑');
  });

  it('fetches nothing a document links to, keeping only http(s) hyperlinks as marks', async () => {
    const fetch = vi.fn(() => {
      throw new Error('no fetching during import');
    });
    vi.stubGlobal('fetch', fetch);
    vi.stubGlobal('XMLHttpRequest', fetch);
    const relationships =
      `<Relationship Id="rWeb" Type="${HYPERLINK}" Target="https://example.org/paper" TargetMode="External"/>` +
      `<Relationship Id="rJs" Type="${HYPERLINK}" Target="javascript:alert(1)" TargetMode="External"/>` +
      `<Relationship Id="rFile" Type="${HYPERLINK}" Target="file:///etc/passwd" TargetMode="External"/>` +
      `<Relationship Id="rImg" Type="${IMAGE}" Target="https://tracker.example/pixel.png" TargetMode="External"/>` +
      `<Relationship Id="rTpl" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/attachedTemplate" Target="\\\\evil-share\\t.dotm" TargetMode="External"/>`;
    const linkedImage =
      `<w:r><w:drawing><wp:inline xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"><wp:docPr id="1" name="Pic" descr="alt"/>` +
      `<a:graphic xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture">` +
      `<pic:pic xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture"><pic:blipFill><a:blip r:link="rImg"/></pic:blipFill></pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing></w:r>`;
    const bytes = buildDocx({
      body:
        `<w:p>${run('See ')}<w:hyperlink r:id="rWeb">${run('the paper')}</w:hyperlink>${run(', ')}<w:hyperlink r:id="rJs">${run('a script')}</w:hyperlink>${run(' and ')}<w:hyperlink r:id="rFile">${run('a file')}</w:hyperlink>${run('.')}</w:p>` +
        `<w:p>${run('Figure: ')}${linkedImage}</w:p>`,
      relationships,
    });
    const doc = await importDocx(bytes);
    expect(fetch).not.toHaveBeenCalled();
    expect(texts(doc)).toEqual(['See the paper, a script and a file.', 'Figure:']);
    expect(doc.blocks.flatMap((b) => b.marks ?? []).map((m) => [m.type, doc.text.slice(m.start, m.end), m.href])).toEqual([
      ['link', 'the paper', 'https://example.org/paper'],
    ]);
  });

  it('says a 0-byte file is empty', async () => {
    expect(await importFile('empty.docx', new Uint8Array(0))).toEqual({ ok: false, error: '“empty.docx” is empty.' });
  });

  it('says a file that is not a zip, or lacks its document part, is damaged', async () => {
    const notZip = await importFile('x.docx', strToU8('{\\rtf1 this is really an RTF file}'));
    expect(notZip).toMatchObject({ ok: false });
    expect(!notZip.ok && notZip.error).toMatch(/^“x\.docx” is damaged: it is not a Word document \(\.docx\)/);
    const noBody = await importFile('y.docx', buildDocx({ body: para('x'), entries: { 'word/document.xml': undefined } }));
    expect(!noBody.ok && noBody.error).toMatch(/^“y\.docx” is damaged: it has no document text \(word\/document\.xml\)/);
    const brokenXml = await importFile('z.docx', buildDocx({ body: para('x'), entries: { 'word/document.xml': strToU8('<w:document><w:body><w:p>') } }));
    expect(!brokenXml.ok && brokenXml.error).toMatch(/^“z\.docx” is damaged/);
  });

  it('refuses a zip bomb by its declared size, without unpacking it', async () => {
    const bomb = buildZipBomb('word/document.xml', 1, 400 * 1024 * 1024, { '_rels/.rels': strToU8('<Relationships/>') });
    const result = await importFile('bomb.docx', bomb);
    expect(!result.ok && result.error).toMatch(/^“bomb\.docx” is too large when unpacked \(possible zip bomb\)/);
  });

  it('reads tables nested 100 deep, and refuses XML nested deeper than mammoth can walk with a message saying so', async () => {
    const nest = (levels: number) => {
      let body = para('deep table words');
      for (let i = 0; i < levels; i++) body = `<w:tbl><w:tr><w:tc>${body}</w:tc></w:tr></w:tbl>`;
      return buildDocx({ body: body + para('shallow words') });
    };
    const read = await importFile('tables.docx', nest(100));
    if (!read.ok) throw new Error(read.error);
    expect(read.value.text).toBe('deep table words\n\nshallow words');
    expect(read.value.warning).toMatch(/^“tables\.docx” nests its content more than 200 levels deep/);
    const refused = await importFile('deeper.docx', nest(3000));
    expect(refused).toEqual({
      ok: false,
      error: '“deeper.docx” nests its content more than 400 levels deep (tables inside tables, or similar), more than Lectern can read. Open it in Word or LibreOffice and save it again as .docx, with less nesting.',
    });
  });
});
