import cytoscape, { type Core, type EventObject, type NodeSingular, type StylesheetJson } from 'cytoscape';
import { useEffect, useRef, useState } from 'react';
import type { CitationMap, MapNode } from '../../../app/map/graph';
import { nodeSize, type MapPalette } from '../../../app/map/svg';
import { describeNode } from './map-text';

const SHAPES = { source: 'round-rectangle', work: 'ellipse', person: 'diamond' } as const;

/** Props of the drawn map. */
export interface MapCanvasProps {
  map: CitationMap;
  positions: ReadonlyMap<string, { x: number; y: number }>;
  palette: MapPalette;
  onOpen: (node: MapNode) => void;
}

function stylesheet(palette: MapPalette): StylesheetJson {
  return [
    {
      selector: 'node',
      style: {
        label: 'data(label)',
        width: 'data(size)',
        height: 'data(size)',
        shape: 'data(shape)' as 'ellipse',
        'background-color': 'data(color)',
        'border-width': 1,
        'border-color': palette.background,
        color: palette.text,
        'font-size': 12,
        'font-family': 'system-ui, sans-serif',
        'text-valign': 'bottom',
        'text-margin-y': 3,
        'text-wrap': 'ellipsis',
        'text-max-width': '150px',
        'text-background-color': palette.background,
        'text-background-opacity': 0.75,
        'text-background-padding': '1px',
        // Far out, labels would only be noise: they come back when the student zooms in.
        'min-zoomed-font-size': 7,
      },
    },
    { selector: 'node[?shared]', style: { 'border-width': 3, 'border-color': palette.shared, 'font-weight': 'bold', 'z-index': 2 } },
    { selector: 'node.hover', style: { 'underlay-color': palette.shared, 'underlay-opacity': 0.25, 'underlay-padding': 6 } },
    {
      selector: 'edge',
      style: {
        width: 1,
        'line-color': palette.edge,
        'target-arrow-color': palette.edge,
        'target-arrow-shape': 'triangle',
        'arrow-scale': 0.6,
        'curve-style': 'straight',
        opacity: 0.75,
      },
    },
    { selector: 'edge[kind = "mentions"]', style: { 'line-style': 'dashed' } },
    { selector: 'edge[kind = "names"]', style: { 'line-style': 'dotted', opacity: 0.5 } },
    { selector: 'edge[kind = "wrote"]', style: { 'line-color': palette.person, 'target-arrow-color': palette.person, opacity: 0.6 } },
  ];
}

interface Tip {
  node: MapNode;
  x: number;
  y: number;
}

/** The map drawn by Cytoscape: pan and zoom with the mouse or the buttons, a click opens a node. */
export function MapCanvas({ map, positions, palette, onOpen }: MapCanvasProps) {
  const container = useRef<HTMLDivElement>(null);
  const cyRef = useRef<Core | null>(null);
  const openRef = useRef(onOpen);
  openRef.current = onOpen;
  const [tip, setTip] = useState<Tip | null>(null);

  useEffect(() => {
    if (!container.current) return;
    const byId = new Map(map.nodes.map((node) => [node.id, node]));
    const cy = cytoscape({
      container: container.current,
      elements: [
        ...map.nodes.map((node) => ({
          group: 'nodes' as const,
          data: { id: node.id, label: node.label, size: nodeSize(node), shape: SHAPES[node.kind], color: palette[node.kind], kind: node.kind, shared: node.kind !== 'person' && node.weight >= 2 },
          position: { ...(positions.get(node.id) ?? { x: 0, y: 0 }) },
        })),
        ...map.edges.map((edge) => ({ group: 'edges' as const, data: { id: edge.id, source: edge.source, target: edge.target, kind: edge.kind } })),
      ],
      style: stylesheet(palette),
      layout: { name: 'preset', fit: true, padding: 30 },
      minZoom: 0.05,
      maxZoom: 4,
      boxSelectionEnabled: false,
      autoungrabify: true,
    });
    cyRef.current = cy;
    const show = (event: EventObject) => {
      const target = event.target as NodeSingular;
      const node = byId.get(target.id());
      if (!node) return;
      target.addClass('hover');
      const at = target.renderedPosition();
      setTip({ node, x: at.x, y: at.y + target.renderedHeight() / 2 + 18 });
      if (container.current) container.current.style.cursor = 'pointer';
    };
    const hide = (event?: EventObject) => {
      (event?.target as NodeSingular | undefined)?.removeClass?.('hover');
      setTip(null);
      if (container.current) container.current.style.cursor = '';
    };
    cy.on('mouseover', 'node', show);
    cy.on('mouseout', 'node', hide);
    cy.on('viewport', () => setTip(null));
    cy.on('tap', 'node', (event) => {
      const node = byId.get((event.target as NodeSingular).id());
      if (node) openRef.current(node);
    });
    return () => {
      cyRef.current = null;
      cy.destroy();
    };
  }, [map, positions, palette]);

  const zoomBy = (factor: number) => {
    const cy = cyRef.current;
    if (!cy) return;
    cy.zoom({ level: cy.zoom() * factor, renderedPosition: { x: cy.width() / 2, y: cy.height() / 2 } });
  };

  return (
    <div className="map-stage">
      <div
        ref={container}
        className="map-canvas"
        role="img"
        aria-label={`Citation map of ${map.nodes.length} nodes and ${map.edges.length} links. The List view goes through the same nodes with the keyboard.`}
        data-nodes={map.nodes.length}
        data-edges={map.edges.length}
      />
      <div className="map-zoom" role="group" aria-label="Zoom">
        <button type="button" className="button button-small" onClick={() => zoomBy(1.25)} aria-label="Zoom in" title="Zoom in">
          +
        </button>
        <button type="button" className="button button-small" onClick={() => zoomBy(0.8)} aria-label="Zoom out" title="Zoom out">
          −
        </button>
        <button type="button" className="button button-small" onClick={() => cyRef.current?.fit(undefined, 30)} title="Show the whole map">
          Fit
        </button>
      </div>
      {tip ? (
        <div className="map-tooltip" role="tooltip" style={{ left: tip.x, top: tip.y }}>
          <strong>{tip.node.label}</strong>
          {tip.node.detail && tip.node.detail !== tip.node.label ? <span>{tip.node.detail}</span> : null}
          <span className="map-tooltip-meta">{describeNode(tip.node)}</span>
        </div>
      ) : null}
    </div>
  );
}
