import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readAnystyleXml, referenceText, writeAnystyleXml } from './anystyle-xml';

const xml = readFileSync(new URL('../../../shared/eval/anystyle/core.xml', import.meta.url), 'utf8');

describe('AnyStyle XML', () => {
  it('reads every sequence of the training file', () => {
    const refs = readAnystyleXml(xml);
    expect(refs).toHaveLength(1514);
    expect(refs[1]?.segments[0]).toEqual({ tag: 'author', text: 'Romero, C., Paunesku, D., & Dweck, C.' });
    expect(referenceText(refs[0]!)).toBe('Heidegger M., 1927, Être et temps, Gallimard, Ed. 1986, Paris.');
  });

  it('writes what it reads', () => {
    const refs = readAnystyleXml(xml).slice(0, 50);
    expect(readAnystyleXml(writeAnystyleXml(refs))).toEqual(refs);
  });

  it('decodes entities and drops empty segments', () => {
    const refs = readAnystyleXml('<dataset><sequence><author>A &amp; B &#x41;</author><title>  </title></sequence></dataset>');
    expect(refs).toEqual([{ segments: [{ tag: 'author', text: 'A & B A' }] }]);
  });
});
