import { describe, expect, it } from 'vitest';
import type { Block } from '../documents/model';
import { findMentions, type MentionableReference } from './mentions';

const references: MentionableReference[] = [
  { id: 'kuvshinova2017', csl: { id: 'kuvshinova2017', type: 'interview', author: [{ family: 'Kuvshinova', given: 'Mariia' }] } },
  { id: 'bykov2017', csl: { id: 'bykov2017', type: 'webpage', author: [{ family: 'Bykov', given: 'Dmitrii' }] } },
  { id: 'lee2001', csl: { id: 'lee2001', type: 'book', author: [{ family: 'Lee', given: 'K.' }] } },
];

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
});
