import { describe, expect, it } from 'vitest';
import type { Block } from '../documents/model';
import { findNotes } from './notes';
import { lineBlocksOf } from './test-support';

function notesOf(text: string, blocks: Block[] = lineBlocksOf(text)): Array<[number, string]> {
  return findNotes(text, blocks).map((n) => [n.number, text.slice(n.start, n.end)]);
}

describe('findNotes', () => {
  it('reads Chicago notes a PDF ran together, and notes with their number glued on', () => {
    const text = ['20. Janet Carsten, After Kinship (Cambridge: Cambridge University Press, 2004), 1. 21. Carsten, 189.', '22Hendrik van den Berg. “Kinship and Exile”. In: Slavic Review 60.2 (2001), p. 305. 23Ibid., p. 306.'].join('\n');
    // A run of notes starts at 1 (or, where extraction lost the first, 2 or 3).
    expect(notesOf(text)).toEqual([]);
    const numbered = ['1. David M. Schneider, A Critique of the Study of Kinship (Ann Arbor: University of Michigan Press, 1984), 165.', '2. Carsten, After Kinship, 1. 3. Carsten, 189.', '4Ibid., p. 306.'].join('\n');
    expect(notesOf(numbered)).toEqual([
      [1, 'David M. Schneider, A Critique of the Study of Kinship (Ann Arbor: University of Michigan Press, 1984), 165.'],
      [2, 'Carsten, After Kinship, 1.'],
      [3, 'Carsten, 189.'],
      [4, 'Ibid., p. 306.'],
    ]);
  });

  it('never opens a note at a number inside one: volumes, editions, a running foot', () => {
    const text = ['1André Bazin. What Is Cinema? Trans. by Hugh Gray. Vol. 1. Berkeley: University of California Press, 1967, p. 14.', '2Niklas Luhmann. Die Realität der Massenmedien. 2. Aufl. Opladen: Westdeutscher Verlag, 1996, S. 9.', '3 KINSHIP', '3 Ebd., S. 10.'].join('\n');
    expect(notesOf(text).map(([n, t]) => [n, t.slice(0, 12)])).toEqual([
      [1, 'André Bazin.'],
      [2, 'Niklas Luhma'],
      [3, 'Ebd., S. 10.'],
    ]);
  });

  it('carries a note on into the next block when its block ended mid-sentence', () => {
    const text = 'Body text runs to the end of the page and breaks a word over-9Vgl. Anderson, Imagined Communities, S. 1–7; Ernest Gellner. Nations and\n\nNationalism. Oxford: Blackwell, 1983, S. 48.\n\n10Anderson, Imagined Communities, S. 141.';
    const blocks: Block[] = [
      { kind: 'paragraph', start: 0, end: text.indexOf('\n\n') },
      { kind: 'paragraph', start: text.indexOf('Nationalism.'), end: text.indexOf('\n\n10') },
      { kind: 'paragraph', start: text.indexOf('10Anderson'), end: text.length },
    ];
    const found = findNotes(text, blocks);
    // Notes 9 and 10 with no run of notes before them are numbers in prose.
    expect(found).toEqual([]);
    const numbered = text.replace('over-9Vgl.', 'over-1Vgl.').replace('10Anderson', '2Anderson');
    const again = findNotes(numbered, blocks.map((b, i) => (i === 2 ? { ...b, end: numbered.length } : b)));
    expect(again.map((n) => [n.number, numbered.slice(n.start, n.end).replace(/\s+/gu, ' ')])).toEqual([
      [1, 'Vgl. Anderson, Imagined Communities, S. 1–7; Ernest Gellner. Nations and Nationalism. Oxford: Blackwell, 1983, S. 48.'],
      [2, 'Anderson, Imagined Communities, S. 141.'],
    ]);
  });
});
