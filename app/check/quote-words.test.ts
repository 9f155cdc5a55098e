import { describe, expect, it } from 'vitest';
import { quotePieces } from './quote-pieces';
import { wordsOf } from './quote-words';

const folded = (text: string) => wordsOf(text).map((w) => w.folded);
const pieces = (text: string) => quotePieces(text).map((p) => [p.gap, p.words.map((w) => w.folded).join(' ')]);

describe('wordsOf', () => {
  it('folds case, accents, ligatures, apostrophes and quote marks alike on both sides', () => {
    expect(folded('“Scène” ﬁne, don’t DON\'T')).toEqual(['scene', 'fine', 'dont', 'dont']);
  });

  it('joins hyphenation across a line break and hyphenated words, and splits at dashes and NBSP', () => {
    expect(folded('reli-\ngious reli-\n  gious reli- gious religious self-evident self-\nevident')).toEqual(['religious', 'religious', 'religious', 'religious', 'selfevident', 'selfevident']);
    expect(folded('war—and\u00a0peace – end')).toEqual(['war', 'and', 'peace', 'end']);
  });

  it('keeps offsets into the text', () => {
    const text = 'A reli-\ngious text';
    expect(wordsOf(text).map((w) => text.slice(w.start, w.end))).toEqual(['A', 'reli-\ngious', 'text']);
    expect(wordsOf(text, 2, 20).map((w) => w.folded)).toEqual(['religious', 'text']);
    expect(wordsOf(text, 2, 12).map((w) => w.folded)).toEqual(['religiou']);
  });
});

describe('quotePieces', () => {
  it('cuts at every spelling of an ellipsis', () => {
    for (const mark of ['...', '…', '. . .', '[...]', '[…]', '[ . . . ]']) {
      expect(pieces(`one two ${mark} three four`), mark).toEqual([
        ['adjacent', 'one two'],
        ['ellipsis', 'three four'],
      ]);
    }
  });

  it('reads a bracket between words as a short gap, inside a word as the word, and drops [sic]', () => {
    expect(pieces('[T]he film [Closeness] is great [sic] here')).toEqual([
      ['adjacent', 'the film'],
      ['bracket', 'is great here'],
    ]);
    expect(pieces('she walk[ed] home')).toEqual([['adjacent', 'she walked home']]);
  });

  it('ignores an ellipsis at either end and gives draft offsets', () => {
    const quote = quotePieces('… the end …', 100);
    expect(quote).toHaveLength(1);
    expect(quote[0]!.words.map((w) => [w.start, w.end])).toEqual([
      [102, 105],
      [106, 109],
    ]);
  });
});
