import { describe, expect, it } from 'vitest';
import { buildCitationMap } from './graph';
import { mapToSvg } from './svg';

describe('mapToSvg', () => {
  it('writes well-formed SVG with every label escaped, a shape per kind and a line per edge', () => {
    const map = buildCitationMap({
      documents: [{ id: 'd', title: 'Source <one> & two', metadata: { id: 'd', type: 'book', title: 'Source <one> & two' } }],
      works: [{ key: 'w', csl: { id: 'w', type: 'book', author: [{ family: 'Kuvshinova', given: 'Mariia' }], issued: { 'date-parts': [[2017]] } }, citedIn: [{ docId: 'd' }], mentionedIn: [] }],
      people: [{ key: 'p', name: 'Mariia Kuvshinova', otherSpellings: [], documents: [{ docId: 'd' }] }],
    });
    const positions = new Map([
      ['s:d', { x: 0, y: 0 }],
      ['w:w', { x: 100, y: 0 }],
      ['p:p', { x: 50, y: 80 }],
    ]);
    const svg = mapToSvg(map, positions);
    expect(svg).toContain('Source &lt;one&gt; &amp; two');
    expect(svg).toContain('>Kuvshinova 2017<');
    expect(svg.match(/<rect [^>]*rx=/g)).toHaveLength(1);
    expect(svg.match(/<circle /g)).toHaveLength(1);
    expect(svg.match(/<polygon /g)).toHaveLength(1);
    expect(svg.match(/<line /g)).toHaveLength(map.edges.length);
    expect(svg.startsWith('<?xml')).toBe(true);
    expect(svg.trim().endsWith('</svg>')).toBe(true);
  });
});
