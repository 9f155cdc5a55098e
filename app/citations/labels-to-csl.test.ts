import { describe, expect, it } from 'vitest';
import { spansToCsl } from './labels-to-csl';

describe('spansToCsl dates', () => {
  it('takes the year after a page the labeller read as part of the date ("6:1933, 2017.")', () => {
    const item = spansToCsl([
      { label: 'author', text: 'Tina Lohse and Torsten Hothorn.' },
      { label: 'title', text: 'Continuous outcome logistic regression.' },
      { label: 'journal', text: 'F1000Research,' },
      { label: 'volume', text: '6:' },
      { label: 'date', text: '1933, 2017.' },
    ]);
    expect(item.issued).toEqual({ 'date-parts': [[2017]] });
  });

  it('keeps a date that follows a volume without a colon', () => {
    const item = spansToCsl([{ label: 'journal', text: 'Screen' }, { label: 'volume', text: '16,' }, { label: 'date', text: '1975.' }]);
    expect(item.issued).toEqual({ 'date-parts': [[1975]] });
  });
});
