import { $createLinkNode } from '@lexical/link';
import { $createListItemNode, $createListNode } from '@lexical/list';
import { $createHeadingNode, $createQuoteNode } from '@lexical/rich-text';
import { $createLineBreakNode, $createParagraphNode, $createTabNode, $createTextNode, $getRoot } from 'lexical';
import { describe, expect, it } from 'vitest';
import { $createCitationNode } from './CitationNode';
import { editorState } from './note-test-states';
import { noteToPlainText } from './note-text';

describe('noteToPlainText', () => {
  it('collects text nodes, with paragraph breaks between blocks', () => {
    const state = {
      root: {
        type: 'root',
        children: [
          { type: 'paragraph', children: [{ type: 'text', text: 'First ' }, { type: 'link', children: [{ type: 'text', text: 'link' }] }] },
          { type: 'paragraph', children: [{ type: 'text', text: 'Second' }, { type: 'linebreak' }, { type: 'text', text: 'line' }] },
        ],
      },
    };
    expect(noteToPlainText(state)).toBe('First link\nSecond\nline');
    expect(noteToPlainText(JSON.stringify(state))).toBe('First link\nSecond\nline');
    expect(noteToPlainText(null)).toBe('');
    expect(noteToPlainText('not json')).toBe('not json');
  });

  it('reads every kind of block the editor makes, one line each, with citations and tabs as text', () => {
    const note = editorState(() => {
      const list = $createListNode('check').append(
        $createListItemNode(true).append($createTextNode('read')),
        $createListItemNode().append($createListNode('bullet').append($createListItemNode().append($createTextNode('nested')))),
      );
      $getRoot().append(
        $createHeadingNode('h1').append($createTextNode('Closeness')),
        $createParagraphNode().append($createTextNode('see'), $createTabNode(), $createLinkNode('https://example.org').append($createTextNode('review'))),
        list,
        $createQuoteNode().append($createTextNode('Women'), $createLineBreakNode(), $createCitationNode('(Ezerova 2018)', { docId: 'd', annotationId: 'a' })),
      );
    });
    expect(noteToPlainText(note)).toBe('Closeness\nsee\treview\nread\nnested\n\nWomen\n(Ezerova 2018)');
  });
});
