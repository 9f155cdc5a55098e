import { describe, expect, it } from 'vitest';
import { exportItems, formatBibliography, formatCitation } from './export';
import { CYRILLIC_WORK, seedWorksCited, useShippedStylesOffline } from './seed-works.fixture';

useShippedStylesOffline();

function entries(style: string): string[] {
  const result = exportItems(seedWorksCited(), style);
  if (!result.ok) throw new Error(result.error);
  return result.value.trim().split('\n');
}

function entryFor(lines: string[], family: string): string {
  const line = lines.find((l) => l.startsWith(family));
  if (!line) throw new Error(`no entry for ${family} in:\n${lines.join('\n')}`);
  return line;
}

describe('APA 7 bibliography of seed 001 Works Cited', () => {
  const lines = (): string[] => entries('apa');

  it('has one entry per work, sorted by author', () => {
    expect(lines().map((l) => l.split(',')[0])).toEqual(['Bykov', 'Kuvshinova', 'Smolina', 'Yuval-Davis']);
  });

  it('gives the chapter with initials, year after the author, editors, pages and no place', () => {
    const yuval = entryFor(lines(), 'Yuval-Davis');
    expect(yuval).toMatch(/^Yuval-Davis, N\. \(1997\)\. Gender and Nation \(1993\)\. /);
    expect(yuval).toContain('In J. P. Sharp & L. McDowell (Eds.), Space, Gender, Knowledge: Feminist Readings (pp. 403–408). Arnold.');
    // APA 7 dropped the publisher's location.
    expect(yuval).not.toContain('London');
  });

  it('dates newspaper articles to the day and marks the interview', () => {
    expect(entryFor(lines(), 'Bykov')).toMatch(/^Bykov, D\. \(2017, May 30\)\. Dve bedy: tesnota i nelubov’\./);
    expect(entryFor(lines(), 'Smolina')).toContain('[Interview]');
  });
});

describe('MLA 9 bibliography of seed 001 Works Cited', () => {
  const lines = (): string[] => entries('mla');

  it('spells out the first name, quotes the title and ends with the date', () => {
    expect(entryFor(lines(), 'Bykov')).toBe('Bykov, Dmitrii. “Dve Bedy: Tesnota i Nelubov’.” Sobesednik.ru, 30 May 2017.');
  });

  it('gives the chapter with "edited by", publisher, year and abbreviated pages', () => {
    expect(entryFor(lines(), 'Yuval-Davis')).toBe(
      'Yuval-Davis, Nira. “Gender and Nation (1993).” Space, Gender, Knowledge: Feminist Readings, edited by Joanne P. Sharp and Linda McDowell, Arnold, 1997, pp. 403–08.',
    );
  });
});

describe('Chicago author-date bibliography of seed 001 Works Cited', () => {
  const lines = (): string[] => entries('chicago');

  it('puts the year right after the author and keeps "London: Arnold"', () => {
    const yuval = entryFor(lines(), 'Yuval-Davis');
    expect(yuval).toMatch(/^Yuval-Davis, Nira\. 1997\. “Gender and Nation \(1993\)\.” In Space, Gender, Knowledge: Feminist Readings, edited by Joanne P\. Sharp and Linda McDowell, /);
    // Chicago abbreviates the second number of a page range.
    expect(yuval).toContain('403–8. London: Arnold.');
  });

  it('dates a newspaper article in full after the periodical', () => {
    expect(entryFor(lines(), 'Kuvshinova')).toMatch(/^Kuvshinova, Mariia\. 2017\. .*Afisha Daily, July 26, 2017\.$/);
  });
});

describe('locales', () => {
  it('formats a Cyrillic work with Russian terms and dates under ru-RU', () => {
    const result = formatBibliography([CYRILLIC_WORK], 'mla', { locale: 'ru-RU' });
    expect(result).toEqual({ ok: true, value: 'Кувшинова, Мария. «„Теснота“: разговор с Кантемиром Балаговым». Сеанс, т. 65, июль 2017 г., сс. 112–18.\n' });
  });

  it('uses the style’s own locale when none is named (GOST is Russian)', () => {
    const result = formatBibliography([CYRILLIC_WORK], 'gost-r-7-0-5-2008');
    expect(result).toEqual({ ok: true, value: '1. Кувшинова М. «Теснота»: разговор с Кантемиром Балаговым // Сеанс. 2017. Т. 65. С. 112–118.\n' });
  });

  it('keeps italics in HTML output', () => {
    const result = formatBibliography([CYRILLIC_WORK], 'apa', { output: 'html' });
    expect(result.ok && result.value).toContain('<i>Сеанс</i>, <i>65</i>, 112–118.');
  });
});

describe('formatCitation', () => {
  const [, , , yuvalDavis] = seedWorksCited();

  it('formats one in-text citation per style, with a page when given', () => {
    expect(formatCitation([yuvalDavis!], 'chicago', { locator: '405' })).toEqual({ ok: true, value: '(Yuval-Davis 1997, 405)' });
    expect(formatCitation([yuvalDavis!], 'apa')).toEqual({ ok: true, value: '(Yuval-Davis, 1997)' });
    expect(formatCitation([yuvalDavis!], 'mla', { locator: '405' })).toEqual({ ok: true, value: '(Yuval-Davis 405)' });
    expect(formatCitation([CYRILLIC_WORK], 'apa', { locale: 'ru-RU', locator: '113' })).toEqual({ ok: true, value: '(Кувшинова, 2017, с. 113)' });
  });

  it('cites several works in one parenthesis', () => {
    const [bykov, kuvshinova] = seedWorksCited();
    expect(formatCitation([kuvshinova!, bykov!], 'chicago')).toEqual({ ok: true, value: '(Kuvshinova 2017; Bykov 2017)' });
  });

  it('refuses an empty list', () => {
    expect(formatCitation([], 'apa').ok).toBe(false);
  });
});

describe('errors', () => {
  it('names the styles and locales that are available', () => {
    expect(exportItems(seedWorksCited(), 'harvard1')).toEqual({
      ok: false,
      error: 'The citation style "harvard1" is not available (registered styles: apa, chicago-author-date, gost-r-7-0-5-2008, modern-language-association).',
    });
    expect(exportItems(seedWorksCited(), 'apa', { locale: 'de-DE' })).toEqual({
      ok: false,
      error: 'The locale "de-DE" is not available (registered locales: en-US, ru-RU).',
    });
  });
});
