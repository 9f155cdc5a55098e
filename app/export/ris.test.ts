import { describe, expect, it } from 'vitest';
import type { CslItem } from '../documents/model';
import { exportItems } from './export';
import { risToItems } from './ris';
import { CYRILLIC_WORK, seedWorksCited, useShippedStylesOffline } from './seed-works.fixture';

useShippedStylesOffline();

const ALL = (): CslItem[] => [...seedWorksCited(), CYRILLIC_WORK];

function ris(items: CslItem[]): string {
  const result = exportItems(items, 'ris');
  if (!result.ok) throw new Error(result.error);
  return result.value;
}

describe('RIS export', () => {
  it('writes one record per work with citekey ids, authors and full dates of newspaper articles', () => {
    const text = ris(ALL());
    expect(text.match(/^TY {2}- /gm)).toHaveLength(5);
    expect(text.match(/^ER {2}- $/gm)).toHaveLength(5);
    expect(text).toMatch(/TY {2}- NEWS\n(?:.*\n)*?AU {2}- Bykov, Dmitrii\n(?:.*\n)*?DA {2}- 2017\/05\/30\//);
    expect(text).toContain('ID  - yuvaldavis1997');
    expect(text).toContain('AU  - Кувшинова, Мария');
  });

  it('never breaks a long value over two lines', () => {
    expect(ris(ALL())).toContain('TI  - “Tesnota”: Mariia Kuvshinova beseduet s rezhiseerom Kantemirom Balagovym\n');
  });

  it('re-imports to the same CSL', () => {
    const items = ALL();
    const back = risToItems(ris(items));
    const fields = ['type', 'title', 'author', 'editor', 'issued', 'container-title', 'page', 'volume', 'publisher', 'publisher-place', 'note'];
    const pick = (item: CslItem): Record<string, unknown> => {
      const out: Record<string, unknown> = { id: item.id };
      for (const field of fields) if (item[field] !== undefined) out[field] = field === 'page' ? String(item[field]).replace(/–/g, '-') : item[field];
      return out;
    };
    const expected: Record<string, unknown>[] = items.map((item, i) => ({ ...pick(item), id: ['bykov2017', 'kuvshinova2017a', 'smolina2017', 'yuvaldavis1997', 'kuvshinova2017b'][i] }));
    // RIS has no interview type: the interview goes out as a generic record.
    expected[2]!.type = 'document';
    expect(back.map(pick)).toEqual(expected);
  });
});

describe('CSL-JSON export', () => {
  it('round-trips exactly when ids are citekeys already', () => {
    const items = seedWorksCited();
    const result = exportItems(items, 'csl-json');
    expect(result.ok && JSON.parse(result.value)).toEqual(items);
  });

  it('replaces other ids with unique citekeys and keeps every other field', () => {
    const twin: CslItem = { ...CYRILLIC_WORK, id: 'doc-2', title: 'Ещё одно интервью' };
    const result = exportItems([CYRILLIC_WORK, twin], 'csl-json');
    expect(result.ok && JSON.parse(result.value)).toEqual([
      { ...CYRILLIC_WORK, id: 'kuvshinova2017a' },
      { ...twin, id: 'kuvshinova2017b' },
    ]);
  });
});
