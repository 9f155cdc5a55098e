import { readdirSync, readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { findDocumentCitations } from '../../../app/citations/document-citations';
import { importFile } from '../../../app/documents/import';
import { buildCitationMap, type MapInput } from '../../../app/map/graph';
import { citationRows } from '../../../app/store/citation-rows';
import type { LibrarySources } from '../../../app/store/library-reads';
import { buildLibraryIndexes } from '../indexes/index-data';

const SEEDS = new URL('../../../../shared/seeds/', import.meta.url);
let input: MapInput;

beforeAll(async () => {
  const sources: LibrarySources = { documents: [], references: [], citations: [] };
  for (const name of readdirSync(SEEDS).sort()) {
    const read = await importFile(name, new Uint8Array(readFileSync(new URL(name, SEEDS))));
    if (!read.ok) throw new Error(read.error);
    const doc = read.value;
    const docId = name.slice(0, 3);
    sources.documents.push({ id: docId, title: doc.metadata.title ?? name, metadata: doc.metadata, text: doc.text });
    const rows = citationRows(docId, findDocumentCitations(doc));
    sources.references.push(...rows.references.map((r) => ({ ...r, docId })));
    sources.citations.push(...rows.citations.map((c) => ({ ...c, id: `${docId}:${c.id}`, docId, referenceIds: c.referenceIds })));
  }
  const indexes = buildLibraryIndexes(sources);
  input = { documents: sources.documents.map((d) => ({ ...d, tags: d.id === '001' || d.id === '004' ? ['film'] : [] })), ...indexes };
});

const edgesOf = (map: ReturnType<typeof buildCitationMap>, id: string) => map.edges.filter((e) => e.source === id || e.target === id).map((e) => `${e.kind} ${e.source} ${e.target}`).sort();

describe('the citation map of the five seeds, from the Index rows', () => {
  it('draws every seed as a source and links Kuvshinova 2017 to 001 (cites) and 004 (mentions)', () => {
    const map = buildCitationMap(input);
    expect(map.nodes.filter((n) => n.kind === 'source').map((n) => n.docId).sort()).toEqual(['000', '001', '002', '003', '004']);
    const kuvshinova = map.nodes.find((n) => n.kind === 'work' && n.label === 'Kuvshinova 2017');
    expect(kuvshinova).toBeDefined();
    expect(kuvshinova!.weight).toBe(2);
    const links = map.edges.filter((e) => e.target === kuvshinova!.id && e.kind !== 'wrote');
    expect(links.map((e) => `${e.kind} ${e.source}`).sort()).toEqual(['cites s:001', 'mentions s:004']);
    // Her own node wrote the work and is named by both seeds.
    const person = map.nodes.find((n) => n.kind === 'person' && n.label.endsWith('Kuvshinova'))!;
    expect(edgesOf(map, person.id)).toEqual([`names s:001 ${person.id}`, `names s:004 ${person.id}`, `wrote ${person.id} ${kuvshinova!.id}`]);
  });

  it('draws the four works of 001 and no node twice; every edge joins two drawn nodes', () => {
    const map = buildCitationMap(input);
    expect(map.nodes.filter((n) => n.kind === 'work').map((n) => n.label).sort()).toEqual(['Bykov 2017', 'Kuvshinova 2017', 'Smolina 2017', 'Yuval-Davis 1997']);
    const ids = new Set(map.nodes.map((n) => n.id));
    expect(ids.size).toBe(map.nodes.length);
    for (const edge of map.edges) expect(ids.has(edge.source) && ids.has(edge.target)).toBe(true);
    // Daria Ezerova wrote 001: one "wrote" edge to the source, no "names" edge from it.
    const ezerova = map.nodes.find((n) => n.label === 'Daria Ezerova')!;
    expect(edgesOf(map, ezerova.id)).toEqual([`wrote ${ezerova.id} s:001`]);
  });

  it('at least two sources: Kuvshinova 2017 stays (001 and 004), the works only 001 cites go', () => {
    const map = buildCitationMap(input, { minSources: 2 });
    expect(map.nodes.filter((n) => n.kind === 'work').map((n) => n.label)).toEqual(['Kuvshinova 2017']);
    expect(map.nodes.filter((n) => n.kind === 'person').every((n) => n.weight >= 2 || map.edges.some((e) => e.kind === 'wrote' && e.source === n.id))).toBe(true);
    expect(map.nodes.some((n) => n.label === 'Kantemir Balagov')).toBe(true);
    expect(map.nodes.some((n) => n.label === 'Linda McDowell')).toBe(false);
  });

  it('a tag keeps its sources only: 004 alone still mentions Kuvshinova 2017', () => {
    const only004 = { ...input, documents: input.documents.map((d) => ({ ...d, tags: d.id === '004' ? ['film'] : [] })) };
    const map = buildCitationMap(only004, { tag: 'film' });
    expect(map.nodes.filter((n) => n.kind === 'source').map((n) => n.docId)).toEqual(['004']);
    const work = map.nodes.find((n) => n.kind === 'work')!;
    expect(work.label).toBe('Kuvshinova 2017');
    expect(edgesOf(map, work.id).filter((e) => !e.startsWith('wrote'))).toEqual([`mentions s:004 ${work.id}`]);
    expect(map.edges.every((e) => e.kind === 'wrote' || e.source === 's:004')).toBe(true);
  });
});
