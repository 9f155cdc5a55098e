import { describe, expect, it } from 'vitest';
import { readingOrder } from './columns';
import { composeAccents, fromT1Codes, groupLines, type PdfLine, type TextRun } from './lines';
import { statedFromInfo } from './metadata';
import { removeRunningHeads } from './running-heads';

const run = (x: number, y: number, text: string, size = 10): TextRun => ({ x, y, width: text.length * size * 0.5, size, text });
const line = (x: number, y: number, text: string, page = 1, size = 10): PdfLine => ({ page, x, right: x + text.length * 5, y, size, text });

describe('fromT1Codes', () => {
  it('reads the control codes of T1 bitmap fonts as quotes, dashes and ligatures', () => {
    expect(fromT1Codes('Mulvey, Laura (1975). \x10Visual Pleasure\x11. pp. 6\x1518, the e\x1Bect we \x1Cnd \x16 \x1Dows')).toBe(
      'Mulvey, Laura (1975). “Visual Pleasure”. pp. 6–18, the effect we find — flows',
    );
    expect(fromT1Codes('plain text, tabs\tand all')).toBe('plain text, tabs\tand all');
  });
});

describe('composeAccents', () => {
  it('puts TeX accents that pdf.js returns apart back on their letters', () => {
    expect(composeAccents('W. Kr¨ amer and Rodr´ ıguez-Giron´ es, B¨onsch')).toBe('W. Krämer and Rodríguez-Gironés, Bönsch');
    expect(composeAccents('x <- `a` ^ b ~ c')).toBe('x <- `a` ^ b ~ c');
  });
});

describe('groupLines', () => {
  it('joins runs on a baseline, adds missing spaces and keeps a superscript on its line', () => {
    const lines = groupLines([run(72, 700, 'As Smith'), run(112, 703.5, '1', 6), run(120, 700, 'argued,'), run(157, 700, 'and'), run(72, 688, 'so on.')], 1);
    expect(lines.map((l) => l.text)).toEqual(['As Smith1 argued, and', 'so on.']);
    expect(lines[0]?.y).toBe(700);
  });

  it('keeps runs on one baseline but a gutter apart as separate lines', () => {
    const lines = groupLines([run(72, 700, 'left column text'), run(320, 700, 'right column text')], 1);
    expect(lines.map((l) => [l.x, l.text])).toEqual([
      [72, 'left column text'],
      [320, 'right column text'],
    ]);
  });
});

describe('readingOrder', () => {
  it('reads a spanning title, then each band of two columns left before right', () => {
    const column = (x: number, top: number, label: string) => [0, 1, 2, 3].map((i) => line(x, top - 12 * i, `${label} line ${i} of the column`));
    const lines = [
      line(72, 740, 'A title that runs right across both of the columns of the page and beyond'),
      ...column(72, 700, 'upper-left'),
      ...column(320, 700, 'upper-right'),
      line(72, 640, 'Figure 1. A caption set across the page width, below both columns'),
      ...column(72, 610, 'lower-left'),
      ...column(320, 610, 'lower-right'),
    ];
    const order = readingOrder(lines).map((chunk) => chunk.map((l) => l.text.split(' ')[0]));
    expect(order).toEqual([
      ['A'],
      ['upper-left', 'upper-left', 'upper-left', 'upper-left'],
      ['upper-right', 'upper-right', 'upper-right', 'upper-right'],
      ['Figure'],
      ['lower-left', 'lower-left', 'lower-left', 'lower-left'],
      ['lower-right', 'lower-right', 'lower-right', 'lower-right'],
    ]);
  });

  it('reads two columns apart when justified lines run to within one em of the next column', () => {
    // vegan's decision vignette: a 10 pt gutter at 10 pt type, so each row's runs come as one line.
    const cell = (x: number, y: number, text: string): TextRun => ({ x, y, width: 220, size: 10, text });
    const rows = [0, 1, 2, 3, 4].map((i) => groupLines([cell(72, 700 - 12 * i, `left ${i} text that fills its column`), cell(302, 700 - 12 * i, `right ${i} text that fills its column`)], 1));
    const order = readingOrder(rows.flat()).map((chunk) => chunk.map((l) => l.text.split(' ').slice(0, 2).join(' ')));
    expect(rows.every((row) => row.length === 1)).toBe(true);
    expect(order).toEqual([['left 0', 'left 1', 'left 2', 'left 3', 'left 4'], ['right 0', 'right 1', 'right 2', 'right 3', 'right 4']]);
  });

  it('leaves a single column in one chunk', () => {
    const lines = [0, 1, 2, 3, 4, 5, 6].map((i) => line(72, 700 - 12 * i, 'a long line of body text that fills the column from margin to margin'));
    expect(readingOrder(lines)).toHaveLength(1);
  });
});

describe('removeRunningHeads', () => {
  it('removes alternating even and odd page heads and page numbers, keeping the text', () => {
    const pages = [1, 2, 3, 4, 5, 6].map((n) => [
      line(72, 760, n % 2 === 0 ? `${n}  Ann Smith` : `Margins of the Page  ${n}`, n, 8),
      line(72, 700, `Body text of page ${n} starts here`, n),
      line(72, 688, `and goes on for a while on page ${n}`, n),
      line(300, 40, `- ${n} -`, n),
    ]);
    const kept = removeRunningHeads(pages, 10).map((lines) => lines.map((l) => l.text));
    expect(kept[0]).toEqual(['Body text of page 1 starts here', 'and goes on for a while on page 1']);
    expect(kept.flat()).toHaveLength(12);
  });
});

describe('statedFromInfo', () => {
  it('ignores word-processor junk and login names, and keeps organisations whole', () => {
    expect(statedFromInfo({ Title: 'Microsoft Word - Draft 3.docx', Author: 'jsmith' }, 'x.pdf')).toEqual({});
    expect(statedFromInfo({ Title: 'x', Author: 'Administrator' }, 'x.pdf')).toEqual({});
    expect(statedFromInfo({ Title: 'Global Report 2020', Author: 'American Library Association' }, 'x.pdf')).toEqual({
      title: 'Global Report 2020',
      author: [{ literal: 'American Library Association' }],
    });
  });
});
