import { $createLinkNode } from '@lexical/link';
import { $createListItemNode, $createListNode } from '@lexical/list';
import { $createQuoteNode } from '@lexical/rich-text';
import { $createLineBreakNode, $createParagraphNode, $createTextNode, $getRoot } from 'lexical';
import { describe, expect, it } from 'vitest';
import { annotationsToMarkdown, lecternLink } from '../../../app/export/annotations-markdown';
import { $createCitationNode } from './CitationNode';
import { noteToMarkdown } from './note-markdown';
import { editorState } from './note-test-states';

/** Serialized nodes in the shape the note editor stores them. */
const text = (value: string, format = 0) => ({ type: 'text', text: value, format, detail: 0, mode: 'normal', style: '', version: 1 });
const paragraph = (...children: object[]) => ({ type: 'paragraph', children, direction: 'ltr', format: '', indent: 0, version: 1 });
const state = (...children: object[]) => ({ root: { type: 'root', children, direction: 'ltr', format: '', indent: 0, version: 1 } });
const item = (children: object[], extra: object = {}) => ({ type: 'listitem', children, value: 1, version: 1, ...extra });
const appLink = (doc: string, annotation?: string) => `lectern://app/open?doc=${doc}&annotation=${annotation ?? ''}`;

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
    expect(noteToMarkdown(note, { appLink })).toBe('See [the review](<https://example.org/a b>) [(Ezerova 2018, ¶ 14)](lectern://app/open?doc=doc1&annotation=an1)');
    expect(noteToMarkdown(note)).toBe('See [the review](<https://example.org/a b>) (Ezerova 2018, ¶ 14)');
  });

  it('writes bullet, numbered, nested and check lists', () => {
    const bullets = {
      type: 'list',
      listType: 'bullet',
      children: [item([text('family')]), item([{ type: 'list', listType: 'number', start: 3, children: [item([text('ties')]), item([text('debts')])] }]), item([text('escape')])],
    };
    // A list numbered from 3 cannot interrupt the item's text (CommonMark): "- family\n  3. ties" reads as one
    // item "family 3. ties"; after a blank line it is the nested list.
    expect(noteToMarkdown(state(bullets))).toBe('- family\n\n  3. ties\n  4. debts\n- escape');
    const checks = { type: 'list', listType: 'check', children: [item([text('read')], { checked: true }), item([text('quote')], { checked: false })] };
    expect(noteToMarkdown(state(checks))).toBe('- [x] read\n- [ ] quote');
  });

  it('escapes text that Markdown or Obsidian would read as syntax', () => {
    expect(noteToMarkdown(state(paragraph(text('1. not a list *really* #tag [x]'))))).toBe('1\\. not a list \\*really\\* \\#tag \\[x\\]');
  });

  it('reads the JSON text or the root node as well as the state, and gives "" for nothing', () => {
    const note = state(paragraph(text('hi', 1)));
    expect(noteToMarkdown(JSON.stringify(note))).toBe('**hi**');
    expect(noteToMarkdown(note.root)).toBe('**hi**');
    expect(noteToMarkdown(null)).toBe('');
    expect(noteToMarkdown('{not json')).toBe('');
    expect(noteToMarkdown(state(paragraph()))).toBe('');
  });

  it('escapes what would start a list, heading or rule on every line of a block, not only the first', () => {
    const note = editorState(() => {
      const lines = ['1. first', '## second', '- third', '---', '[x] fourth', '2) fifth'];
      const body = $createParagraphNode();
      lines.forEach((line, i) => body.append(...(i > 0 ? [$createLineBreakNode()] : []), $createTextNode(line)));
      const quote = $createQuoteNode().append($createTextNode('3. quoted'), $createLineBreakNode(), $createTextNode('+ more'));
      const list = $createListNode('bullet').append($createListItemNode().append($createTextNode('4. listed')));
      $getRoot().append(body, quote, list);
    });
    expect(noteToMarkdown(note)).toBe(
      ['1\\. first  ', '\\## second  ', '\\- third  ', '\\---  ', '\\[x\\] fourth  ', '2\\) fifth', '', '> 3\\. quoted  ', '> \\+ more', '', '- 4\\. listed'].join('\n'),
    );
  });

  it('keeps backticks inside code and its edge spaces outside the code span', () => {
    const note = editorState(() => {
      $getRoot().append(
        $createParagraphNode().append($createTextNode('run '), $createTextNode(' a`b ').toggleFormat('code'), $createTextNode('then'), $createTextNode('`x`').toggleFormat('code')),
      );
    });
    expect(noteToMarkdown(note)).toBe('run  ``a`b`` then`` `x` ``');
  });

  it('writes what the editor made: nested items, links with parentheses, citations in quotes, empty blocks left out', () => {
    const note = editorState(() => {
      const nested = $createListNode('number').append($createListItemNode().append($createTextNode('deep')));
      const list = $createListNode('number', 9).append(
        $createListItemNode().append($createTextNode('nine')),
        $createListItemNode().append(nested),
        $createListItemNode().append($createLinkNode('https://en.wikipedia.org/wiki/Closeness_(film)').append($createTextNode('ten'))),
      );
      const quote = $createQuoteNode().append($createCitationNode('(Ezerova 2018)', { docId: 'd', annotationId: 'a' }));
      $getRoot().append($createParagraphNode(), list, $createParagraphNode().append($createTextNode('   ')), quote, $createParagraphNode());
    });
    expect(noteToMarkdown(note, { appLink })).toBe(
      '9. nine\n   1. deep\n10. [ten](<https://en.wikipedia.org/wiki/Closeness_(film)>)\n\n> [(Ezerova 2018)](lectern://app/open?doc=d&annotation=a)',
    );
  });

  it('still writes the text of node types the editor does not know', () => {
    const note = state(paragraph(text('kept '), { type: 'hashtag', text: '#kept' }, { type: 'mark', children: [text(' marked')] }), { type: 'table', children: [paragraph(text('cell'))] });
    expect(noteToMarkdown(note)).toBe('kept \\#kept marked\n\ncell');
  });
});

