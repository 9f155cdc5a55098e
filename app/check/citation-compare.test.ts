import { beforeAll, describe, expect, it } from 'vitest';
import { findDocumentCitations } from '../citations/document-citations';
import type { CslItem } from '../documents/model';
import { registerShippedStyles } from '../export/styles-node';
import { formatPassageCitation } from '../export/passage-citation';
import { registeredStyles } from '../export/styles';
import { citationOfQuote, compareCitation, ExpectedCitations, locatorMatches, readCitationText } from './citation-compare';
import { findDraftQuotes } from './draft-quotes';
import { draftFromText } from './read-draft';

const EZEROVA: CslItem = { id: 'ezerova2018', type: 'review', title: 'Kantemir Balagov: Closeness (Tesnota, 2017)', author: [{ family: 'Ezerova', given: 'Daria' }], issued: { 'date-parts': [[2018]] } };

beforeAll(async () => {
  const styles = await registerShippedStyles();
  if (!styles.ok) throw new Error(styles.error);
});

function citationIn(text: string, author?: string) {
  const draft = draftFromText(text);
  const [quote] = findDraftQuotes(draft.text, draft.blocks);
  const citations = findDocumentCitations({ id: 'd', text: draft.text, blocks: draft.blocks }).citations;
  return citationOfQuote(draft.text, quote!, citations, author);
}

describe('readCitationText', () => {
  it('reads author-date, APA, MLA and page-only shapes', () => {
    expect(readCitationText('Ezerova 2018, p. 12')).toEqual({ names: ['Ezerova'], year: '2018', locator: 'p. 12' });
    expect(readCitationText('Ezerova, 2018, para. 10')).toEqual({ names: ['Ezerova'], year: '2018', locator: 'para. 10' });
    expect(readCitationText('Yuval-Davis 1997: 405')).toEqual({ names: ['Yuval-Davis'], year: '1997', locator: '405' });
    expect(readCitationText('Ezerova 12')).toEqual({ names: ['Ezerova'], locator: '12' });
    expect(readCitationText('Sharp and McDowell 1997, pp. 403–408')).toEqual({ names: ['Sharp', 'McDowell'], year: '1997', locator: 'pp. 403–408' });
    expect(readCitationText('Hothorn et al. 2023, p. 3')).toEqual({ names: ['Hothorn'], year: '2023', locator: 'p. 3' });
    expect(readCitationText('p. xii')).toEqual({ names: [], locator: 'p. xii' });
    expect(readCitationText('see the film')).toBeNull();
    expect(readCitationText('in colour')).toBeNull();
  });
});

describe('citationOfQuote', () => {
  it('takes the parenthesis right after the quotation', () => {
    expect(citationIn('She writes “the film is a bold commentary on Russia” (Ezerova 2018, p. 12).')).toMatchObject({ text: '(Ezerova 2018, p. 12)', names: ['Ezerova'], year: '2018', locator: 'p. 12' });
  });

  it('completes "(p. 12)" with a narrative citation earlier in the sentence', () => {
    expect(citationIn('Ezerova (2018) writes that “the film is a bold commentary on Russia” (p. 12).')).toMatchObject({ text: '(p. 12)', names: ['Ezerova'], year: '2018', locator: 'p. 12' });
    expect(citationIn('Ezerova (2018) writes that “the film is a bold commentary on Russia”.')).toMatchObject({ text: 'Ezerova (2018)', names: ['Ezerova'], year: '2018' });
  });

  it('takes the author named in the sentence for an MLA page', () => {
    expect(citationIn('As Ezerova puts it, “the film is a bold commentary on Russia” (12).', 'Ezerova')).toMatchObject({ names: ['Ezerova'], locator: '12' });
  });

  it('finds nothing where no citation follows', () => {
    expect(citationIn('It is said that “the film is a bold commentary on Russia” and more.')).toBeUndefined();
    expect(citationIn('An earlier sentence (Ezerova 2018). Then “the film is a bold commentary on Russia” alone.')).toBeUndefined();
  });
});

describe('locatorMatches', () => {
  it('compares pages, printed labels, ranges and paragraphs', () => {
    const page = (value: string) => ({ label: 'page' as const, value });
    expect(locatorMatches('12', page('12'))).toBe(true);
    expect(locatorMatches('p. 13', page('12'))).toBe(false);
    expect(locatorMatches('pp. 11–13', page('12'))).toBe(true);
    expect(locatorMatches('405-8', page('406'))).toBe(true);
    expect(locatorMatches('p. II', page('ii'))).toBe(true);
    expect(locatorMatches('i–iii', page('ii'))).toBe(true);
    expect(locatorMatches('ii–3', page('2'))).toBe(false);
    expect(locatorMatches('para. 10', { label: 'paragraph', value: 10 })).toBe(true);
    expect(locatorMatches('¶ 10', { label: 'paragraph', value: 10 })).toBe(true);
    expect(locatorMatches('p. 10', { label: 'paragraph', value: 10 })).toBe(false);
    expect(locatorMatches('para. 10', page('10'))).toBe(false);
  });
});

describe('compareCitation', () => {
  const found = (names: string[], year?: string, locator?: string) => ({ start: 0, end: 1, text: '(…)', names, ...(year ? { year } : {}), ...(locator ? { locator } : {}) });
  const para = { label: 'paragraph' as const, value: 10 };

  it('finds a right citation right, and offers the style’s form', () => {
    expect(compareCitation(found(['Ezerova'], '2018', 'para. 10'), EZEROVA, para, 'apa')).toEqual({ found: found(['Ezerova'], '2018', 'para. 10'), problems: [], expected: '(Ezerova, 2018, para. 10)' });
    expect(compareCitation(found(['Ezerova'], undefined, 'p. ii'), EZEROVA, { label: 'page', value: 'ii' }, 'mla').expected).toBe('(Ezerova ii)');
  });

  it('names each problem', () => {
    expect(compareCitation(found(['Bykov'], '2017', 'para. 9'), EZEROVA, para, 'apa').problems).toEqual(['wrong-author', 'wrong-year', 'wrong-page']);
    expect(compareCitation(found(['Ezerova'], '2018a'), EZEROVA, para, 'apa').problems).toEqual(['missing-page']);
    expect(compareCitation(undefined, EZEROVA, para, 'apa')).toEqual({ problems: ['missing-citation'], expected: '(Ezerova, 2018, para. 10)' });
  });

  it('falls back to a plain author-date form when the style is not there', () => {
    expect(compareCitation(undefined, EZEROVA, para, 'no-such-style').expected).toBe('(Ezerova 2018, ¶ 10)');
  });
});

describe('ExpectedCitations', () => {
  it('prints what the citation engine prints, in every shipped style, for pages, labels and paragraphs', () => {
    const styles = registeredStyles();
    expect(styles.length).toBeGreaterThan(3);
    const locators = [{ label: 'page' as const, value: '12' }, { label: 'page' as const, value: 'ii' }, { label: 'paragraph' as const, value: 4 }, { label: 'page' as const, value: '405' }];
    for (const style of styles) {
      const expected = new ExpectedCitations(style);
      for (const locator of locators) {
        const direct = formatPassageCitation(EZEROVA, style, locator);
        expect(expected.get(EZEROVA, locator), `${style} ${locator.value}`).toBe(direct.ok ? direct.value : '(Ezerova 2018, ' + (locator.label === 'page' ? 'p. ' : '¶ ') + locator.value + ')');
      }
    }
  }, 60_000);
});
