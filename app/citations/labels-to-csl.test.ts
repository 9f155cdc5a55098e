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

describe('spansToCsl books after "in"', () => {
  it('reads what follows "in" as the book when the editors come after an editor cue', () => {
    const item = spansToCsl([
      { label: 'author', text: 'Yuval-Davis, Nira.' },
      { label: 'date', text: '1997.' },
      { label: 'title', text: '“Gender and Nation (1993)”' },
      { label: 'editor', text: 'in Space, Gender,' },
      { label: 'container-title', text: 'Knowledge: Feminist Readings,' },
      { label: 'editor', text: 'edited by Joanne P. Sharp and Linda McDowell,' },
      { label: 'pages', text: '403–408.' },
    ]);
    expect(item['container-title']).toBe('Space, Gender, Knowledge: Feminist Readings');
    expect(item.editor?.map((n) => n.family)).toEqual(['Sharp', 'McDowell']);
    expect(item.type).toBe('chapter');
  });

  it('leaves "In" editors alone when no other editor cue follows', () => {
    const item = spansToCsl([
      { label: 'author', text: 'Solon, G. (1999).' },
      { label: 'title', text: 'Intergenerational mobility in the labor market.' },
      { label: 'editor', text: 'In O. Ashenfelter & D. Card (Eds.),' },
      { label: 'container-title', text: 'Handbook of labor economics' },
    ]);
    expect(item.editor?.map((n) => n.family)).toEqual(['Ashenfelter', 'Card']);
    expect(item['container-title']).toBe('Handbook of labor economics');
  });
});

describe('spansToCsl GOST', () => {
  it('reads names after "/ под ред." as editors and strips the GOST separators', () => {
    const item = spansToCsl([
      { label: 'author', text: 'Иванов И. И.' },
      { label: 'title', text: 'Кино и общество' },
      { label: 'author', text: '/ под ред. П. П. Петрова.' },
      { label: 'location', text: '— М.:' },
      { label: 'publisher', text: 'Наука,' },
      { label: 'date', text: '2005.' },
    ]);
    expect(item.author?.map((n) => n.family)).toEqual(['Иванов']);
    expect(item.editor?.map((n) => n.family)).toEqual(['Петрова']);
    expect(item['publisher-place']).toBe('М');
    expect(item.publisher).toBe('Наука');
  });
});
