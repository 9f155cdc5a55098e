import { describe, expect, it } from 'vitest';
import { reflowPlainText } from './reflow';

/** Filler lines of about the same width, each ending mid-sentence so the text reads as hard-wrapped. */
const FILLER = [
  'the students read the review slowly and marked every passage that spoke',
  'about the region and about the people who live there and work in the town',
  'and they compared the notes they made with the notes of the other readers',
  'in the seminar, where each of them had to say what the film had shown them',
  'about the place and about the way the director looks at his own family and',
  'at the families of his friends, who are all much older than he is by now',
];

function paragraph(lines: string[]): string {
  return reflowPlainText(lines.join('\n')).paragraphs.join('\n\n');
}

describe('reflowPlainText: words broken across lines', () => {
  it('drops the hyphen when the whole word is written only later in the text', () => {
    const text = paragraph([
      'The first reading of the film con-',
      'trasts the open steppe with the closed rooms of the family house in the',
      ...FILLER,
      'town, and the last reading of it contrasts them again in the same way.',
    ]);
    expect(text).toContain('the film contrasts the open steppe');
    expect(text).not.toContain('con-trasts');
  });

  it('keeps the hyphen when the compound is written whole only later in the text', () => {
    const text = paragraph([
      'The first reading of the film shows how close-',
      'knit the family is and how the town watches over every one of its people',
      ...FILLER,
      'and the last reading shows the same close-knit family from the outside.',
    ]);
    expect(text).toContain('how close-knit the family');
  });

  it('joins a word broken over three lines, deciding the second break on the word joined so far', () => {
    // "na-" alone on a line: the second break is decided on "interna" + "tional", which the text
    // spells whole as "international" further down.
    const text = paragraph([
      'The festival that took place in the autumn gave the film an inter-',
      'na-',
      'tional audience and a prize that the director did not expect at all then',
      ...FILLER,
      'and the international press wrote about the film for the whole summer.',
    ]);
    expect(text).toContain('an international audience');
  });

  it('keeps the break where the text never writes the word whole, unless it is a known prefix', () => {
    const text = paragraph([
      'The film that the students watched on the first day is about a self-',
      'made family and about the quiet anti-',
      'war mood of the town that the director knew very well from his own youth',
      ...FILLER,
    ]);
    expect(text).toContain('a self-made family');
    expect(text).toContain('quiet anti-war mood');
  });

  it('drops a soft hyphen and keeps a hyphen before a capital or a digit', () => {
    const text = paragraph([
      'The region where the film was made was first shown to a post-',
      'Soviet audience in the years 1990-',
      '1995 as a place of repre\u00ad',
      'sentation and not only of violence, as the critics of the time wrote down',
      ...FILLER,
    ]);
    expect(text).toContain('a post-Soviet audience in the years 1990-1995 as a place of representation and');
  });

  it('rejoins a sentence cut by a blank line when the word is broken there', () => {
    const text = reflowPlainText(
      [
        'The director shows the town as a place where every family knows the',
        'others and where nobody can leave without being seen by the neighbours, a',
        'place of rep-',
        '',
        'etition and of ritual that the film keeps returning to again and again in',
        ...FILLER,
      ].join('\n'),
    ).paragraphs;
    expect(text).toHaveLength(1);
    expect(text[0]).toContain('a place of repetition and of ritual');
  });
});

describe('reflowPlainText: line endings and white space', () => {
  const lines = [
    'The first paragraph is wrapped by hand at about the same width each time',
    'and it goes on across several lines of text until it comes to an end in',
    ...FILLER,
    '',
    'the second paragraph carries on the sentence of the first one and it runs',
    'on across several lines as well, the way text copied from a PDF does.',
    '',
    'The third paragraph is a paragraph of its own and it starts with a capital',
    'letter after a full stop, so the blank line before it ends the paragraph.',
  ];

  it('reads CRLF, CR and LF alike', () => {
    const lf = reflowPlainText(lines.join('\n'));
    expect(lf.hardWrapped).toBe(true);
    expect(lf.paragraphs).toHaveLength(2);
    expect(reflowPlainText(lines.join('\r\n'))).toEqual(lf);
    expect(reflowPlainText(lines.join('\r'))).toEqual(lf);
    expect(reflowPlainText('\uFEFF' + lines.join('\r\n') + '\r\n')).toEqual(lf);
  });

  it('takes a form feed for a blank line', () => {
    expect(reflowPlainText(lines.join('\n').replace('\n\n', '\f'))).toEqual(reflowPlainText(lines.join('\n')));
  });

  it('collapses tabs, no-break and wide spaces and drops control characters', () => {
    const messy = lines.map((line) => line.replace('the same', 'the\t\u00a0 same').replace('several', 'sev\u0007eral\u2003 '));
    expect(reflowPlainText(messy.join('\n'))).toEqual(reflowPlainText(lines.join('\n')));
  });
});

describe('reflowPlainText: very long input', () => {
  it('keeps a text of very long lines one paragraph per line', () => {
    const long = 'word '.repeat(200_000).trim();
    const { paragraphs, hardWrapped } = reflowPlainText(`${long}\n\n${long}.`);
    expect(hardWrapped).toBe(false);
    expect(paragraphs).toEqual([long, `${long}.`]);
  });

  it('joins tens of thousands of wrapped lines with no blank line into one paragraph', () => {
    const wrapped = Array.from({ length: 40_000 }, (_, i) => `${FILLER[i % 3]} ${i}`);
    const { paragraphs, hardWrapped } = reflowPlainText(wrapped.join('\n'));
    expect(hardWrapped).toBe(true);
    expect(paragraphs).toEqual([wrapped.join(' ')]);
  });

  it('joins a long paragraph of broken words, each decided by the rest of the text', () => {
    const broken = Array.from({ length: 20_000 }, (_, i) => `in line ${i} of the long paragraph where the text breaks the word con-\ntrasts with what the reader expects to find in a text of this kind`);
    const text = `${broken.join(' and\n')}.\n\nThe last line of the text contrasts with the first.`;
    const [first] = reflowPlainText(text).paragraphs;
    expect(first?.split('the word contrasts with what')).toHaveLength(20_001);
    expect(first).not.toContain('con-');
  });
});
