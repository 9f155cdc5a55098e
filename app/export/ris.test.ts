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
    expect(text).toContain('ID  - yuvaldavis1997gender');
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
    const expected: Record<string, unknown>[] = items.map((item, i) => ({ ...pick(item), id: ['bykov2017dve', 'kuvshinova2017tesnota', 'smolina2017udushe', 'yuvaldavis1997gender', 'kuvshinova2017tesnotaa'][i] }));
    // RIS has no interview type: the interview goes out as a generic record.
    expected[2]!.type = 'document';
    expect(back.map(pick)).toEqual(expected);
  });
});

describe('CSL-JSON export', () => {
  it('round-trips exactly when given the library’s stored keys', () => {
    const items = seedWorksCited();
    const result = exportItems(items, 'csl-json', { citekeys: items.map((item) => item.id) });
    expect(result.ok && JSON.parse(result.value)).toEqual(items);
    const assigned = exportItems(items, 'csl-json');
    expect(assigned.ok && (JSON.parse(assigned.value) as CslItem[]).map((item) => item.id)).toEqual(['bykov2017dve', 'kuvshinova2017tesnota', 'smolina2017udushe', 'yuvaldavis1997gender']);
  });

  it('replaces other ids with unique citekeys and keeps every other field', () => {
    const twin: CslItem = { ...CYRILLIC_WORK, id: 'doc-2', title: 'Ещё одно интервью' };
    const result = exportItems([CYRILLIC_WORK, twin], 'csl-json');
    expect(result.ok && JSON.parse(result.value)).toEqual([
      { ...CYRILLIC_WORK, id: 'kuvshinova2017tesnota' },
      { ...twin, id: 'kuvshinova2017eshche' },
    ]);
    const same = exportItems([CYRILLIC_WORK, { ...CYRILLIC_WORK, id: 'doc-2' }], 'csl-json');
    expect(same.ok && JSON.parse(same.value)).toEqual([
      { ...CYRILLIC_WORK, id: 'kuvshinova2017tesnota' },
      { ...CYRILLIC_WORK, id: 'kuvshinova2017tesnotaa' },
    ]);
  });
});
