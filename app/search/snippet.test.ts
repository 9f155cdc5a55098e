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

  it('with several terms, centres where most of them stand together', () => {
    const text = `A masterfully shot scene opens it. ${'lorem ipsum dolor '.repeat(30)}The carefully crafted mise-en-scène amplifies the closeness.`;
    const { snippet, matchOffset } = makeSnippet(text, ['mise', 'en', 'scene']);
    expect(matchOffset).toBe(text.indexOf('mise-en'));
    expect(snippet.highlights.map(([s, e]) => snippet.text.slice(s, e))).toEqual(['mise', 'en', 'scène']);
  });

  it('centres on the typed word itself when told to, marking its completions too', () => {
    const text = `The cinematic turn. ${'lorem ipsum dolor '.repeat(30)}Here cine itself, beside cinema.`;
    const { snippet, matchOffset } = makeSnippet(text, ['cinematic', 'cine', 'cinema'], undefined, [['cine']]);
    expect(matchOffset).toBe(text.indexOf('cine itself'));
    expect(snippet.highlights.map(([s, e]) => snippet.text.slice(s, e))).toEqual(['cine', 'cinema']);
    // With the completions standing for the word, the first of them leads.
    expect(makeSnippet(text, ['cinematic', 'cine', 'cinema'], undefined, [['cinematic', 'cine', 'cinema']]).matchOffset).toBe(text.indexOf('cinematic'));
  });

  it('counts a typed word once however many of its completions stand together', () => {
    const text = `cinema cinematic cinemas here. ${'lorem ipsum dolor '.repeat(30)}the cinema of Balagov`;
    const anchors = [['cinema', 'cinematic', 'cinemas'], ['balagov']];
    const { matchOffset } = makeSnippet(text, ['cinema', 'cinematic', 'cinemas', 'balagov'], undefined, anchors);
    expect(matchOffset).toBe(text.indexOf('cinema of Balagov'));
  });
});
