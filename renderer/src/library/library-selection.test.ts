import { describe, expect, it } from 'vitest';
import { daysLeft, loadSelection, parseTagInput, sameSelection, saveSelection } from './library-selection';

function memoryStorage(initial?: string) {
  const map = new Map<string, string>(initial === undefined ? [] : [['lectern.library.filter', initial]]);
  return { getItem: (key: string) => map.get(key) ?? null, setItem: (key: string, value: string) => void map.set(key, value) };
}

describe('library selection', () => {
  it('round-trips every kind through storage', () => {
    for (const selection of [{ kind: 'all' }, { kind: 'tag', tag: 'thesis' }, { kind: 'collection', id: 'c1' }, { kind: 'trash' }] as const) {
      const storage = memoryStorage();
      saveSelection(selection, storage);
      expect(loadSelection(storage)).toEqual(selection);
    }
  });

  it('falls back to all documents on damaged or missing entries', () => {
    expect(loadSelection(memoryStorage())).toEqual({ kind: 'all' });
    expect(loadSelection(memoryStorage('{oops'))).toEqual({ kind: 'all' });
    expect(loadSelection(memoryStorage('{"kind":"tag","tag":""}'))).toEqual({ kind: 'all' });
    expect(loadSelection(memoryStorage('{"kind":"collection"}'))).toEqual({ kind: 'all' });
  });

  it('compares tags ignoring case', () => {
    expect(sameSelection({ kind: 'tag', tag: 'Thesis' }, { kind: 'tag', tag: 'thesis' })).toBe(true);
    expect(sameSelection({ kind: 'collection', id: 'a' }, { kind: 'collection', id: 'b' })).toBe(false);
    expect(sameSelection({ kind: 'trash' }, { kind: 'trash' })).toBe(true);
    expect(sameSelection({ kind: 'all' }, { kind: 'trash' })).toBe(false);
  });
});

describe('daysLeft', () => {
  const day = 24 * 60 * 60 * 1000;
  it('counts whole days left, rounding up, never negative', () => {
    expect(daysLeft(0, 30, 0)).toBe(30);
    expect(daysLeft(0, 30, day / 2)).toBe(30);
    expect(daysLeft(0, 30, 29.5 * day)).toBe(1);
    expect(daysLeft(0, 30, 31 * day)).toBe(0);
  });
});

describe('parseTagInput', () => {
  it('splits at commas and drops blanks', () => {
    expect(parseTagInput(' thesis, film ,, week 2 ,')).toEqual(['thesis', 'film', 'week 2']);
  });
});
