import { describe, expect, it } from 'vitest';
import { anchor, MIN_SCORE } from './anchor';
import { describeRange } from './describe';
import type { AnnotationSelector } from './selectors';

const text = [
  'Marginalia are the notes readers leave in the margins of books. Medieval scribes used them to',
  'correct copying errors, and later readers used them to argue with the author. Later the committee',
  'that catalogued the collection found that the committee of 1890 had removed many of them.',
  'Modern study readers let students keep such notes without marking the page itself, and they',
  'keep each note attached to the sentence it was written about even when the text is reflowed.',
].join(' ');

/** The selectors Lectern stores for the first occurrence of `quote` (or the nth). */
function selectorsFor(source: string, quote: string, occurrence = 0): AnnotationSelector[] {
  let start = -1;
  for (let i = 0; i <= occurrence; i++) start = source.indexOf(quote, start + 1);
  if (start < 0) throw new Error(`no ${quote}`);
  const { quote: q, position } = describeRange(source, start, start + quote.length);
  return [q, position];
}

describe('anchor', () => {
  it('takes the stored offsets when the text there is still the quote', () => {
    const selectors = selectorsFor(text, 'Medieval scribes');
    const start = text.indexOf('Medieval scribes');
    expect(anchor(text, selectors)).toEqual({ start, end: start + 16, score: 1, method: 'position' });
  });

  it('finds the exact quote again after text is inserted before it', () => {
    const selectors = selectorsFor(text, 'argue with the author');
    const changed = 'Preface added in the second edition. ' + text;
    const result = anchor(changed, selectors);
    expect(result?.method).toBe('exact');
    expect(changed.slice(result!.start, result!.end)).toBe('argue with the author');
    expect(result!.start).toBe(text.indexOf('argue with the author') + 37);
    expect(result!.score).toBeGreaterThan(0.99);
  });

  it('tells two occurrences apart by prefix and suffix', () => {
    const second = text.indexOf('the committee', text.indexOf('the committee') + 1);
    const [quote] = selectorsFor(text, 'the committee', 1);
    // Quote alone, no offsets: only the context can decide.
    expect(anchor(text, [quote!])).toMatchObject({ start: second, end: second + 13 });
    // Offsets pointing nearer the first occurrence do not outweigh the context.
    const misleading: AnnotationSelector[] = [quote!, { type: 'TextPositionSelector', start: text.indexOf('the committee') + 2, end: 0 }];
    expect(anchor(text, misleading)).toMatchObject({ start: second, method: 'exact' });
  });

  it('finds a quote with small edits inside it', () => {
    const selectors = selectorsFor(text, 'keep each note attached to the sentence');
    const changed = 'Foreword. ' + text.replace('keep each note attached to the sentence', 'keep every note attached to its sentence');
    const result = anchor(changed, selectors);
    expect(result?.method).toBe('fuzzy');
    expect(changed.slice(result!.start, result!.end)).toBe('keep every note attached to its sentence');
    expect(result!.score).toBeGreaterThan(0.9);
  });

  it('scores lower as quote, prefix and suffix are progressively damaged', () => {
    const quote = 'later readers used them to argue with the author';
    const selectors = selectorsFor(text, quote);
    const start = text.indexOf(quote);
    // Damage from the quote outwards, never two neighbouring characters, alternating sides, so edits never touch.
    const spots: number[] = [];
    for (let i = 2; i < quote.length; i += 8) spots.push(start + i);
    for (let i = 3; i <= 28; i += 5) spots.push(start - i, start + quote.length + i);
    const scores: number[] = [];
    const chars = [...text];
    for (const spot of [undefined, ...spots]) {
      if (spot !== undefined) chars[spot] = '#';
      const result = anchor(chars.join(''), selectors);
      expect(result).not.toBeNull();
      expect(result!.start).toBe(start);
      scores.push(result!.score);
    }
    for (let i = 1; i < scores.length; i++) expect(scores[i]).toBeLessThan(scores[i - 1]!);
  });

  it('places a quote whose surroundings were rewritten, with a lower score', () => {
    const selectors = selectorsFor(text, 'Medieval scribes used them to correct copying errors');
    const changed = 'Entirely new opening words here. Medieval scribes used them to correct copying errors; nothing else survived.';
    const result = anchor(changed, selectors);
    expect(result).toMatchObject({ start: 33, method: 'exact' });
    expect(result!.score).toBeLessThan(0.9);
    expect(result!.score).toBeGreaterThan(MIN_SCORE);
  });

  it('finds a long edited quote far from its old place', () => {
    const quote = 'Modern study readers let students keep such notes without marking the page itself';
    const selectors = selectorsFor(text, quote);
    const filler = 'Lorem ipsum dolor sit amet, consectetur adipiscing elit. '.repeat(2000);
    const changed = filler + text.replace('without marking the page', 'without ever marking a page');
    const result = anchor(changed, selectors);
    expect(result?.method).toBe('fuzzy');
    expect(changed.slice(result!.start, result!.end)).toBe('Modern study readers let students keep such notes without ever marking a page itself');
  });

  it('gives no anchor in unrelated text', () => {
    const selectors = selectorsFor(text, 'correct copying errors, and later readers used them');
    const unrelated = 'Photosynthesis converts light energy into chemical energy stored in glucose molecules. '.repeat(20);
    expect(anchor(unrelated, selectors)).toBeNull();
  });

  it('handles an empty quote, an empty text and missing selectors', () => {
    expect(anchor(text, [{ type: 'TextQuoteSelector', exact: '' }])).toBeNull();
    expect(anchor('', selectorsFor(text, 'Marginalia'))).toBeNull();
    expect(anchor(text, [])).toBeNull();
    // Offsets alone cannot be checked against the text.
    expect(anchor(text, [{ type: 'TextPositionSelector', start: 0, end: 10 }])).toBeNull();
  });

  it('ignores offsets outside the text and still finds the quote', () => {
    const [quote] = selectorsFor(text, 'Marginalia');
    const result = anchor(text, [quote!, { type: 'TextPositionSelector', start: 10_000, end: 10_010 }]);
    expect(result).toMatchObject({ start: 0, end: 10, method: 'exact' });
  });
});
