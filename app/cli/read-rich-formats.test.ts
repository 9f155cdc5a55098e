import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../cli';
import { captureIo } from './capture-io';
import { buildDocx, coreXml, footnote, footnoteRef, para, run } from '../documents/docx/docx-fixture';
import { buildEpub } from '../documents/epub/epub-fixture';

const folder = mkdtempSync(join(tmpdir(), 'lectern-read-'));


interface ReadJson {
  metadata: Record<string, unknown>;
  blocks: { kind: string; text: string; level?: number }[];
}

async function readJson(fileName: string, bytes: Uint8Array | string): Promise<ReadJson> {
  const path = join(folder, fileName);
  writeFileSync(path, bytes);
  const io = captureIo();
  const code = await main(['read', path, '--json'], io);
  expect(io.err).toBe('');
  expect(code).toBe(0);
  return JSON.parse(io.out) as ReadJson;
}

describe('lectern read on HTML, DOCX and EPUB', () => {
  it('reads a web page', async () => {
    const json = await readJson(
      'article.html',
      `<html><head><meta name="citation_title" content="Slow Reading"><meta name="citation_author" content="Ann Lee"></head>
       <body><nav><a href="/">Home</a></nav><article><h1>Slow Reading</h1><p>Read <em>slowly</em>.</p></article></body></html>`,
    );
    expect(json.metadata).toMatchObject({ title: 'Slow Reading', author: [{ family: 'Lee', given: 'Ann' }] });
    expect(json.blocks).toEqual([{ kind: 'heading', text: 'Slow Reading', level: 1 }, { kind: 'paragraph', text: 'Read slowly.' }]);
  });

  it('reads a Word document with a footnote', async () => {
    const bytes = buildDocx({
      body: para('Field Notes', 'Heading1') + `<w:p>${run('We walked.')}${footnoteRef(1)}</w:p>`,
      footnotes: footnote(1, 'Every Sunday.'),
      coreXml: coreXml('Field Notes', 'Daria Ezerova', '2022-03-01T00:00:00Z'),
    });
    const json = await readJson('notes.docx', bytes);
    expect(json.metadata).toMatchObject({ title: 'Field Notes', author: [{ family: 'Ezerova', given: 'Daria' }] });
    expect(json.blocks.map((b) => b.text)).toEqual(['Field Notes', 'We walked.[1]', 'Notes', '1. Every Sunday.']);
  });

  it('reads an EPUB book', async () => {
    const bytes = buildEpub({
      metadata: '<dc:title>Small Book</dc:title><dc:creator>Ann Lee</dc:creator><dc:date>2010</dc:date>',
      chapters: [{ file: 'one.xhtml', body: '<h1>One</h1><p>First chapter.</p>' }, { file: 'two.xhtml', body: '<h1>Two</h1><p>Second chapter.</p>' }],
    });
    const json = await readJson('small.epub', bytes);
    expect(json.metadata).toMatchObject({ type: 'book', title: 'Small Book', author: [{ family: 'Lee', given: 'Ann' }], issued: { 'date-parts': [[2010]] } });
    expect(json.blocks.map((b) => b.text)).toEqual(['One', 'First chapter.', 'Two', 'Second chapter.']);
  });
});
