import { describe, expect, it } from 'vitest';
import { escapeMarkdown, noteToMarkdown } from './lexical-markdown';

/** Serialized nodes in the shape the note editor stores them. */
const text = (value: string, format = 0) => ({ type: 'text', text: value, format, detail: 0, mode: 'normal', style: '', version: 1 });
const paragraph = (...children: object[]) => ({ type: 'paragraph', children, direction: 'ltr', format: '', indent: 0, version: 1 });
const state = (...children: object[]) => ({ root: { type: 'root', children, direction: 'ltr', format: '', indent: 0, version: 1 } });
const item = (children: object[], extra: object = {}) => ({ type: 'listitem', children, value: 1, version: 1, ...extra });

describe('noteToMarkdown', () => {
  it('writes bold, italic, both, strikethrough and code runs', () => {
    const note = state(paragraph(text('Ilana is '), text('the Other', 1), text(' on '), text('every', 2), text(' level', 3), text(' old', 4), text(' x<y', 16)));
    expect(noteToMarkdown(note)).toBe('Ilana is **the Other** on *every* ***level*** ~~old~~ `x<y`');
  });

  it('keeps spaces outside emphasis markers', () => {
    expect(noteToMarkdown(state(paragraph(text('a'), text(' bold ', 1), text('b'))))).toBe('a **bold** b');
  });

  it('separates paragraphs by a blank line and writes headings and quotes', () => {
    const note = state(
      { type: 'heading', tag: 'h2', children: [text('Gender')] },
      paragraph(text('First.')),
      { type: 'quote', children: [text('Women don’t behave'), { type: 'linebreak' }, text('this way')] },
    );
    expect(noteToMarkdown(note)).toBe('## Gender\n\nFirst.\n\n> Women don’t behave  \n> this way');
  });

  it('writes links and Lectern citations as links', () => {
    const note = state(
      paragraph(
        text('See '),
        { type: 'link', url: 'https://example.org/a b', children: [text('the review')] },
        text(' '),
        { type: 'lectern-citation', text: '(Ezerova 2018, ¶ 14)', docId: 'doc1', annotationId: 'an1', format: 0 },
      ),
    );
    const appLink = (doc: string, annotation?: string) => `lectern://app/open?doc=${doc}&annotation=${annotation ?? ''}`;
    expect(noteToMarkdown(note, { appLink })).toBe('See [the review](<https://example.org/a b>) [(Ezerova 2018, ¶ 14)](lectern://app/open?doc=doc1&annotation=an1)');
    expect(noteToMarkdown(note)).toBe('See [the review](<https://example.org/a b>) (Ezerova 2018, ¶ 14)');
  });

  it('writes bullet, numbered, nested and check lists', () => {
    const bullets = {
      type: 'list',
      listType: 'bullet',
      children: [item([text('family')]), item([{ type: 'list', listType: 'number', start: 3, children: [item([text('ties')]), item([text('debts')])] }]), item([text('escape')])],
    };
    expect(noteToMarkdown(state(bullets))).toBe('- family\n  3. ties\n  4. debts\n- escape');
    const checks = { type: 'list', listType: 'check', children: [item([text('read')], { checked: true }), item([text('quote')], { checked: false })] };
    expect(noteToMarkdown(state(checks))).toBe('- [x] read\n- [ ] quote');
  });

  it('escapes text that Markdown or Obsidian would read as syntax', () => {
    expect(noteToMarkdown(state(paragraph(text('1. not a list *really* #tag [x]'))))).toBe('1\\. not a list \\*really\\* \\#tag \\[x\\]');
    expect(escapeMarkdown('# heading? no, C# and a#b')).toBe('# heading? no, C# and a\\#b');
  });

  it('reads the JSON text or the root node as well as the state, and gives "" for nothing', () => {
    const note = state(paragraph(text('hi', 1)));
    expect(noteToMarkdown(JSON.stringify(note))).toBe('**hi**');
    expect(noteToMarkdown(note.root)).toBe('**hi**');
    expect(noteToMarkdown(null)).toBe('');
    expect(noteToMarkdown('{not json')).toBe('');
    expect(noteToMarkdown(state(paragraph()))).toBe('');
  });
});
