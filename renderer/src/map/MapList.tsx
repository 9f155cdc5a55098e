import { useMemo } from 'react';
import type { CitationMap, MapEdgeKind, MapNode, MapNodeKind } from '../../../app/map/graph';
import { describeNode } from './map-text';

const SECTIONS: { kind: MapNodeKind; title: string }[] = [
  { kind: 'source', title: 'Sources' },
  { kind: 'work', title: 'Cited works' },
  { kind: 'person', title: 'People' },
];

/** How an edge reads from each end. */
const OUT: Record<MapEdgeKind, string> = { cites: 'cites', mentions: 'mentions', names: 'names', wrote: 'wrote' };
const IN: Record<MapEdgeKind, string> = { cites: 'cited by', mentions: 'mentioned in', names: 'named in', wrote: 'by' };

/** The map's nodes as a list, for the keyboard and screen readers: each node, its links, a button that opens it. */
export function MapList({ map, onOpen }: { map: CitationMap; onOpen: (node: MapNode) => void }) {
  const links = useMemo(() => {
    const byId = new Map(map.nodes.map((node) => [node.id, node]));
    const lines = new Map<string, Map<string, string[]>>();
    const add = (id: string, phrase: string, other: string) => {
      const node = lines.get(id) ?? new Map<string, string[]>();
      lines.set(id, node);
      node.set(phrase, [...(node.get(phrase) ?? []), byId.get(other)?.label ?? other]);
    };
    for (const edge of map.edges) {
      add(edge.source, OUT[edge.kind], edge.target);
      add(edge.target, IN[edge.kind], edge.source);
    }
    return lines;
  }, [map]);

  return (
    <div className="map-list">
      {SECTIONS.map(({ kind, title }) => {
        const nodes = map.nodes.filter((node) => node.kind === kind).sort((a, b) => b.weight - a.weight || a.label.localeCompare(b.label));
        if (nodes.length === 0) return null;
        return (
          <section key={kind} aria-labelledby={`map-list-${kind}`}>
            <h2 id={`map-list-${kind}`} className="map-list-heading">
              {title} <span className="map-list-count">{nodes.length}</span>
            </h2>
            <ul>
              {nodes.map((node) => (
                <li key={node.id} data-node-id={node.id} className={`map-list-item map-kind-${node.kind}${node.kind !== 'person' && node.weight >= 2 ? ' shared' : ''}`}>
                  <button type="button" className="map-list-open" onClick={() => onOpen(node)} title={describeNode(node)}>
                    <span className="map-swatch" aria-hidden="true" />
                    {node.label}
                  </button>
                  {node.detail && node.detail !== node.label ? <span className="map-list-detail">{node.detail}</span> : null}
                  <ul className="map-list-links">
                    {[...(links.get(node.id) ?? new Map<string, string[]>())].map(([phrase, others]) => (
                      <li key={phrase} data-link={phrase}>
                        {phrase} {others.join('; ')}
                      </li>
                    ))}
                  </ul>
                </li>
              ))}
            </ul>
          </section>
        );
      })}
    </div>
  );
}
