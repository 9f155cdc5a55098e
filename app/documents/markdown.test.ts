import { describe, expect, it } from 'vitest';
import { assembleBlocks } from './assemble';
import { parseMarkdown } from './markdown';

function parse(source: string) {
  const { drafts, stated } = parseMarkdown(source);
  const { text, blocks } = assembleBlocks(drafts);
  const slice = (b: { start: number; end: number }) => text.slice(b.start, b.end);
  return { text, blocks, stated, slice };
}

describe('parseMarkdown', () => {
  it('renders headings with their level and without the markup', () => {
    const { blocks, slice } = parse('# Closeness\n\nIntro.\n\n## The *family*\n\nSetext\n------\n');
    expect(blocks.map((b) => [b.kind, b.level, slice(b)])).toEqual([
      ['heading', 1, 'Closeness'],
      ['paragraph', undefined, 'Intro.'],
      ['heading', 2, 'The family'],
      ['heading', 2, 'Setext'],
    ]);
  });

  it('marks emphasis, strong, code and links over the rendered words', () => {
    const { text, blocks, slice } = parse('Balagov’s *Closeness* won the **FIPRESCI prize** at `Cannes` ([festival](https://festival-cannes.com)).');
    const [block] = blocks;
    expect(slice(block!)).toBe('Balagov’s Closeness won the FIPRESCI prize at Cannes (festival).');
    const marks = block?.marks ?? [];
    expect(marks.map((m) => [m.type, text.slice(m.start, m.end)])).toEqual([
      ['emphasis', 'Closeness'],
      ['strong', 'FIPRESCI prize'],
      ['code', 'Cannes'],
      ['link', 'festival'],
    ]);
    expect(marks[3]?.href).toBe('https://festival-cannes.com');
  });

  it('puts marks at document offsets in later blocks, nested marks included', () => {
    const { text, blocks } = parse('# Title\n\nFirst paragraph.\n\nSee **bold and *both* here** now.');
    const marks = blocks[2]?.marks ?? [];
    expect(marks.map((m) => [m.type, text.slice(m.start, m.end)])).toEqual([
      ['emphasis', 'both'],
      ['strong', 'bold and both here'],
    ]);
  });

  it('turns lists into list items with depth and numbering', () => {
    const { blocks, slice } = parse('- Ilana\n  - David\n    1. Lea\n- Zalim\n\n1. one\n2. two *2*\n');
    expect(blocks.map((b) => [b.kind, b.level, b.ordered, slice(b)])).toEqual([
      ['list-item', 0, false, 'Ilana'],
      ['list-item', 1, false, 'David'],
      ['list-item', 2, true, 'Lea'],
      ['list-item', 0, false, 'Zalim'],
      ['list-item', 0, true, 'one'],
      ['list-item', 0, true, 'two 2'],
    ]);
  });

  it('turns block quotes into quote blocks and keeps code verbatim', () => {
    const { blocks, slice } = parse('> Women are the *heroes*\n> of our time.\n>\n> Second.\n\n```\nconst a = 1 *2* 3;\n```\n\n---\n\nAfter.');
    expect(blocks.map((b) => [b.kind, slice(b)])).toEqual([
      ['quote', 'Women are the heroes of our time.'],
      ['quote', 'Second.'],
      ['code', 'const a = 1 *2* 3;'],
      ['rule', ''],
      ['paragraph', 'After.'],
    ]);
  });

  it('decodes entities and escapes and keeps every block inside the text', () => {
    const { text, blocks, slice } = parse('Tom &amp; Jerry &lt;3 \\*not emphasis\\* &#8212; done');
    expect(slice(blocks[0]!)).toBe('Tom & Jerry <3 *not emphasis* — done');
    for (const b of blocks) expect(b.end).toBeLessThanOrEqual(text.length);
  });

  it('reads title, authors and date from YAML front matter', () => {
    const { stated, blocks, slice } = parse('---\ntitle: "Closeness: a review"\nauthor:\n  - Daria Ezerova\n  - All Favorite Movies\ndate: 2017-08-09\n---\n\nBody text.\n');
    expect(stated).toEqual({
      title: 'Closeness: a review',
      author: [{ given: 'Daria', family: 'Ezerova' }, { literal: 'All Favorite Movies' }],
      issued: { 'date-parts': [[2017, 8, 9]] },
    });
    expect(blocks.map(slice)).toEqual(['Body text.']);
  });

  it('reads inline author lists in front matter', () => {
    const { stated } = parse('---\ntitle: Notes\nauthors: [Roger Moore, "Daria Ezerova"]\n---\n# Heading\n');
    expect(stated.author).toEqual([{ given: 'Roger', family: 'Moore' }, { given: 'Daria', family: 'Ezerova' }]);
  });
});
