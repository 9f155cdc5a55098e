/**
 * The citation map as a standalone SVG file: the same shapes, colours and labels as on screen
 * (sources squares, works circles, people diamonds), so it opens in a browser, Inkscape or a
 * word processor without Lectern.
 */
import type { CitationMap, MapNode, MapNodeKind } from './graph';

/** Colours of the drawing (the app passes its theme's). */
export interface MapPalette {
  background: string;
  text: string;
  edge: string;
  source: string;
  work: string;
  person: string;
  /** The outline of works in two sources or more, so they stand out. */
  shared: string;
}

/** The light theme's colours, for callers without a theme. */
export const LIGHT_PALETTE: MapPalette = {
  background: '#ffffff',
  text: '#1f2328',
  edge: '#8c959f',
  source: '#2f6fb0',
  work: '#c2571a',
  person: '#2e7d4f',
  shared: '#7a1f9c',
};

/** How big a node is drawn: works and people grow with their linked sources. */
export function nodeSize(node: Pick<MapNode, 'kind' | 'weight'>): number {
  if (node.kind === 'source') return 30 + Math.min(node.weight, 10) * 3;
  return 16 + Math.min(Math.max(node.weight - 1, 0), 10) * 5;
}

const escape = (text: string) => text.replace(/&/gu, '&amp;').replace(/</gu, '&lt;').replace(/>/gu, '&gt;').replace(/"/gu, '&quot;');
const fixed = (value: number) => (Math.round(value * 10) / 10).toString();

function shape(kind: MapNodeKind, x: number, y: number, size: number, fill: string, stroke: string, strokeWidth: number): string {
  const h = size / 2;
  const paint = `fill="${fill}" stroke="${stroke}" stroke-width="${strokeWidth}"`;
  if (kind === 'source') return `<rect x="${fixed(x - h)}" y="${fixed(y - h)}" width="${fixed(size)}" height="${fixed(size)}" rx="3" ${paint}/>`;
  if (kind === 'person') return `<polygon points="${fixed(x)},${fixed(y - h)} ${fixed(x + h)},${fixed(y)} ${fixed(x)},${fixed(y + h)} ${fixed(x - h)},${fixed(y)}" ${paint}/>`;
  return `<circle cx="${fixed(x)}" cy="${fixed(y)}" r="${fixed(h)}" ${paint}/>`;
}

/** The SVG document of the map, nodes at `positions` (by node id). */
export function mapToSvg(map: CitationMap, positions: ReadonlyMap<string, { x: number; y: number }>, palette: MapPalette = LIGHT_PALETTE): string {
  const placed = map.nodes.flatMap((node) => {
    const at = positions.get(node.id);
    return at ? [{ node, ...at, size: nodeSize(node) }] : [];
  });
  const margin = 60;
  const minX = Math.min(0, ...placed.map((p) => p.x - p.size)) - margin;
  const minY = Math.min(0, ...placed.map((p) => p.y - p.size)) - margin;
  const maxX = Math.max(0, ...placed.map((p) => p.x + p.size)) + margin;
  const maxY = Math.max(0, ...placed.map((p) => p.y + p.size)) + margin;
  const width = maxX - minX;
  const height = maxY - minY;
  const out: string[] = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<svg xmlns="http://www.w3.org/2000/svg" width="${fixed(width)}" height="${fixed(height)}" viewBox="${fixed(minX)} ${fixed(minY)} ${fixed(width)} ${fixed(height)}" font-family="system-ui, sans-serif">`,
    '<title>Citation map</title>',
    `<rect x="${fixed(minX)}" y="${fixed(minY)}" width="${fixed(width)}" height="${fixed(height)}" fill="${palette.background}"/>`,
    `<g stroke="${palette.edge}" stroke-width="1" fill="none">`,
  ];
  for (const edge of map.edges) {
    const a = positions.get(edge.source);
    const b = positions.get(edge.target);
    if (!a || !b) continue;
    const dash = edge.kind === 'mentions' ? ' stroke-dasharray="5 3"' : edge.kind === 'names' ? ' stroke-dasharray="1.5 3"' : '';
    // Stroke on each line, not only on the group: some viewers do not inherit it.
    out.push(`<line x1="${fixed(a.x)}" y1="${fixed(a.y)}" x2="${fixed(b.x)}" y2="${fixed(b.y)}" stroke="${edge.kind === 'wrote' ? palette.person : palette.edge}" stroke-width="1"${dash}><title>${escape(edge.kind)}</title></line>`);
  }
  out.push('</g>', `<g font-size="11" fill="${palette.text}" text-anchor="middle">`);
  for (const { node, x, y, size } of placed) {
    const shared = node.kind !== 'person' && node.weight >= 2;
    const fill = palette[node.kind];
    out.push(
      `<g data-kind="${node.kind}">${shape(node.kind, x, y, size, fill, shared ? palette.shared : palette.background, shared ? 3 : 1)}` +
        `<text x="${fixed(x)}" y="${fixed(y + size / 2 + 12)}">${escape(node.label)}</text></g>`,
    );
  }
  out.push('</g>', '</svg>', '');
  return out.join('\n');
}
