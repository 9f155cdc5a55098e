import { describe, expect, it } from 'vitest';
import { parseDate } from './dates';

describe('parseDate', () => {
  it('reads years with and without brackets', () => {
    expect(parseDate('(2011).')?.date).toEqual({ 'date-parts': [[2011]] });
    expect(parseDate('1997,')?.date).toEqual({ 'date-parts': [[1997]] });
  });

  it('takes the year, not a page after a volume colon', () => {
    expect(parseDate('6:1933, 2017.')?.date).toEqual({ 'date-parts': [[2017]] });
    expect(parseDate('12:2001')?.date).toEqual({ 'date-parts': [[2001]] });
  });

  it('keeps the year letter as a suffix', () => {
    expect(parseDate('(1993a).')).toEqual({ date: { 'date-parts': [[1993]] }, yearSuffix: 'a' });
  });

  it('reads a day and month after the year', () => {
    expect(parseDate('2017. 30 May.')?.date).toEqual({ 'date-parts': [[2017, 5, 30]] });
    expect(parseDate('(2006, March 25)')?.date).toEqual({ 'date-parts': [[2006, 3, 25]] });
    expect(parseDate('septembre 2014,')?.date).toEqual({ 'date-parts': [[2014, 9]] });
    expect(parseDate('2010-03-05')?.date).toEqual({ 'date-parts': [[2010, 3, 5]] });
  });

  it('keeps "n.d." as a literal and gives up on other text', () => {
    expect(parseDate('(n.d.).')?.date).toEqual({ literal: 'n.d' });
    expect(parseDate('someday')).toBeUndefined();
  });
});
