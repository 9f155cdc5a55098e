import { describe, expect, it } from 'vitest';
import { draftProblem, MAX_DRAFT_BYTES, MAX_PASTED_CHARACTERS, pastedProblem } from './draft-limits';

const utf8 = (text: string) => new TextEncoder().encode(text);

describe('drafts the view refuses before reading', () => {
  it('reads a text draft and a UTF-16 one', () => {
    expect(draftProblem('essay.md', utf8('As she writes, “quoted words here” (Ezerova 2018).'))).toBeNull();
    expect(draftProblem('essay.txt', new Uint8Array([0xff, 0xfe, 0x41, 0x00, 0x42, 0x00]))).toBeNull();
  });
  it('refuses an empty, a binary and a huge file with a sentence naming it', () => {
    expect(draftProblem('empty.txt', new Uint8Array())).toBe('“empty.txt” is empty: there is nothing to check.');
    expect(draftProblem('photo.md', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]))).toBe('“photo.md” is not a text file: open the draft as .txt, .md or .docx.');
    const huge = { byteLength: MAX_DRAFT_BYTES + 1, subarray: () => new Uint8Array() } as unknown as Uint8Array;
    expect(draftProblem('thesis.docx', huge)).toBe('“thesis.docx” is 32 MB: Lectern checks drafts of up to 32 MB.');
  });
  it('leaves a .docx (a zip, full of NUL bytes) to its reader', () => {
    expect(draftProblem('essay.docx', new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0, 0, 0, 0]))).toBeNull();
  });
  it('asks for a passage with text, and not a book', () => {
    expect(pastedProblem('  \n ')).toBe('Paste a passage with its quotations first.');
    expect(pastedProblem('x'.repeat(MAX_PASTED_CHARACTERS + 1))).toMatch(/too long/);
    expect(pastedProblem('“words” (A 2000)')).toBeNull();
  });
});
