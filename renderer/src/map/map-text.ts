import type { MapNode } from '../../../app/map/graph';

const sources = (n: number) => `${n} ${n === 1 ? 'source' : 'sources'}`;

/** One line on a node for the tooltip and the list: what it is, how linked, what a click does. */
export function describeNode(node: MapNode): string {
  if (node.kind === 'source') {
    const cited = node.weight > 0 ? ` · cited or mentioned by ${sources(node.weight)}` : '';
    return `Source in your library${cited} · opens it`;
  }
  if (node.kind === 'work') return `Cited work · in ${sources(node.weight)} · opens its Index entry`;
  return `Person · in ${sources(node.weight)} · opens their People entry`;
}
