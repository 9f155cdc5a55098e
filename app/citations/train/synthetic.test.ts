import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { referenceText } from '../anystyle-xml';
import type { CslItem } from '../../documents/model';
import { addCiteprocLocale, addCiteprocStyle } from '../../export/citation-js';
import { readStyles, renderLabelled, synthesize, type StyleFile } from './synthetic';

const csl = (name: string) => fileURLToPath(new URL(`../../../resources/csl/${name}`, import.meta.url));
let styles: StyleFile[];

const chapter: CslItem = {
  id: 'c',
  type: 'chapter',
  author: [{ family: 'Yuval-Davis', given: 'Nira' }],
  editor: [{ family: 'Guibernau', given: 'Montserrat' }, { family: 'Rex', given: 'John' }],
  issued: { 'date-parts': [[1997]] },
  title: 'Gender and Nation',
  'container-title': 'The Ethnicity Reader',
  publisher: 'Polity Press',
  'publisher-place': 'Cambridge',
  page: '405-417',
};

const article: CslItem = {
  id: 'a',
  type: 'article-journal',
  author: [{ family: 'Сидоров', given: 'Алексей Викторович' }],
  issued: { 'date-parts': [[2017]] },
  title: 'Поэтика кадра',
  'container-title': 'Искусство кино',
  volume: '12',
  issue: '3',
  page: '45-60',
};

beforeAll(() => {
  styles = readStyles(['apa.csl', 'gost-r-7-0-5-2008.csl', 'modern-language-association.csl'].map(csl));
  for (const style of styles) addCiteprocStyle(style.id, style.xml);
  addCiteprocLocale('en-US', readFileSync(csl('locales-en-US.xml'), 'utf8'));
  addCiteprocLocale('ru-RU', readFileSync(csl('locales-ru-RU.xml'), 'utf8'));
});

const field = (ref: ReturnType<typeof renderLabelled>, tag: string) => ref?.segments.filter((s) => s.tag === tag).map((s) => s.text);

describe('synthetic references rendered through CSL styles', () => {
  it('labels every field of an APA chapter, people and numbers included', () => {
    const ref = renderLabelled(chapter, styles.find((s) => s.id.endsWith('-apa'))!);
    expect(ref).toBeDefined();
    expect(referenceText(ref!)).toMatch(/^Yuval-Davis, N\. \(1997\)\. Gender and Nation\. In M\. Guibernau & J\. Rex \(Eds\.\), The Ethnicity Reader \(pp\. 405.417\)\. Polity Press\.$/);
    expect(field(ref, 'author')).toEqual(['Yuval-Davis, N.']);
    expect(field(ref, 'date')).toEqual(['(1997).']);
    expect(field(ref, 'title')).toEqual(['Gender and Nation.']);
    expect(field(ref, 'editor')).toEqual(['In M. Guibernau & J. Rex (Eds.),']);
    expect(field(ref, 'container-title')).toEqual(['The Ethnicity Reader']);
    expect(field(ref, 'pages')?.[0]).toMatch(/^\(pp\. 405.417\)\.$/);
    expect(field(ref, 'publisher')).toEqual(['Polity Press.']);
  });

  it('labels a GOST article with its "//" journal, volume and pages', () => {
    const ref = renderLabelled(article, styles.find((s) => s.id.endsWith('gost-r-7-0-5-2008'))!);
    expect(ref?.segments.map((s) => s.tag)).toEqual(['citation-number', 'author', 'title', 'journal', 'date', 'volume', 'pages']);
    expect(field(ref, 'author')).toEqual(['Сидоров А. В.']);
    expect(field(ref, 'journal')?.[0]).toMatch(/^\/\/ Искусство кино/);
  });

  it('leaves no marker in any reference and labels a title and an author in each', () => {
    const refs = synthesize([chapter, article], styles, {}, { count: 12, seed: 3, localised: 0.5 });
    expect(refs.length).toBe(12);
    for (const ref of refs) {
      expect(referenceText(ref)).not.toMatch(/[\u2983-\u2985]/);
      expect(ref.segments.some((s) => s.tag === 'title')).toBe(true);
      expect(ref.segments.some((s) => s.tag === 'author')).toBe(true);
    }
  });

  it('drops items that still hold TeX markup', () => {
    expect(renderLabelled({ ...chapter, title: 'The \\pkg{nlme} package' }, styles[0]!)).toBeUndefined();
  });
});
