import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { importFile, SUPPORTED_EXTENSIONS } from './import';
import type { ParsedDocument, Result } from './model';

const seedBytes = (name: string) => new Uint8Array(readFileSync(new URL(`../../../shared/seeds/${name}`, import.meta.url)));
const utf8 = (text: string) => new TextEncoder().encode(text);

function value(result: Result<ParsedDocument>): ParsedDocument {
  if (!result.ok) throw new Error(result.error);
  return result.value;
}

function expectBlocksInside(document: ParsedDocument): void {
  for (const block of document.blocks) {
    expect(block.start).toBeGreaterThanOrEqual(0);
    expect(block.start).toBeLessThanOrEqual(block.end);
    expect(block.end).toBeLessThanOrEqual(document.text.length);
    for (const mark of block.marks ?? []) {
      expect(mark.start).toBeGreaterThanOrEqual(block.start);
      expect(mark.end).toBeLessThanOrEqual(block.end);
    }
  }
}

describe('importFile', () => {
  it('lists the extensions it reads', () => {
    expect(SUPPORTED_EXTENSIONS).toEqual(expect.arrayContaining(['.txt', '.text', '.md', '.markdown', '.html', '.htm', '.xhtml', '.docx', '.epub']));
  });

  it('identifies a document by the SHA-256 of its bytes, the same on every import', async () => {
    const first = value(await importFile('a.txt', utf8('Closeness')));
    const again = value(await importFile('renamed.txt', utf8('Closeness')));
    const other = value(await importFile('a.txt', utf8('Closeness!')));
    expect(first.id).toMatch(/^[0-9a-f]{64}$/);
    expect(again.id).toBe(first.id);
    expect(other.id).not.toBe(first.id);
  });

  it('computes the standard SHA-256', async () => {
    const document = value(await importFile('abc.txt', utf8('abc')));
    expect(document.id).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });

  it('imports a seed with text, blocks, size and encoding filled in', async () => {
    const bytes = seedBytes('001_94063d3630a703df.txt');
    const document = value(await importFile('001_94063d3630a703df.txt', bytes));
    expect(document).toMatchObject({ format: 'txt', fileName: '001_94063d3630a703df.txt', byteLength: bytes.length, encoding: 'utf-8' });
    expect(document.blocks.length).toBe(33);
    expect(document.blocks.find((b) => b.kind === 'heading' && document.text.slice(b.start, b.end) === 'Works Cited')).toBeDefined();
    expectBlocksInside(document);
  });

  it('dispatches .md and .markdown to the Markdown reader, case-insensitively', async () => {
    const document = value(await importFile('Notes.MARKDOWN', utf8('# Closeness\n\nA *film* by Kantemir Balagov.')));
    expect(document.format).toBe('md');
    expect(document.metadata.title).toBe('Closeness');
    expect(document.provenance.titleIsFallback).toBe(false);
    expect(document.blocks.map((b) => b.kind)).toEqual(['heading', 'paragraph']);
  });

  it('refuses unsupported files by name', async () => {
    const sheet = await importFile('grades.xlsx', utf8('PK'));
    expect(sheet.ok).toBe(false);
    expect(sheet.ok ? '' : sheet.error).toMatch(/^Lectern cannot open “grades\.xlsx”: it reads .*\.txt.*\.md/);
    const readme = await importFile('README', utf8('hello'));
    expect(readme.ok ? '' : readme.error).toContain('“README”');
  });

  it('refuses empty and binary files with a message naming them', async () => {
    expect(await importFile('x.txt', new Uint8Array())).toEqual({ ok: false, error: '“x.txt” is empty.' });
    expect(await importFile('x.md', utf8('\n  \n'))).toEqual({ ok: false, error: '“x.md” is empty.' });
    expect(await importFile('x.txt', new Uint8Array([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0, 0, 0]))).toEqual({
      ok: false,
      error: '“x.txt” does not look like a text file (it contains binary data).',
    });
  });

  it('calls a Markdown file with no readable words empty', async () => {
    expect(await importFile('x.md', utf8('<!-- nothing -->\n\n[ref]: http://example.com\n'))).toEqual({ ok: false, error: '“x.md” is empty.' });
  });

  it('never throws and keeps every block inside the text, for any bytes named .txt', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 400 }), async (bytes) => {
        const result = await importFile('any.txt', bytes);
        if (result.ok) expectBlocksInside(result.value);
        else expect(result.error).toContain('“any.txt”');
      }),
      { numRuns: 300 },
    );
  });

  it('never throws and keeps every block and mark inside the text, for any string named .md', async () => {
    const markdownish = fc.stringMatching(/^[-#*_>`[\]()!|:\n a-zA-Zé1.]{0,200}$/);
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.string({ maxLength: 300 }), markdownish), async (source) => {
        const result = await importFile('any.md', utf8(source));
        if (result.ok) expectBlocksInside(result.value);
        else expect(result.error).toContain('“any.md”');
      }),
      { numRuns: 300 },
    );
  });
});
