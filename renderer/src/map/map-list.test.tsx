import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { buildCitationMap } from '../../../app/map/graph';
import { MapList } from './MapList';
import { describeNode } from './map-text';

const map = buildCitationMap({
  documents: [
    { id: 'a', title: 'Essay A', metadata: { id: 'a', type: 'article-journal', title: 'Essay A', author: [{ family: 'Ezerova', given: 'Daria' }], issued: { 'date-parts': [[2018]] } } },
    { id: 'b', title: 'Essay B', metadata: { id: 'b', type: 'article-journal', title: 'Essay B' } },
  ],
  works: [{ key: 'k', csl: { id: 'k', type: 'article', title: 'Tesnota', author: [{ family: 'Kuvshinova', given: 'Mariia' }], issued: { 'date-parts': [[2017]] } }, citedIn: [{ docId: 'a' }], mentionedIn: [{ docId: 'b' }] }],
  people: [],
});

describe('the map as a list', () => {
  it('lists every node under its kind with its links read from its side, and a button that opens it', () => {
    const html = renderToStaticMarkup(<MapList map={map} onOpen={() => undefined} />);
    expect(html.match(/<li data-node-id=/g)).toHaveLength(map.nodes.length);
    const work = html.slice(html.indexOf('data-node-id="w:k"'));
    expect(work).toMatch(/class="map-list-item map-kind-work shared"/);
    expect(work).toContain('<li data-link="cited by">cited by Ezerova 2018</li>');
    expect(work).toContain('<li data-link="mentioned in">mentioned in Essay B</li>');
    expect(html).toContain('<li data-link="cites">cites Kuvshinova 2017</li>');
    expect(html).toMatch(/<button type="button" class="map-list-open"[^>]*>.*Kuvshinova 2017<\/button>/);
    expect(html.indexOf('Sources')).toBeLessThan(html.indexOf('Cited works'));
  });

  it('says what a node is and what a click does', () => {
    const work = map.nodes.find((n) => n.kind === 'work')!;
    expect(describeNode(work)).toBe('Cited work · in 2 sources · opens its Index entry');
    expect(describeNode(map.nodes.find((n) => n.docId === 'a')!)).toBe('Source in your library · opens it');
  });
});
