import { describe, expect, it } from 'vitest';
import type { CheckReport } from './report';
import { reportMarkdown } from './report-markdown';

const ITEM = { id: 'e', type: 'review', author: [{ family: 'Ezerova' }], issued: { 'date-parts': [[2018]] } };

const REPORT: CheckReport = {
  draft: { fileName: 'my_draft*.md', characters: 1200 },
  style: 'apa',
  sources: 5,
  quotes: [
    {
      quote: { start: 10, end: 40, text: 'is a brave\ncommentary', block: false },
      verdict: 'differs',
      diff: [
        { kind: 'same', text: 'is a' },
        { kind: 'removed', text: 'bold' },
        { kind: 'added', text: 'brave' },
        { kind: 'same', text: 'commentary' },
      ],
      source: { docId: 'd1', title: 'Closeness *review*', start: 5, end: 30, text: 'is a bold commentary', locator: { label: 'paragraph', value: 11 }, item: ITEM },
      citation: { found: { start: 41, end: 60, text: '(Ezerova 2018, para. 12)', names: ['Ezerova'], year: '2018', locator: 'para. 12' }, problems: ['wrong-page'], expected: '(Ezerova, 2018, para. 11)' },
    },
    { quote: { start: 70, end: 90, text: 'from nowhere at all', block: false }, verdict: 'not-found' },
    {
      quote: { start: 100, end: 130, text: 'licence words here', block: true },
      verdict: 'verbatim',
      source: { docId: 'd2', title: 'The libcoin Package', start: 1, end: 9, text: 'licence words here', locator: { label: 'page', value: 'ii' }, item: ITEM },
      citation: { problems: [], expected: '(Hothorn, 2021, p. ii)' },
    },
  ],
  references: { hasList: true, citedNotListed: [{ start: 1, end: 2, text: '(Kuvshinova 2017)', names: ['Kuvshinova'], year: '2017' }], listedNotCited: [{ index: 2, raw: 'Petrova, Anna. 2019. _Women_.' }] },
  summary: { quotes: 3, verbatim: 1, differs: 1, notFound: 1, citationProblems: 1, citedNotListed: 1, listedNotCited: 1 },
};

describe('reportMarkdown', () => {
  it('writes a summary, a section per quotation and the reference list check, escaped', () => {
    expect(reportMarkdown(REPORT)).toBe(
      [
        '# Quote check: my\\_draft\\*.md',
        '',
        '3 quotations checked against 5 sources (style: apa): 1 verbatim, 1 differ, 1 not found; 1 with citation problems.',
        '',
        '## Quotations',
        '',
        '### 1. Differs from the source',
        '',
        '> is a brave commentary',
        '',
        '- Against the source (~~source only~~, **draft only**): is a ~~bold~~ **brave** commentary',
        '- Source: Closeness \\*review\\*, para. 11',
        '- Expected citation: (Ezerova, 2018, para. 11)',
        '- Draft’s citation: (Ezerova 2018, para. 12)',
        '- Problems: the citation gives another page or paragraph',
        '',
        '### 2. Not found in the library',
        '',
        '> from nowhere at all',
        '',
        '### 3. Verbatim',
        '',
        '> licence words here',
        '',
        '- Source: The libcoin Package, p. ii',
        '- Expected citation: (Hothorn, 2021, p. ii)',
        '- Citation: right',
        '',
        '## Reference list',
        '',
        'Cited but not listed:',
        '',
        '- (Kuvshinova 2017)',
        '',
        'Listed but never cited:',
        '',
        '- Petrova, Anna. 2019. \\_Women\\_.',
        '',
      ].join('\n'),
    );
  });

  it('says when there is nothing to report', () => {
    const empty = reportMarkdown({ ...REPORT, quotes: [], references: { hasList: false, citedNotListed: [], listedNotCited: [] }, summary: { ...REPORT.summary, quotes: 0 } });
    expect(empty).toContain('The draft quotes nothing');
    expect(empty).toContain('The draft has no reference list');
  });
});
