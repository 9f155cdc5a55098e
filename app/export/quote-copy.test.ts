import { describe, expect, it } from 'vitest';
import type { CslItem } from '../documents/model';
import { formatPassageCitation } from './passage-citation';
import { normaliseQuote, quoteWithCitation } from './quote-copy';
import { useShippedStylesOffline } from './seed-works.fixture';

useShippedStylesOffline();

const EZEROVA: CslItem = {
  id: 'seed-001',
  type: 'review',
  title: 'Kantemir Balagov: Closeness (Tesnota, 2017)',
  author: [{ family: 'Ezerova', given: 'Daria' }],
  issued: { 'date-parts': [[2018]] },
  issue: '60',
};
const PARA_10 = { label: 'paragraph', value: 10 } as const;
const QUOTE = 'the protagonist   is\na girl';

describe('quoteWithCitation', () => {
  it('cites a paragraph in APA', () => {
    expect(quoteWithCitation(QUOTE, EZEROVA, PARA_10, 'apa').text).toBe('“the protagonist is a girl” (Ezerova, 2018, para. 10)');
  });

  it('cites a paragraph in Chicago author-date, without the comma after the name', () => {
    expect(quoteWithCitation(QUOTE, EZEROVA, PARA_10, 'chicago').text).toBe('“the protagonist is a girl” (Ezerova 2018, para. 10)');
  });

  it('cites a paragraph in MLA, by author alone and with a space before the number', () => {
    expect(quoteWithCitation(QUOTE, EZEROVA, PARA_10, 'mla').text).toBe('“the protagonist is a girl” (Ezerova, para. 10)');
  });

  it('cites pages as each style does', () => {
    const page = { label: 'page', value: 405 } as const;
    expect(quoteWithCitation('x', EZEROVA, page, 'apa').text).toBe('“x” (Ezerova, 2018, p. 405)');
    expect(quoteWithCitation('x', EZEROVA, page, 'chicago').text).toBe('“x” (Ezerova 2018, 405)');
    expect(quoteWithCitation('x', EZEROVA, page, 'mla').text).toBe('“x” (Ezerova 405)');
    expect(quoteWithCitation('x', EZEROVA, '405', 'apa').text).toBe('“x” (Ezerova, 2018, p. 405)');
  });

  it('cites the whole work without a locator', () => {
    expect(quoteWithCitation('x', EZEROVA, undefined, 'apa').text).toBe('“x” (Ezerova, 2018)');
  });

  it('moves a closing full stop after the citation but keeps other end marks inside', () => {
    expect(quoteWithCitation('She leaves.', EZEROVA, PARA_10, 'apa').text).toBe('“She leaves” (Ezerova, 2018, para. 10).');
    expect(quoteWithCitation('Does she leave?', EZEROVA, PARA_10, 'apa').text).toBe('“Does she leave?” (Ezerova, 2018, para. 10)');
    expect(quoteWithCitation('And then...', EZEROVA, null, 'apa').text).toBe('“And then...” (Ezerova, 2018)');
  });

  it('gives escaped HTML for rich paste', () => {
    const copy = quoteWithCitation('a < b & c', EZEROVA, PARA_10, 'apa');
    expect(copy.html).toBe('<span>“a &lt; b &amp; c” (Ezerova, 2018, para. 10)</span>');
  });

  it("falls back to Lectern's short citation when the style is not registered", () => {
    expect(quoteWithCitation('x', EZEROVA, PARA_10, 'no-such-style').text).toBe('“x” (Ezerova 2018, ¶ 10)');
  });
});

describe('normaliseQuote', () => {
  it('collapses whitespace and turns inner double quotes to single ones', () => {
    expect(normaliseQuote('  called  it\n“Tesnota” and "Closeness" ')).toBe('called it ‘Tesnota’ and ‘Closeness’');
  });
});

describe('formatPassageCitation', () => {
  it('says which styles exist when asked for an unknown one', () => {
    const result = formatPassageCitation(EZEROVA, 'no-such-style', PARA_10);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toContain('apa');
  });
});
