import { describe, expect, it } from 'vitest';
import { buildDocx, para } from '../documents/docx/docx-fixture';
import { findDraftQuotes } from './draft-quotes';
import { draftFromText, readDraft } from './read-draft';

const encode = (text: string) => new TextEncoder().encode(text);

describe('readDraft', () => {
  it('reads a Markdown draft, its "> " block as a quote block', async () => {
    const draft = await readDraft('essay.md', encode('# Essay\n\nShe writes:\n\n> The community has to choose which of the two hostages they will rescue.\n\nThat is all.\n'));
    expect(draft.ok).toBe(true);
    if (!draft.ok) return;
    expect(draft.value.fileName).toBe('essay.md');
    const quote = draft.value.blocks.find((b) => b.kind === 'quote');
    expect(quote && draft.value.text.slice(quote.start, quote.end)).toBe('The community has to choose which of the two hostages they will rescue.');
    expect(findDraftQuotes(draft.value.text, draft.value.blocks).map((q) => q.block)).toEqual([true]);
  });

  it('reads a Word draft, its Quote-styled paragraph as a quote block', async () => {
    const bytes = buildDocx({ body: [para('Essay', 'Title'), para('She writes:'), para('The community has to choose which of the two hostages they will rescue.', 'Quote'), para('As “the film’s epilogue thus becomes” a comment, so does the draft.')].join('') });
    const draft = await readDraft('essay.docx', bytes);
    expect(draft.ok).toBe(true);
    if (!draft.ok) return;
    const quotes = findDraftQuotes(draft.value.text, draft.value.blocks);
    expect(quotes.map((q) => [q.block, q.text])).toEqual([
      [true, 'The community has to choose which of the two hostages they will rescue.'],
      [false, 'the film’s epilogue thus becomes'],
    ]);
  });

  it('reads a plain-text draft', async () => {
    const draft = await readDraft('essay.txt', encode('As Ezerova writes, “the community has to choose which of the two hostages they will rescue.”\n'));
    expect(draft.ok && draft.value.text).toContain('the community has to choose');
  });

  it('refuses other kinds of file and broken ones with a message', async () => {
    const pdf = await readDraft('essay.pdf', encode('%PDF-1.4'));
    expect(pdf).toEqual({ ok: false, error: expect.stringMatching(/checks drafts written as \.txt, \.md, \.markdown, \.docx files; “essay\.pdf” is not one\./u) as string });
    expect((await readDraft('essay.txt', new Uint8Array())).ok).toBe(false);
    const broken = await readDraft('essay.docx', encode('not a zip at all'));
    expect(broken.ok).toBe(false);
    if (!broken.ok) expect(broken.error).toMatch(/essay\.docx/u);
  });
});

describe('draftFromText', () => {
  it('keeps paragraphs and line breaks, and reads ">" lines as a block quote', () => {
    const draft = draftFromText('First line\nsecond line.\r\n\r\n> Quoted words\n> go on here.\n\n\nLast.');
    expect(draft.fileName).toBe('Pasted text');
    expect(draft.blocks.map((b) => [b.kind, draft.text.slice(b.start, b.end)])).toEqual([
      ['paragraph', 'First line\nsecond line.'],
      ['quote', 'Quoted words\ngo on here.'],
      ['paragraph', 'Last.'],
    ]);
  });

  it('gives an empty draft for blank text', () => {
    expect(draftFromText('  \n\n ').blocks).toEqual([]);
  });
});
