import { describe, expect, it } from 'vitest';
import MiniSearch from 'minisearch';
import { MINISEARCH_OPTIONS, type SearchEntry } from './library-index';
import { indexView } from './index-view';
import { completions, MAX_COMPLETIONS, MAX_CORRECTIONS, maxEdits, planWords, queryTerms } from './query-plan';
import { rankResults } from './rank-entries';

function indexOf(texts: string[]): MiniSearch<SearchEntry> {
  const mini = new MiniSearch<SearchEntry>(MINISEARCH_OPTIONS);
  texts.forEach((text, i) => mini.add({ id: String(i), kind: 'chunk', docId: String(i), text }));
  return mini;
}

describe('query plan', () => {
  it('folds the typed words as the index does', () => {
    expect(queryTerms('  Mise-en-scène, ЁЛКА ')).toEqual(['mise', 'en', 'scene', 'елка']);
  });

  it('completes a prefix to the most frequent indexed words, capped', () => {
    const many = Array.from({ length: 100 }, (_, i) => `cine${String(i).padStart(3, '0')}`);
    const mini = indexOf([...many, 'cinema', 'cinema', 'cinema cinematic', 'cinematic', 'cine']);
    const found = completions(mini, 'cine');
    expect(found).toHaveLength(MAX_COMPLETIONS);
    expect(MAX_COMPLETIONS).toBeLessThan(100);
    expect(found.slice(0, 2)).toEqual(['cinema', 'cinematic']);
    expect(found).not.toContain('cine');
    expect(completions(mini, 'zzz')).toEqual([]);
  });

  it('needs every word, and finds through completions and misspellings', () => {
    const mini = indexOf(['the cinema of Balagov', 'cinema alone', 'Balagov alone']);
    const view = indexView(mini, {});
    const ids = (q: string) => rankResults(view, planWords(view.tree, q), 10).map((r) => view.stored(r.entry)?.docId as string).sort();
    expect(ids('cinem balag')).toEqual(['0']);
    // No entry holds every word: any will do.
    expect(ids('cinem balag quixotry')).toEqual(['0', '1', '2']);
    expect(ids('cinema balagof')).toEqual(['0']);
    expect(planWords(view.tree, ' , ')).toEqual([]);
  });

  it('marks the typed word exact and caps corrections, fewest edits first', () => {
    const near = Array.from({ length: 26 }, (_, i) => `c${String.fromCharCode(97 + i)}nema`).filter((w) => w !== 'cinema');
    const mini = indexOf(['cinema', ...near, 'cinemx', 'the cinemx', 'kinema']);
    const [plan] = planWords(indexView(mini, {}).tree, 'cinema');
    expect(plan!.expansions[0]).toMatchObject({ term: 'cinema', exact: true, weight: 1 });
    const corrections = plan!.expansions.filter((e) => !e.exact);
    expect(corrections).toHaveLength(MAX_CORRECTIONS);
    expect(corrections[0]!.term).toBe('cinemx');
    expect(corrections.every((e) => e.weight < 1)).toBe(true);
    expect([maxEdits(3), maxEdits(4), maxEdits(7), maxEdits(8), maxEdits(20)]).toEqual([0, 1, 1, 2, 2]);
  });

  it('keeps one plan per distinct typed word', () => {
    const mini = indexOf(['cinema']);
    expect(planWords(indexView(mini, {}).tree, 'Cinema cinema CINEMA').map((p) => p.word)).toEqual(['cinema']);
  });
});
