import { describe, expect, it } from 'vitest';
import { makeSnippet } from './snippet';

describe('makeSnippet', () => {
  it('centres on the first match and marks every match in view', () => {
    const text = `${'lorem '.repeat(40)}the Mise-en-scène of the scene\n${'ipsum '.repeat(40)}`;
    const { snippet, matchOffset } = makeSnippet(text, ['scene']);
    expect(matchOffset).toBe(text.indexOf('scène'));
    expect(snippet.text.startsWith('…')).toBe(true);
    expect(snippet.text.endsWith('…')).toBe(true);
    expect(snippet.highlights.map(([s, e]) => snippet.text.slice(s, e))).toEqual(['scène', 'scene']);
    expect(snippet.text).not.toMatch(/\n/);
  });
});
