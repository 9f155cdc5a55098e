import { describe, expect, it } from 'vitest';
import type { LibraryText } from './report';
import { indexLibrary } from './library-index';
import { alignWords } from './quote-align';
import { differsScore, DIFFERS_SCORE, findApproximate, findVerbatim, firstWords, matchQuote, MAX_ALIGNED_WORDS } from './quote-match';
import { quotePieces } from './quote-pieces';
import { diffText } from './word-diff';

function source(id: string, text: string): LibraryText {
  return { id, title: id, format: 'txt', metadata: { id, type: 'article' }, text, blocks: [{ kind: 'paragraph', start: 0, end: text.length }] };
}

const PRINTED = source(
  'printed',
  'Opening words of another text.\n\nIn recent years the Russian public has seen the return of the images of mother-\nhood and family that presented the role of women almost exclusively as that of\n“intergenerational transmitters of cultural traditions, customs, songs, cuisine,\nand, of course, the mother tongue”. What started with isolated initiatives\nregressed to conservative gender roles.',
);
const OTHER = source('other', 'The camera never leaves the family home. A religious community and a secular one meet at the garage.');
const index = indexLibrary([OTHER, PRINTED]);

const match = (quote: string) => matchQuote(index, quotePieces(quote));

describe('findVerbatim', () => {
  it('finds a quotation across hyphenation, line breaks and changed quote marks', () => {
    const found = findVerbatim(index, quotePieces('the images of motherhood and family that presented the role of women almost exclusively as that of ‘intergenerational transmitters of cultural traditions’'));
    expect(found).toMatchObject({ verbatim: true, source: 1, score: 1 });
    expect(PRINTED.text.slice(found!.start, found!.end)).toMatch(/^the images of mother-\nhood .* cultural traditions$/su);
  });

  it('takes ellipses and bracketed changes', () => {
    expect(match('the return of the images […] that presented the role of women')?.verbatim).toBe(true);
    expect(match('[t]he Russian public has seen the return of [these] images of motherhood')?.verbatim).toBe(true);
    expect(match('songs, cuisine, and, of course, the mother tongue [sic] . . . What started with isolated initiatives')?.verbatim).toBe(true);
  });

  it('holds ellipsis pieces to their order and a bracket to a few words', () => {
    expect(findVerbatim(index, quotePieces('that presented the role of women … the images of motherhood'))).toBeNull();
    expect(findVerbatim(index, quotePieces('the Russian public [insertion] of women almost exclusively'))).toBeNull();
  });

  it('does not run a quotation on from one source into the next', () => {
    const joined = indexLibrary([source('a', 'the last words of one'), source('b', 'source and the first of two')]);
    expect(findVerbatim(joined, quotePieces('the last words of one source and the first'))).toBeNull();
  });
});

describe('findApproximate', () => {
  it('finds a passage with a word changed, and says which', () => {
    const found = match('the Russian public has seen the return of the pictures of motherhood and family');
    expect(found).toMatchObject({ verbatim: false, source: 1 });
    expect(found!.score).toBeGreaterThanOrEqual(DIFFERS_SCORE);
    expect(found!.score).toBeLessThan(1);
    const passage = PRINTED.text.slice(found!.start, found!.end);
    expect(passage).toMatch(/^the Russian public .* family$/su);
    expect(diffText('the Russian public has seen the return of the pictures of motherhood and family', passage).filter((p) => p.kind !== 'same')).toEqual([
      { kind: 'removed', text: 'images' },
      { kind: 'added', text: 'pictures' },
    ]);
  });

  it('scores a made-up sentence under the threshold, and gives nothing for words the library lacks', () => {
    const found = match('the public has always preferred a comedy about the family to a war film');
    expect(found === null || found.score < DIFFERS_SCORE).toBe(true);
    expect(findApproximate(index, quotePieces('zebra quantum harbour violin'))).toBeNull();
  });
});

describe('alignWords', () => {
  it('aligns the whole quotation with the tightest part of the source, free where the student marked a gap', () => {
    const aligned = alignWords([1, 2, 3, 9], [7, 1, 2, 5, 5, 3, 9, 8], [false, false, true, false]);
    expect(aligned).toMatchObject({ start: 1, end: 7, same: 4, sourceWords: 4 });
    expect(aligned!.steps.map((s) => s.op)).toEqual(['same', 'same', 'omitted', 'omitted', 'same', 'same']);
    const strict = alignWords([1, 2, 3, 9], [7, 1, 2, 5, 5, 3, 9, 8], [false, false, false, false]);
    expect(strict!.sourceWords).toBe(6);
    expect(alignWords([], [1], [])).toBeNull();
  });
});

describe('very long quotations', () => {
  it('compares a block quote of thousands of words approximately by its first words, and verbatim whole', () => {
    const long = Array.from({ length: 3000 }, (_, i) => `w${i % 997}x${i}`).join(' ');
    const book = indexLibrary([source('book', `Before. ${long} After.`)]);
    expect(matchQuote(book, quotePieces(long))).toMatchObject({ verbatim: true });
    const changed = long.replace('w5x5 ', 'changed ');
    const found = matchQuote(book, quotePieces(changed));
    expect(found).toMatchObject({ verbatim: false });
    expect(found!.score).toBeGreaterThan(0.99);
    expect(found!.alignment!.same).toBe(MAX_ALIGNED_WORDS - 1);
    expect(firstWords(quotePieces('a b … c d e'), 3).map((p) => p.words.length)).toEqual([2, 1]);
  });
});

describe('a passage in several sources', () => {
  it('is taken from the source the draft names, else the first', () => {
    const passage = 'the camera never leaves the family home in the whole film';
    const twice = indexLibrary([source('review', `A review quotes it: ${passage}.`), source('film-book', `The book says ${passage}, and more.`)]);
    expect(matchQuote(twice, quotePieces(passage))?.source).toBe(0);
    expect(matchQuote(twice, quotePieces(passage), (s) => s === 1)?.source).toBe(1);
    expect(matchQuote(twice, quotePieces(passage.replace('camera', 'lens')), (s) => s === 1)?.source).toBe(1);
    expect(matchQuote(twice, quotePieces(passage.replace('camera', 'lens')))?.source).toBe(0);
  });
});

describe('differsScore', () => {
  it('asks more of a short quotation, which meets chance likenesses everywhere', () => {
    const found = match('the Russian public saw the images');
    expect(found!.score).toBeLessThan(differsScore(6));
    expect(differsScore(6)).toBeGreaterThan(DIFFERS_SCORE);
    expect(differsScore(20)).toBe(DIFFERS_SCORE);
  });
});
