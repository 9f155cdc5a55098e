import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { CslItem } from '../documents/model';
import { exportItemsCached, memoryEntryCache, textHash, type CachedRenderStats } from './bibliography-cache';
import { fromBibtexText } from './citation-js';
import { exportItems } from './export';
import { seedWorksCited, useShippedStylesOffline } from './seed-works.fixture';

useShippedStylesOffline();

/** Each case renders about a hundred entries several times: seconds on a busy machine. */
const SLOW = 120_000;

const year = (y: number) => ({ 'date-parts': [[y]] });
const hale = [{ family: 'Hale', given: 'Maria' }];

/** Works built here: two by one author in one year (2017a, 2017b), and a namesake of hers. */
const builtWorks: CslItem[] = [
  { id: 'h1', type: 'article-journal', title: 'Reading the margins', author: hale, issued: year(2017), 'container-title': 'Film Quarterly', volume: '70', page: '12-30' },
  { id: 'h2', type: 'book', title: 'Archives of the everyday', author: hale, issued: year(2017), publisher: 'Verso' },
  { id: 'h3', type: 'book', title: 'Later work', author: hale, issued: year(2019), publisher: 'Verso' },
  { id: 'h4', type: 'chapter', title: 'A namesake', author: [{ family: 'Hale', given: 'Adam' }], issued: year(2017), 'container-title': 'Essays', editor: [{ family: 'Ruiz', given: 'Ana' }], publisher: 'Routledge' },
];

/** Real references: the development corpus' bibliography, read through Lectern's BibTeX import. */
function corpusWorks(): CslItem[] {
  return fromBibtexText(readFileSync(new URL('../../eval/citations/made/works.bib', import.meta.url), 'utf8'));
}

function plain(items: readonly CslItem[], style: string, output: 'text' | 'html'): string {
  const result = exportItems(items, style, { output });
  if (!result.ok) throw new Error(result.error);
  return result.value;
}

async function cached(items: readonly CslItem[], style: string, output: 'text' | 'html', cache = memoryEntryCache()): Promise<{ text: string; stats: CachedRenderStats }> {
  const stats: CachedRenderStats = { reused: 0, rendered: 0, registered: 0 };
  const result = await exportItemsCached(items, style, cache, { output }, stats);
  if (!result.ok) throw new Error(result.error);
  return { text: result.value, stats };
}

describe('cached bibliographies are byte for byte the uncached ones', () => {
  for (const style of ['apa', 'mla', 'chicago']) {
    for (const output of ['text', 'html'] as const) {
      it(`${style} (${output}): cold, again, after an edit, an addition, a removal`, async () => {
        const cache = memoryEntryCache();
        let items = [...corpusWorks(), ...seedWorksCited(), ...builtWorks];

        const cold = await cached(items, style, output, cache);
        expect(cold.text).toBe(plain(items, style, output));
        expect(cold.stats.reused).toBe(0);

        const again = await cached(items, style, output, cache);
        expect(again.text).toBe(cold.text);
        expect(again.stats).toEqual({ reused: items.length, rendered: 0, registered: 0 });

        // One title edited: that entry renders again (with its neighbours at most), the rest are kept.
        items = items.map((item) => (item.id === 'h3' ? { ...item, title: 'Later work, revised' } : item));
        const edited = await cached(items, style, output, cache);
        expect(edited.text).toBe(plain(items, style, output));
        expect(edited.text).toMatch(/later work, revised/i);
        expect(edited.stats.registered).toBe(1);
        // MLA cites by author alone ("Hale"), so all of Hale's works form one group there.
        expect(edited.stats.rendered).toBeLessThanOrEqual(8);
        expect(edited.stats.reused).toBeGreaterThanOrEqual(items.length - 8);

        // A third Hale 2017 joins the pair: the whole group renders again (2017a-c in APA and Chicago).
        items = [...items, { id: 'h5', type: 'book', title: 'Between frames', author: hale, issued: year(2017), publisher: 'Verso' }];
        const added = await cached(items, style, output, cache);
        expect(added.text).toBe(plain(items, style, output));

        // And leaves again: back to the first text.
        items = items.filter((item) => item.id !== 'h5');
        const removed = await cached(items, style, output, cache);
        expect(removed.text).toBe(edited.text);
      }, SLOW);
    }
  }

  it('keeps the year suffixes right as a same-author-same-year pair forms and breaks', async () => {
    const cache = memoryEntryCache();
    const alone = builtWorks.filter((item) => item.id !== 'h2');
    const first = await cached(alone, 'apa', 'text', cache);
    expect(first.text).toContain('Hale, M. (2017). Reading the margins');
    const pair = await cached(builtWorks, 'apa', 'text', cache);
    expect(pair.text).toBe(plain(builtWorks, 'apa', 'text'));
    expect(pair.text).toContain('Hale, M. (2017a). Archives of the everyday');
    expect(pair.text).toContain('Hale, M. (2017b). Reading the margins');
    // The namesake is told apart by his initial, so he gets no suffix.
    expect(pair.text).toContain('Hale, A. (2017). A namesake');
    // Only the three Hale 2017 works (one citation, "Hale, 2017", before disambiguation) rendered
    // again; the 2019 book was kept.
    expect(pair.stats.rendered).toBe(3);
    expect(pair.stats.reused).toBe(1);
    const back = await cached(alone, 'apa', 'text', cache);
    expect(back.text).toBe(first.text);
  });

  it('renders the entry after a changed one again where the style substitutes repeated authors', async () => {
    const cache = memoryEntryCache();
    await cached(builtWorks, 'chicago', 'text', cache);
    // Hale's first entry changes author: the entry after it now shows her name instead of "———".
    const items = builtWorks.map((item) => (item.id === 'h2' ? { ...item, author: [{ family: 'Abbot', given: 'Maria' }] } : item));
    const after = await cached(items, 'chicago', 'text', cache);
    expect(after.text).toBe(plain(items, 'chicago', 'text'));
  });

  it('renders numbered styles whole, and says which style is missing as exportItems does', async () => {
    const items = [...seedWorksCited(), ...builtWorks];
    const cache = memoryEntryCache();
    const gost = await cached(items, 'gost-r-7-0-5-2008', 'text', cache);
    expect(gost.text).toBe(plain(items, 'gost-r-7-0-5-2008', 'text'));
    expect(cache.size()).toBe(0);
    expect(await exportItemsCached(items, 'no-such-style', cache)).toEqual(exportItems(items, 'no-such-style'));
    expect(await exportItemsCached(items, 'ris', cache)).toEqual(exportItems(items, 'ris'));
  });
});

describe('textHash', () => {
  it('is stable and tells close strings apart', () => {
    expect(textHash('Hale 2017')).toBe(textHash('Hale 2017'));
    expect(textHash('Hale 2017')).not.toBe(textHash('Hale 2018'));
    expect(textHash('')).toMatch(/^[0-9a-f]{14}$/);
  });
});
