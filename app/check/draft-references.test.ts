import { describe, expect, it } from 'vitest';
import { findDocumentCitations } from '../citations/document-citations';
import { checkReferenceList } from './draft-references';
import { draftFromText } from './read-draft';

function check(text: string, extra: Parameters<typeof checkReferenceList>[1] = []) {
  const draft = draftFromText(text);
  return checkReferenceList(findDocumentCitations({ id: 'd', text: draft.text, blocks: draft.blocks }), extra);
}

const LIST = [
  'References',
  '',
  'Bykov, Dmitrii. 2017. “Dve bedy.” Sobesednik.ru. 30 May.',
  '',
  'Ezerova, Daria. 2018. “Kantemir Balagov: Closeness.” KinoKultura 60.',
  '',
  'Petrova, Anna. 2019. “Women in Recent Russian Cinema.” Slavic Review 78 (2): 12–30.',
].join('\n');

describe('checkReferenceList', () => {
  it('finds citations with no entry and entries never cited', () => {
    const result = check(`The film was praised (Bykov 2017) and read closely by Ezerova (2018), as by others (Kuvshinova 2017).\n\n${LIST}`);
    expect(result.hasList).toBe(true);
    expect(result.citedNotListed).toEqual([expect.objectContaining({ text: '(Kuvshinova 2017)', names: ['Kuvshinova'], year: '2017' })]);
    expect(result.listedNotCited).toEqual([expect.objectContaining({ index: 2, raw: 'Petrova, Anna. 2019. “Women in Recent Russian Cinema.” Slavic Review 78 (2): 12–30.' })]);
  });

  it('counts citations beside quotations that the engine does not read (MLA, no year)', () => {
    const text = `The film was praised (Bykov 2017) and read closely.\n\n${LIST}`;
    const mla = { start: 0, end: 5, text: '(Ezerova 12)', names: ['Ezerova'], locator: '12' };
    const stranger = { start: 6, end: 9, text: '(Ivanov 4)', names: ['Ivanov'], locator: '4' };
    const result = check(text, [mla, stranger]);
    expect(result.listedNotCited.map((e) => e.index)).toEqual([2]);
    expect(result.citedNotListed).toEqual([stranger]);
  });

  it('has nothing to compare without a list', () => {
    expect(check('The film was praised (Bykov 2017).')).toEqual({ hasList: false, citedNotListed: [], listedNotCited: [] });
  });
});