describe('annotationsToMarkdown with the note converter', () => {
  it('writes every highlight note as Markdown, linking its citations back to Lectern', () => {
    const BOLD_NOTE = {
      root: {
        type: 'root',
        children: [{ type: 'paragraph', children: [{ type: 'text', text: 'Ilana as ', format: 0 }, { type: 'text', text: 'the Other', format: 1 }] }],
      },
    };
    const cited = editorState(() => {
      $getRoot().append($createParagraphNode().append($createTextNode('compare '), $createCitationNode('(Ezerova 2018)', { docId: 'd1', annotationId: 'h1' })));
    });
    const highlight = (id: string, noteJson: unknown, noteText: string, start: number) => ({
      id,
      selectors: [{ type: 'TextPositionSelector' as const, start, end: start + 5 }],
      quote: `quote ${id}`,
      color: 'yellow',
      noteJson,
      noteText,
    });
    const md = annotationsToMarkdown({
      document: { id: 'd1', title: 'Closeness', metadata: { id: 'd1', type: 'article-journal', title: 'Closeness' } },
      annotations: [highlight('h1', BOLD_NOTE, 'Ilana as the Other', 10), highlight('h2', cited, 'compare (Ezerova 2018)', 20), highlight('h3', null, 'typed *plain*', 30)],
      style: 'no-such-style',
      appLink: lecternLink,
      noteMarkdown: noteToMarkdown,
    });
    expect(md).toContain('Ilana as **the Other**');
    expect(md).toContain('compare [(Ezerova 2018)](lectern://app/open?doc=d1&annotation=h1)');
    expect(md).toContain('typed \\*plain\\*');
  });
});
