import { describe, expect, it } from 'vitest';
import MiniSearch from 'minisearch';
import { MINISEARCH_OPTIONS, type SearchEntry } from './library-index';
import { completions, MAX_COMPLETIONS, planQuery, queryTerms } from './query-plan';

function indexOf(texts: string[]): MiniSearch<SearchEntry> {
  const mini = new MiniSearch<SearchEntry>(MINISEARCH_OPTIONS);
  texts.forEach((text, i) => mini.add({ id: String(i), kind: 'chunk', text }));
  return mini;
}

describe('query plan', () => {
  it('folds the typed words as the index does', () => {
    expect(queryTerms('  Mise-en-scène, ЁЛКА ')).toEqual(['mise', 'en', 'scene', 'елка']);
  });

  it('completes a prefix to the most frequent indexed words, capped', () => {
    const many = Array.from({ length: 100 }, (_, i) => `cine${String(i).padStart(3, '0')}`);
    const mini = indexOf([...many, 'cinema', 'cinema', 'cinema cinematic', 'cinematic', 'cine']);
    const found = completions(mini, 'cine')!;
    expect(found).toHaveLength(MAX_COMPLETIONS);
    expect(MAX_COMPLETIONS).toBeLessThan(100);
    expect(found.slice(0, 2)).toEqual(['cinema', 'cinematic']);
    expect(found).not.toContain('cine');
    expect(completions(mini, 'zzz')).toEqual([]);
  });

  it('needs every word, and finds through completions and misspellings', () => {
    const mini = indexOf(['the cinema of Balagov', 'cinema alone', 'Balagov alone']);
    const ids = (combine: 'AND' | 'OR', q: string) => mini.search(planQuery(mini, q, combine)!).map((r) => r.id as string).sort();
    expect(ids('AND', 'cinem balag')).toEqual(['0']);
    expect(ids('OR', 'cinem balag')).toEqual(['0', '1', '2']);
    expect(ids('AND', 'cinema balagof')).toEqual(['0']);
    expect(planQuery(mini, ' , ', 'AND')).toBeNull();
  });
});
