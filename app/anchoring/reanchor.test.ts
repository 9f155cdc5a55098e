import { describe, expect, it } from 'vitest';
import { describeRange } from './describe';
import { reanchorAll } from './reanchor';

const syllables = 'ka lo mi re tu sa ne vo pi da gu he ri so ma te lu fo ba ni'.split(' ');
/** A deterministic text of `n` pseudo-words (seeded LCG): any run of a few words is unique. */
function wordsText(n: number): string {
  let seed = 12345;
  const next = (k: number): number => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return Math.floor((seed / 2147483648) * k);
  };
  const out: string[] = [];
  for (let i = 0; i < n; i++) out.push(Array.from({ length: 2 + next(2) }, () => syllables[next(syllables.length)]).join(''));
  return out.join(' ');
}

describe('reanchorAll', () => {
  const text = wordsText(3000);
  const ranges = [
    [500, 560],
    [9000, 9040],
    [100, 130],
    [15000, 15090],
  ] as const;
  const annotations = ranges.map(([start, end], i) => {
    const { quote, position } = describeRange(text, start, end);
    return { id: `h${i}`, selectors: [quote, position] };
  });

  it('moves every highlight with its text, in the order given', () => {
    // A preface inserted and a passage removed between the second and third highlights.
    const changed = 'A new preface. '.repeat(40) + text.slice(0, 5000) + text.slice(5200);
    const moved = (offset: number): number => offset + 600 - (offset >= 5200 ? 200 : 0);
    const outcomes = reanchorAll(changed, annotations);
    expect(outcomes.map((o) => o.id)).toEqual(['h0', 'h1', 'h2', 'h3']);
    outcomes.forEach((outcome, i) => {
      const [start, end] = ranges[i]!;
      expect(outcome.result).toMatchObject({ start: moved(start), end: moved(end) });
    });
  });

  it('returns null for a highlight whose text is gone, and keeps the others', () => {
    const changed = text.slice(0, 8900) + text.slice(9200);
    const outcomes = reanchorAll(changed, annotations);
    expect(outcomes.find((o) => o.id === 'h1')?.result).toBeNull();
    expect(outcomes.filter((o) => o.result !== null)).toHaveLength(3);
    expect(outcomes.find((o) => o.id === 'h3')?.result).toMatchObject({ start: 15000 - 300 });
  });

  it('handles no annotations and annotations without offsets', () => {
    expect(reanchorAll(text, [])).toEqual([]);
    const quoteOnly = { id: 'q', selectors: [describeRange(text, 700, 740).quote] };
    expect(reanchorAll(text, [quoteOnly])[0]?.result).toMatchObject({ start: 700, end: 740 });
  });
});
