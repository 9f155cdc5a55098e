import { useEffect, useState } from 'react';
import type { CitationMap } from '../../../app/map/graph';
import { nodeSize } from '../../../app/map/svg';
import type { WorkerFactory } from '../workers/channel';
import { useWorkerChannel } from '../workers/use-worker-channel';
import type { MapWorkerProtocol } from './map-protocol';

/** The app's layout worker. */
export const startMapWorker: WorkerFactory = () => new Worker(new URL('./map.worker.ts', import.meta.url), { type: 'module', name: 'lectern-map' });

/** Node positions by id, for one map. */
export interface MapLayoutState {
  map: CitationMap | null;
  positions: ReadonlyMap<string, { x: number; y: number }> | null;
  error: string | null;
}

/** Lays the map out in a worker whenever it changes; the last layout stays until the next is ready. */
export function useMapLayout(map: CitationMap | null, createWorker: WorkerFactory = startMapWorker): MapLayoutState & { busy: boolean } {
  const channelRef = useWorkerChannel<MapWorkerProtocol>(createWorker, 'Lectern could not lay out the map. Reopening the Map view tries again.');
  const [state, setState] = useState<MapLayoutState>({ map: null, positions: null, error: null });

  useEffect(() => {
    const channel = channelRef.current;
    if (!map || !channel) return;
    let live = true;
    const index = new Map(map.nodes.map((node, i) => [node.id, i]));
    const edges = map.edges.map((edge): [number, number] => [index.get(edge.source)!, index.get(edge.target)!]);
    const nodes = map.nodes.map((node) => ({ id: node.id, size: nodeSize(node) }));
    void channel.call('layout', { nodes, edges }).then((reply) => {
      if (!live) return;
      if (!reply.ok) return setState({ map, positions: null, error: reply.error });
      setState({ map, positions: new Map(map.nodes.map((node, i) => [node.id, { x: reply.value.x[i]!, y: reply.value.y[i]! }])), error: null });
    });
    return () => {
      live = false;
    };
  }, [map]);

  return { ...state, busy: map !== null && state.map !== map };
}
