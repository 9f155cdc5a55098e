import { describe, expect, it } from 'vitest';
import type { CheckReport, QuoteCheck } from '../../../app/check/report';
import { count, draftLocatorText, locatorText, problemText, progressText, reportFileName, rowLabel, summaryLine, summaryParts, verdictLabel, workAuthors, workYear } from './report-text';

const item = { id: 'ezerova', type: 'review', title: 'Kantemir Balagov: Closeness', author: [{ family: 'Ezerova', given: 'Daria' }], issued: { 'date-parts': [[2018]] } };

function found(overrides: Partial<QuoteCheck> = {}): QuoteCheck {
  return {
    quote: { start: 10, end: 40, text: 'the words quoted', block: false },
    verdict: 'verbatim',
    source: { docId: 'doc-1', title: 'Kantemir Balagov: Closeness', start: 100, end: 116, text: 'the words quoted', locator: { label: 'page', value: 12 }, item },
    citation: { found: { start: 42, end: 64, text: '(Ezerova 2017, p. 14)', names: ['Ezerova'], year: '2017', locator: '14' }, problems: [], expected: '(Ezerova, 2018, p. 12)' },
    ...overrides,
  };
}

describe('the summary line', () => {
  it('counts quotations by verdict, citation problems and the reference list', () => {
    const summary: CheckReport['summary'] = { quotes: 5, verbatim: 2, differs: 1, notFound: 2, citationProblems: 3, citedNotListed: 1, listedNotCited: 0 };
    expect(summaryParts(summary)).toEqual(['5 quotations: 2 verbatim, 1 differs, 2 not found', '3 citation problems', 'references: 1 cited but not listed, 0 listed but never cited']);
    expect(summaryLine({ ...summary, quotes: 1, verbatim: 1, differs: 0, notFound: 0, citationProblems: 1 })).toBe(
      '1 quotation: 1 verbatim, 0 differ, 0 not found; 1 citation problem; references: 1 cited but not listed, 0 listed but never cited',
    );
  });
  it('says one or many', () => {
    expect(count(1, 'source')).toBe('1 source');
    expect(count(0, 'source')).toBe('0 sources');
    expect(count(2, 'entry', 'entries')).toBe('2 entries');
  });
});

describe('verdicts and locators in words', () => {
  it('names each verdict', () => {
    expect(['verbatim', 'differs', 'not-found'].map((v) => verdictLabel(v as QuoteCheck['verdict']))).toEqual(['Verbatim', 'Differs', 'Not found']);
  });
  it('cites a printed page label as it is printed, a paragraph by its number', () => {
    expect(locatorText({ label: 'page', value: 'ii' })).toBe('p. ii');
    expect(locatorText({ label: 'page', value: 1 })).toBe('p. 1');
    expect(locatorText({ label: 'paragraph', value: 14 })).toBe('para. 14');
    expect(locatorText(null)).toBeNull();
  });
  it('labels the draft’s own pinpoint, keeping one it labelled itself', () => {
    expect(draftLocatorText('14')).toBe('p. 14');
    expect(draftLocatorText('405–406')).toBe('pp. 405–406');
    expect(draftLocatorText('¶ 10')).toBe('¶ 10');
    expect(draftLocatorText('para. 3')).toBe('para. 3');
    expect(draftLocatorText('xii')).toBe('p. xii');
  });
  it('reads a work’s year and authors, with n.d. and editors as fallbacks', () => {
    expect(workYear(item)).toBe('2018');
    expect(workYear({ id: 'x', type: 'book' })).toBe('n.d.');
    expect(workAuthors(item)).toBe('Ezerova');
    expect(workAuthors({ id: 'x', type: 'book', editor: [{ family: 'Sharp' }, { family: 'McDowell' }] })).toBe('Sharp and McDowell');
    expect(workAuthors({ id: 'x', type: 'book', author: [{ family: 'A' }, { family: 'B' }, { family: 'C' }] })).toBe('A et al.');
  });
});

describe('citation problems in words', () => {
  it('says where the passage is and what the draft says', () => {
    const check = found();
    expect(problemText('wrong-page', check)).toBe('The page is wrong: the passage is on p. 12, the draft says p. 14.');
    expect(problemText('wrong-year', check)).toBe('The year is wrong: the source is from 2018, the draft says 2017.');
    expect(problemText('missing-page', check)).toBe('The page is missing: the passage is on p. 12.');
    expect(problemText('missing-citation', { ...check, citation: { problems: ['missing-citation'], expected: '(Ezerova, 2018, p. 12)' } })).toBe(
      'The citation is missing: nothing cites this quotation; cite it as (Ezerova, 2018, p. 12).',
    );
    const other = { ...check, citation: { ...check.citation!, found: { ...check.citation!.found!, names: ['Smolina'] } } };
    expect(problemText('wrong-author', other)).toBe('The author is wrong: the source is by Ezerova, the draft names Smolina.');
  });
  it('speaks of paragraphs for a source cited by paragraph', () => {
    const check = found({ source: { ...found().source!, locator: { label: 'paragraph', value: 3 } } });
    expect(problemText('wrong-page', check)).toBe('The paragraph is wrong: the passage is in para. 3, the draft says p. 14.');
    expect(problemText('missing-page', check)).toBe('The paragraph is missing: the passage is in para. 3.');
  });
});

describe('rows, progress and the file name', () => {
  it('names a row by its verdict, source, locator and problems', () => {
    expect(rowLabel(found({ citation: { ...found().citation!, problems: ['wrong-page', 'wrong-year'] } }), 0)).toBe(
      'Quotation 1: Verbatim. Kantemir Balagov: Closeness, p. 12. 2 citation problems. Enter opens the source at the passage',
    );
    const { source: _source, citation: _citation, ...rest } = found();
    expect(rowLabel({ ...rest, verdict: 'not-found' }, 2)).toBe('Quotation 3: Not found');
  });
  it('says what a running check is doing', () => {
    expect(progressText(null)).toBe('Reading the draft…');
    expect(progressText({ phase: 'sources', done: 2, total: 5 })).toBe('Reading your sources: 2 of 5');
    expect(progressText({ phase: 'quotes', sources: 1 })).toBe('Looking up the quotations in 1 source…');
  });
  it('saves the report under the draft’s name', () => {
    expect(reportFileName('essay.docx')).toBe('essay-quote-check.md');
    expect(reportFileName('Pasted text')).toBe('Pasted text-quote-check.md');
    expect(reportFileName('a/b:c.md')).toBe('a-b-c-quote-check.md');
    expect(reportFileName('.md')).toBe('draft-quote-check.md');
  });
});
