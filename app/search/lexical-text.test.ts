import { describe, expect, it } from 'vitest';
import { plainTextFromEditorState } from './lexical-text';

describe('plainTextFromEditorState', () => {
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
    expect(plainTextFromEditorState(state)).toBe('First link\nSecond\nline');
    expect(plainTextFromEditorState(JSON.stringify(state))).toBe('First link\nSecond\nline');
    expect(plainTextFromEditorState(null)).toBe('');
    expect(plainTextFromEditorState('not json')).toBe('not json');
  });
});
