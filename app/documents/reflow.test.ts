import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { reflowPlainText } from './reflow';

const seed = (name: string) => readFileSync(new URL(`../../../shared/seeds/${name}`, import.meta.url), 'utf8');
const expected = JSON.parse(readFileSync(new URL('../../../shared/expected/seed-citations.json', import.meta.url), 'utf8')) as {
  documents: Record<string, { paragraphs?: number; paragraphStarts?: string[] }>;
};

describe('reflowPlainText on the hard-wrapped PDF extract (seed 000)', () => {
  const facts = expected.documents['000_62b2ac4b49efefbf.txt'];
  const { paragraphs, hardWrapped } = reflowPlainText(seed('000_62b2ac4b49efefbf.txt'));

  it('detects the hard wrapping', () => {
    expect(hardWrapped).toBe(true);
  });

  it('yields exactly the expected paragraphs, in order', () => {
    expect(paragraphs).toHaveLength(facts?.paragraphs ?? -1);
    paragraphs.forEach((paragraph, i) => expect(paragraph.startsWith(facts?.paragraphStarts?.[i] ?? '?')).toBe(true));
  });

  it('rejoins the sentences cut by page breaks', () => {
    expect(paragraphs[0]).toContain('on the one hand, and to reflect on a number of complex questions, on the other.');
    expect(paragraphs[4]).toContain('emphasized by the use of extreme close-ups');
  });

  it('keeps real hyphens across line ends and leaves no broken words', () => {
    const text = paragraphs.join('\n');
    expect(text).toContain('post-Soviet viewer');
    expect(text).toContain('mise-en-scène');
    expect(text).not.toMatch(/post- Soviet|mise- en|postSoviet|miseen/);
    expect(text).not.toMatch(/ {2}|\n /);
  });
});

describe('reflowPlainText on one-paragraph-per-line text', () => {
  it('keeps every non-empty line of seed 001 as its own paragraph', () => {
    const source = seed('001_94063d3630a703df.txt');
    const lines = source.split('\n').map((l) => l.trim()).filter((l) => l !== '');
    const { paragraphs, hardWrapped } = reflowPlainText(source);
    expect(hardWrapped).toBe(false);
    expect(paragraphs).toEqual(lines.map((l) => l.replace(/\s+/g, ' ')));
  });

  it('keeps each Works Cited entry and each credits line of seed 001 whole', () => {
    const { paragraphs } = reflowPlainText(seed('001_94063d3630a703df.txt'));
    for (const entry of [
      'Bykov, Dmitrii. 2017. “Dve bedy: tesnota i nelubov’.” Sobesednik.ru. 30 May.',
      'Yuval-Davis, Nira. 1997. “Gender and Nation (1993)” in Space, Gender, Knowledge: Feminist Readings, edited by Joanne P. Sharp and Linda McDowell, 403–408. London: Arnold.',
      'Works Cited',
      'Color, 118 minutes',
      'Director: Kantemir Balagov',
    ]) {
      expect(paragraphs).toContain(entry);
    }
  });

  it.each(['002_3e439b9731b77bf4.txt', '003_79ae931a7f31934e.txt', '004_0b201c9d2cc86d46.txt'])('does not rewrap %s', (name) => {
    const source = seed(name);
    const count = source.split('\n').filter((l) => l.trim() !== '').length;
    const result = reflowPlainText(source);
    expect(result.hardWrapped).toBe(false);
    expect(result.paragraphs).toHaveLength(count);
  });
});

describe('reflowPlainText rules', () => {
  const wrapped = (lines: string[]) => lines.join('\n');

  it('drops soft hyphens, keeps compounds, and collapses spaces and CRLF', () => {
    const source = [
      'The film offers a careful repre-',
      'sentation of the region that is   both',
      'intimate and estranging, a self-',
      'conscious portrait of its post-',
      'Soviet towns and of its tight mise-',
      'en-scène of close-ups and short takes.',
    ].join('\r\n');
    const { paragraphs, hardWrapped } = reflowPlainText(source);
    expect(hardWrapped).toBe(true);
    expect(paragraphs).toEqual([
      'The film offers a careful representation of the region that is both intimate and estranging, a self-conscious portrait of its post-Soviet towns and of its tight mise-en-scène of close-ups and short takes.',
    ]);
  });

  it('decides a hyphen by how the same word is written elsewhere in the text', () => {
    const source = wrapped([
      'Critics read the film as a story about close-knit communities and about',
      'the pressure such close-',
      'knit families put on a daughter who wants to live and work on her own, and',
      'on how a community can be both a shelter and a cage for the people inside',
      'it; the director calls this closeness and con-',
      'trasts it with the open roads of the steppe outside the town walls here.',
    ]);
    const [paragraph] = reflowPlainText(source).paragraphs;
    expect(paragraph).toContain('such close-knit families');
    expect(paragraph).toContain('and contrasts it');
  });

  it('splits paragraphs at an indent or after a short closing line, not inside a sentence', () => {
    const source = wrapped([
      ' The first paragraph starts with an indent and runs on across',
      'several lines of about the same width as this one is here,',
      'and it ends on a short line.',
      ' The second paragraph also starts with an indent and runs on',
      'across several lines, ending without a blank line after it',
      'as the text extracted from a PDF often does.',
    ]);
    expect(reflowPlainText(source).paragraphs).toEqual([
      'The first paragraph starts with an indent and runs on across several lines of about the same width as this one is here, and it ends on a short line.',
      'The second paragraph also starts with an indent and runs on across several lines, ending without a blank line after it as the text extracted from a PDF often does.',
    ]);
  });

  it('keeps a short credits list one line per paragraph', () => {
    const credits = ['Director: Kantemir Balagov', 'Script: Kantemir Balagov, Anton Iarush', 'Cinematography: Artem Emel’ianov', 'Cast: Dar’ia Zhovner, Olga Dragunova'];
    expect(reflowPlainText(credits.join('\n')).paragraphs).toEqual(credits);
  });
});
