/** What the citation map's layout worker serves, over the worker channel. */
import type { LayoutNode } from '../../../app/map/layout';
import type { Method } from '../workers/channel';

/** Lays out nodes and edges (pairs of node indexes); positions come back in the nodes' order. */
export type MapWorkerProtocol = {
  layout: Method<{ nodes: LayoutNode[]; edges: [number, number][] }, { x: number[]; y: number[] }>;
};
