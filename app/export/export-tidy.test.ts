import { describe, expect, it } from 'vitest';
import type { CslItem } from '../documents/model';
import { exportItems } from './export';
import { spellInitials, withSiteNamesKept } from './export-tidy';
import { useShippedStylesOffline } from './seed-works.fixture';

useShippedStylesOffline();

const andrews: CslItem = { id: 'a', type: 'article-journal', title: 'Tests for parameter instability', author: [{ family: 'Andrews', given: 'DWK' }], issued: { 'date-parts': [[1993]] }, 'container-title': 'Econometrica' };
const sobesednik: CslItem = {
  id: 's',
  type: 'article-newspaper',
  title: 'Kantemir Balagov on Closeness',
  author: [{ family: 'Ezerova', given: 'D.' }],
  issued: { 'date-parts': [[2017, 5, 30]] },
  'container-title': 'Sobesednik.ru',
};

function text(items: CslItem[], format: string): string {
  const result = exportItems(items, format);
  if (!result.ok) throw new Error(result.error);
  return result.value;
}

describe('names written Family INITIALS', () => {
  it('spell their initials out, so APA keeps all three', () => {
    expect(spellInitials({ family: 'Andrews', given: 'DWK' })).toEqual({ family: 'Andrews', given: 'D. W. K.' });
    expect(spellInitials({ family: 'Ezerova', given: 'Daria' })).toEqual({ family: 'Ezerova', given: 'Daria' });
    expect(text([andrews], 'apa')).toMatch(/^Andrews, D\. W\. K\. \(1993\)/);
    expect(text([andrews], 'ris')).toContain('AU  - Andrews, D. W. K.');
  });
});

describe('site names', () => {
  it('keep their case in APA, MLA and Chicago', () => {
    for (const style of ['apa', 'mla', 'chicago']) {
      const entry = text([sobesednik], style);
      expect(entry, style).toContain('Sobesednik.ru');
      expect(entry, style).not.toContain('<span');
    }
  });
  it('are found as addresses, not in abbreviations', () => {
    expect(withSiteNamesKept({ ...sobesednik, 'container-title': 'Meduza.io and kino-teatr.ru' })['container-title']).toBe(
      '<span class="nocase">Meduza.io</span> and <span class="nocase">kino-teatr.ru</span>',
    );
    const plain = { ...sobesednik, 'container-title': 'Notes, e.g. in the U.S. press' };
    expect(withSiteNamesKept(plain)).toBe(plain);
  });
});

describe('BibTeX dates', () => {
  it('write the month as BibTeX’s macro and the day on its own', () => {
    const bibtex = text([sobesednik], 'bibtex');
    expect(bibtex).toContain('\tmonth = may,\n\tday = {30},');
    expect(bibtex).not.toContain('{may 30}');
    const monthOnly = text([{ ...sobesednik, issued: { 'date-parts': [[2017, 5]] } }], 'bibtex');
    expect(monthOnly).toContain('\tmonth = may,');
  });
});

describe('a review exported as a reference', () => {
  const review: CslItem = {
    id: 'e',
    type: 'review',
    title: 'Kantemir Balagov: Closeness (Tesnota, 2017)',
    'reviewed-title': 'Kantemir Balagov: Closeness (Tesnota, 2017)',
    author: [{ family: 'Ezerova', given: 'Daria' }],
    issued: { 'date-parts': [[2018]] },
    issue: '60',
  };
  it('is not a review of its own title, and has no issue number without its journal', () => {
    const apa = text([review], 'apa');
    expect(apa).toBe('Ezerova, D. (2018). Kantemir Balagov: Closeness (Tesnota, 2017).\n');
    expect(text([review], 'mla')).not.toContain('no. 60');
  });
  it('keeps the issue when the journal is known', () => {
    expect(text([{ ...review, 'container-title': 'KinoKultura' }], 'apa')).toBe('Ezerova, D. (2018). Kantemir Balagov: Closeness (Tesnota, 2017). KinoKultura, 60.\n');
  });
});
