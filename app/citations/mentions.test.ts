import { describe, expect, it } from 'vitest';
import type { Block } from '../documents/model';
import { findMentions, type MentionableReference } from './mentions';

const references: MentionableReference[] = [
  { id: 'kuvshinova2017', csl: { id: 'kuvshinova2017', type: 'interview', author: [{ family: 'Kuvshinova', given: 'Mariia' }] } },
  { id: 'bykov2017', csl: { id: 'bykov2017', type: 'webpage', author: [{ family: 'Bykov', given: 'Dmitrii' }] } },
  { id: 'lee2001', csl: { id: 'lee2001', type: 'book', author: [{ family: 'Lee', given: 'K.' }] } },
];

const SYLLABLES = ['ka', 'lo', 'mi', 'nu', 'pe', 'ro', 'si', 'tu', 'vo', 'ze'];

function paragraphs(text: string): Block[] {
  const blocks: Block[] = [];
  let pos = 0;
  for (const part of text.split('\n')) {
    blocks.push({ kind: 'paragraph', start: pos, end: pos + part.length });
    pos += part.length + 1;
  }
  return blocks;
}

describe('findMentions', () => {
  it('finds a cited author named in full, across spellings', () => {
    const text = 'In her interview, Mariia Kuvshinova commented on it.\nFilm critic Maria Kuvshinova has noted the same.';
    const found = findMentions(text, references, { blocks: paragraphs(text), skip: [], citations: [] });
    expect(found.map((m) => [m.text, m.referenceIds])).toEqual([
      ['Mariia Kuvshinova', ['kuvshinova2017']],
      ['Maria Kuvshinova', ['kuvshinova2017']],
    ]);
  });

  it('skips names in the list, in citations, echoes of a citation, and initials-only authors', () => {
    const text = 'Awards” (Bykov 2017). Such was Dmitrii Bykov’s response.\nK. Lee and Kim Lee wrote.\nKuvshinova, Mariia. 2017. Mariia Kuvshinova beseduet.';
    const listStart = text.indexOf('Kuvshinova, Mariia');
    const cite = { start: text.indexOf('(Bykov'), end: text.indexOf('(Bykov') + 12, referenceIds: ['bykov2017'] };
    const found = findMentions(text, references, { blocks: paragraphs(text), skip: [{ start: listStart, end: text.length }], citations: [cite] });
    expect(found).toEqual([]);
  });

  it('keeps a mention that introduces a later citation of the same work', () => {
    const text = 'Dmitrii Bykov wrote a poem (Bykov 2017).';
    const cite = { start: text.indexOf('('), end: text.length - 1, referenceIds: ['bykov2017'] };
    const found = findMentions(text, references, { blocks: paragraphs(text), skip: [], citations: [cite] });
    expect(found.map((m) => m.text)).toEqual(['Dmitrii Bykov']);
  });

  it('matches spellings one typo apart, lists every reference by the author in reference order, and ignores other initials', () => {
    const refs: MentionableReference[] = [
      { id: 'tsypin2019', csl: { id: 'tsypin2019', type: 'book', author: [{ family: 'Tsypin', given: 'Artem' }] } },
      { id: 'other', csl: { id: 'other', type: 'book', author: [{ family: 'Tsypin', given: 'Boris' }] } },
      { id: 'tsypin2021', csl: { id: 'tsypin2021', type: 'book', author: [{ family: 'Tsypin', given: 'Artem' }] } },
    ];
    const text = 'Atrem Tsypin wrote it. Later Artem Tsypin wrote more, and Anton Tsypin nothing.';
    const found = findMentions(text, refs, { blocks: paragraphs(text), skip: [], citations: [] });
    expect(found.map((m) => [m.text, m.referenceIds])).toEqual([
      ['Atrem Tsypin', ['tsypin2019', 'tsypin2021']],
      ['Artem Tsypin', ['tsypin2019', 'tsypin2021']],
    ]);
  });

  it('treats only a citation earlier in the same block as an echo', () => {
    const text = 'A poem (Bykov 2017).\nDmitrii Bykov replied. (Bykov 2017) Dmitrii Bykov again.';
    const first = text.indexOf('(Bykov');
    const second = text.lastIndexOf('(Bykov');
    const citations = [first, second].map((start) => ({ start, end: start + 12, referenceIds: ['bykov2017'] }));
    const found = findMentions(text, references, { blocks: paragraphs(text), skip: [], citations });
    expect(found.map((m) => m.start)).toEqual([text.indexOf('Dmitrii')]);
  });

  it('finds the mentions of a document citing 2,000 references, each once', () => {
    const refs: MentionableReference[] = [];
    const lines: string[] = [];
    for (let i = 0; i < 2000; i++) {
      // Four syllables from ten: 2,000 family names that stay distinct when folded.
      const family = [i % 10, Math.floor(i / 10) % 10, Math.floor(i / 100) % 10, Math.floor(i / 1000)].map((d) => SYLLABLES[d]).join('').replace(/^./, (c) => c.toUpperCase());
      refs.push({ id: `r${i}`, csl: { id: `r${i}`, type: 'book', author: [{ family, given: 'Mariia' }, { family: 'Common', given: `Given${i}` }] } });
      lines.push(`As Mariia ${family} wrote, Given Nobody and Maria ${family} agree.`);
    }
    const text = lines.join('\n');
    const found = findMentions(text, refs, { blocks: paragraphs(text), skip: [], citations: [] });
    expect(found).toHaveLength(4000);
    expect(found[1]?.text).toBe('Maria Kakakaka');
    expect(found[1]?.referenceIds).toEqual(['r0']);
  });
});
