import { describe, expect, it } from 'vitest';
import { contextAgreement, scoreCandidate, similarity, type QuoteContext } from './match-score';

describe('similarity', () => {
  it('is 1 for identical text, falls by 1/length per edit, 0 against empty text', () => {
    expect(similarity('reading room', 'reading room')).toBe(1);
    expect(similarity('reading rxom', 'reading room')).toBeCloseTo(1 - 1 / 12);
    expect(similarity('', 'reading room')).toBe(0);
    expect(similarity('anything', '')).toBe(1);
  });
});

describe('scoreCandidate', () => {
  const exact = 'the margins were too narrow for notes';
  const prefix = 'Students complained that ';
  const suffix = ', so the press widened them';

  /** Builds the text with `damage` characters replaced by '#' in quote, then prefix, then suffix. */
  const damaged = (damage: number): { text: string; start: number; end: number } => {
    const hit = (s: string, n: number): string => {
      const chars = [...s];
      // Every third character, so no two '#' are adjacent and each costs exactly one edit.
      for (let i = 0; i < n; i++) chars[1 + i * 3] = '#';
      return chars.join('');
    };
    const perPart = 8;
    const q = hit(exact, Math.min(damage, perPart));
    const p = hit(prefix, Math.max(0, Math.min(damage - perPart, perPart)));
    const s = hit(suffix, Math.max(0, Math.min(damage - 2 * perPart, perPart)));
    return { text: p + q + s, start: p.length, end: p.length + q.length };
  };

  it('is 1 for an exact quote in its exact context at the hinted place', () => {
    const { text, start, end } = damaged(0);
    expect(scoreCandidate(text, { start, end, errors: 0 }, { exact, prefix, suffix, hint: start })).toBe(1);
  });

  it('falls strictly as quote, then prefix, then suffix are damaged', () => {
    const scores: number[] = [];
    for (let damage = 0; damage <= 24; damage++) {
      const { text, start, end } = damaged(damage);
      const errors = Math.min(damage, 8);
      scores.push(scoreCandidate(text, { start, end, errors }, { exact, prefix, suffix, hint: start }));
    }
    for (let i = 1; i < scores.length; i++) expect(scores[i]).toBeLessThan(scores[i - 1]!);
    expect(scores.at(-1)).toBeGreaterThan(0);
  });

  it('prefers the hinted place when all else is equal', () => {
    const text = 'x'.repeat(100);
    const context: QuoteContext = { exact: 'xx', hint: 10 };
    const near = scoreCandidate(text, { start: 12, end: 14, errors: 0 }, context);
    const far = scoreCandidate(text, { start: 80, end: 82, errors: 0 }, context);
    expect(near).toBeGreaterThan(far);
  });
});

describe('contextAgreement', () => {
  it('counts matching characters outward from the quote', () => {
    const text = 'abcXYZdef';
    expect(contextAgreement(text, 3, 6, { exact: 'XYZ', prefix: 'abc', suffix: 'def' })).toBe(6);
    expect(contextAgreement(text, 3, 6, { exact: 'XYZ', prefix: 'zbc', suffix: 'dzf' })).toBe(3);
    expect(contextAgreement(text, 3, 6, { exact: 'XYZ' })).toBe(0);
  });
});
