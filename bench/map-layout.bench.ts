/**
 * The citation map's layout on a library-shaped graph: sources citing 20-60 works each, works
 * shared by several sources (a few classics by many), people who wrote the works and are named
 * by the sources. Measures Lectern's grid force layout (app/map/layout.ts) at 2,000 nodes, with
 * the graph build from Index rows alone and Cytoscape's built-in 'cose' on the same graph as
 * baselines in the same run. `npm run bench map-layout`.
 */
import cytoscape from 'cytoscape';
import { buildCitationMap, type MapInput, type MapWorkInput } from '../app/map/graph';
import { layoutGraph } from '../app/map/layout';
import { nodeSize } from '../app/map/svg';
import { sized, smoke, time, writeResult, seededRandom } from './harness';


/** A family name made of letters ("Baca", "Bece"...), as names are matched folded, digits aside. */
function family(i: number): string {
  const syllables = ['ba', 'ce', 'di', 'fo', 'gu', 'ka', 'le', 'mi', 'no', 'pu', 'ra', 'se', 'ti', 'vo', 'zu'];
  let name = '';
  let rest = i;
  do {
    name += syllables[rest % syllables.length];
    rest = Math.floor(rest / syllables.length);
  } while (rest > 0);
  return name.charAt(0).toUpperCase() + name.slice(1) + 'ova';
}

/** A library of `sources` documents whose map has about `sources * 50` nodes. */
function syntheticLibrary(sources: number): MapInput {
  const rand = seededRandom(15);
  const pool = Math.round(sources * 25);
  const authors = Math.round(pool * 0.6);
  const works: MapWorkInput[] = Array.from({ length: pool }, (_, i) => ({
    key: `w${i}`,
    csl: { id: `w${i}`, type: 'article-journal', title: `Work ${i}`, author: [{ family: family(i % authors), given: 'Anna' }], issued: { 'date-parts': [[1950 + (i % 70)]] } },
    citedIn: [],
    mentionedIn: [],
  }));
  const named = new Map<string, Set<string>>();
  for (let s = 0; s < sources; s++) {
    const docId = `d${s}`;
    const count = 20 + Math.floor(rand() * 41);
    for (let c = 0; c < count; c++) {
      // Skewed toward the first works: classics cited by many sources, most works by one.
      const w = works[Math.floor(pool * Math.pow(rand(), 2.2))]!;
      (rand() < 0.9 ? (w.citedIn as { docId: string }[]) : (w.mentionedIn as { docId: string }[])).push({ docId });
      const person = family(Number(w.key.slice(1)) % authors);
      if (rand() < 0.3) named.set(person, (named.get(person) ?? new Set()).add(docId));
    }
  }
  const people = [...named].map(([name, docs]) => ({ key: name.toLowerCase(), name: `Anna ${name}`, otherSpellings: [], documents: [...docs].map((docId) => ({ docId })) }));
  const documents = Array.from({ length: sources }, (_, s) => ({ id: `d${s}`, title: `Source ${s}`, metadata: { id: `d${s}`, type: 'article-journal', title: `Source ${s}` } }));
  return { documents, works: works.filter((w) => w.citedIn.length + w.mentionedIn.length > 0), people };
}

/** Grows the library until its map has at least `target` nodes, then keeps exactly that many. */
function graphOf(target: number) {
  let sources = Math.max(2, Math.round(target / 50));
  let map = buildCitationMap(syntheticLibrary(sources));
  while (map.nodes.length < target) map = buildCitationMap(syntheticLibrary((sources = Math.ceil(sources * 1.2))));
  const nodes = map.nodes.slice(0, target);
  const index = new Map(nodes.map((node, i) => [node.id, i]));
  const edges = map.edges.flatMap((e) => {
    const a = index.get(e.source);
    const b = index.get(e.target);
    return a === undefined || b === undefined ? [] : [[a, b] as const];
  });
  return { input: syntheticLibrary(sources), sources, nodes, edges };
}

const size = sized(2000, 300);
const { input, sources, nodes, edges } = graphOf(size);
const layoutNodes = nodes.map((node) => ({ id: node.id, size: nodeSize(node) }));

const build = await time(() => buildCitationMap(input), smoke ? 1 : 9, smoke ? 0 : 2);
const layout = await time(() => layoutGraph(layoutNodes, edges), smoke ? 1 : 9, smoke ? 0 : 2);
// Processor time per layout (mean of five): on a shared, loaded machine the wall clock also counts waiting.
const cpuRuns = smoke ? 1 : 5;
const cpuStart = process.cpuUsage();
for (let i = 0; i < cpuRuns; i++) layoutGraph(layoutNodes, edges);
const cpu = process.cpuUsage(cpuStart);
const layoutCpuMs = Math.round((cpu.user + cpu.system) / cpuRuns / 100) / 10;

// Cytoscape's own force layout, headless, against Lectern's on a smaller library.
const small = graphOf(sized(500, 100));
const smallNodes = small.nodes.map((node) => ({ id: node.id, size: nodeSize(node) }));
const smallLayout = await time(() => layoutGraph(smallNodes, small.edges), smoke ? 1 : 9, smoke ? 0 : 2);
const cose = await time(
  () => {
    const cy = cytoscape({
      headless: true,
      styleEnabled: false,
      elements: [
        ...small.nodes.map((node) => ({ data: { id: node.id } })),
        ...small.edges.map(([a, b], i) => ({ data: { id: `e${i}`, source: small.nodes[a]!.id, target: small.nodes[b]!.id } })),
      ],
    });
    cy.layout({ name: 'cose', animate: false, randomize: false }).run();
    cy.destroy();
  },
  smoke ? 1 : 3,
  0,
);

// The same library lays out the same way twice.
const first = layoutGraph(layoutNodes, edges);
const second = layoutGraph(layoutNodes, edges);
if (first.x.some((value, i) => value !== second.x[i] || first.y[i] !== second.y[i])) throw new Error('layout is not deterministic');
if (first.x.some((value, i) => !Number.isFinite(value) || !Number.isFinite(first.y[i]!))) throw new Error('layout produced a non-finite position');

const round = (value: number) => Math.round(value * 1000) / 1000;
writeResult('map-layout', {
  graph: { nodes: nodes.length, edges: edges.length, sources, kinds: Object.fromEntries(['source', 'work', 'person'].map((k) => [k, nodes.filter((n) => n.kind === k).length])) },
  layout,
  layoutCpuMs,
  baseline: { graphBuild: build },
  ratio: { layoutVsGraphBuild: round(layout.medianMs / build.medianMs) },
  versusCose: { nodes: small.nodes.length, edges: small.edges.length, layout: smallLayout, cose, ratio: round(smallLayout.medianMs / cose.medianMs) },
});
