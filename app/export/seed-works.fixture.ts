/**
 * Test fixtures for app/export: the works cited by seed 001 as CSL items, taken from
 * /work/shared/expected/seed-citations.json (first acceptable value where several count), and a
 * guard that fails any test in which a style or locale is fetched (through fetch or XMLHttpRequest).
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, expect, vi } from 'vitest';
import type { CslItem } from '../documents/model';
import { registerShippedStyles } from './styles-node';

interface ExpectedWork {
  id: string;
  csl: Record<string, unknown>;
}

interface ExpectedSeeds {
  documents: Record<string, { worksCited?: ExpectedWork[] }>;
}

function firstAcceptable(value: unknown): unknown {
  if (value && typeof value === 'object' && 'acceptable' in value) return (value as { acceptable: unknown[] }).acceptable[0];
  return value;
}

/** Seed 001's Works Cited, in the order the seed lists them (Bykov, Kuvshinova, Smolina, Yuval-Davis). */
export function seedWorksCited(): CslItem[] {
  const url = new URL('../../../shared/expected/seed-citations.json', import.meta.url);
  const seeds = JSON.parse(readFileSync(url, 'utf8')) as ExpectedSeeds;
  const works = seeds.documents['001_94063d3630a703df.txt']?.worksCited ?? [];
  return works.map((work) => {
    const item: CslItem = { id: work.id, type: String(firstAcceptable(work.csl.type)) };
    for (const [field, value] of Object.entries(work.csl)) {
      // "note_or_genre" says either field is right; Lectern's parser files it as a note.
      if (field === 'type') continue;
      item[field === 'note_or_genre' ? 'note' : field] = firstAcceptable(value);
    }
    return item;
  });
}

/** A Russian-language work for locale and UTF-8 tests. */
export const CYRILLIC_WORK: CslItem = {
  id: 'kuvshinova-ru',
  type: 'article-journal',
  title: '«Теснота»: разговор с Кантемиром Балаговым',
  author: [{ family: 'Кувшинова', given: 'Мария' }],
  'container-title': 'Сеанс',
  volume: '65',
  page: '112–118',
  issued: { 'date-parts': [[2017, 7, 26]] },
};

/**
 * Registers the shipped styles and makes fetch and XMLHttpRequest throw for the whole file, then
 * checks neither was called: styles and locales must come from resources/csl, never a server.
 */
export function useShippedStylesOffline(): void {
  const fetch = vi.fn(() => {
    throw new Error('Lectern export must not fetch at run time');
  });
  const xhr = vi.fn(() => {
    throw new Error('Lectern export must not fetch at run time');
  });
  beforeAll(async () => {
    vi.stubGlobal('fetch', fetch);
    vi.stubGlobal('XMLHttpRequest', xhr);
    const registered = await registerShippedStyles();
    expect(registered).toEqual({ ok: true, value: undefined });
  });
  afterAll(() => {
    vi.unstubAllGlobals();
    expect(fetch).not.toHaveBeenCalled();
    expect(xhr).not.toHaveBeenCalled();
  });
}
