/**
 * A force-directed layout for the citation map (Fruchterman–Reingold with a grid): repulsion
 * only between nodes in neighbouring grid cells, so one step costs about as much as the number
 * of nodes, and a fixed number of steps, so 2,000 nodes lay out in well under a second.
 * Deterministic: every node starts at a place derived from its id, so the same library draws
 * the same map, and a new document moves the old ones little.
 */

/** A node to place; `size` (its drawn diameter) keeps big nodes apart. */
export interface LayoutNode {
  id: string;
  size?: number;
}

/** Options of the layout. */
export interface LayoutOptions {
  /** Steps of the simulation; more is smoother and slower. */
  iterations?: number;
  /** The preferred edge length, in drawing units. */
  edgeLength?: number;
}

/** Positions, in the nodes' order. */
export interface LayoutResult {
  x: Float64Array;
  y: Float64Array;
}

/** Pull toward the middle per unit of distance. */
const GRAVITY = 0.05;

/** 32-bit FNV-1a of a string: the seed of a node's first place. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** Lays out the graph; edges are pairs of node indexes. */
export function layoutGraph(nodes: readonly LayoutNode[], edges: readonly (readonly [number, number])[], options: LayoutOptions = {}): LayoutResult {
  const n = nodes.length;
  const k = options.edgeLength ?? 110;
  const iterations = options.iterations ?? 80;
  const x = new Float64Array(n);
  const y = new Float64Array(n);
  if (n === 0) return { x, y };
  const radius = k * Math.sqrt(n) * 0.6;
  for (let i = 0; i < n; i++) {
    const h = hash(nodes[i]!.id);
    const angle = ((h & 0xffff) / 0x10000) * 2 * Math.PI;
    const r = radius * Math.sqrt((h >>> 16) / 0x10000);
    x[i] = r * Math.cos(angle);
    y[i] = r * Math.sin(angle);
  }
  const degree = new Float64Array(n);
  const neighbours: number[][] = Array.from({ length: n }, () => []);
  for (const [a, b] of edges) {
    degree[a]! += 1;
    degree[b]! += 1;
    neighbours[a]!.push(b);
    neighbours[b]!.push(a);
  }
  // The best-linked nodes (sources, classics) keep their places; every other node starts beside
  // its best-linked neighbour, so the simulation only has to settle the neighbourhoods.
  const hubs = Float64Array.from(degree).sort().reverse()[Math.floor(n / 20)] ?? 0;
  for (let i = 0; i < n; i++) {
    if (degree[i]! > hubs || degree[i] === 0) continue;
    let best = -1;
    for (const j of neighbours[i]!) if (degree[j]! > hubs && (best === -1 || degree[j]! > degree[best]!)) best = j;
    if (best === -1) continue;
    const h = hash(nodes[i]!.id);
    const angle = ((h & 0xffff) / 0x10000) * 2 * Math.PI;
    const r = k * (1 + (h >>> 16) / 0x10000);
    x[i] = x[best]! + r * Math.cos(angle);
    y[i] = y[best]! + r * Math.sin(angle);
  }
  const size = Float64Array.from(nodes, (node) => node.size ?? 0);
  const dx = new Float64Array(n);
  const dy = new Float64Array(n);
  const cell = 2 * k;
  const k2 = k * k;
  let temperature = radius / 4;
  const cooling = Math.pow(0.02, 1 / Math.max(1, iterations));
  const next = new Int32Array(n);
  let heads = new Int32Array(0);

  for (let step = 0; step < iterations; step++) {
    dx.fill(0);
    dy.fill(0);
    // Grid buckets as linked lists over the drawing's bounding box.
    let minX = Infinity;
    let minY = Infinity;
    let maxX = -Infinity;
    let maxY = -Infinity;
    for (let i = 0; i < n; i++) {
      minX = Math.min(minX, x[i]!);
      maxX = Math.max(maxX, x[i]!);
      minY = Math.min(minY, y[i]!);
      maxY = Math.max(maxY, y[i]!);
    }
    const columns = Math.min(4096, Math.floor((maxX - minX) / cell) + 1);
    const rows = Math.min(4096, Math.floor((maxY - minY) / cell) + 1);
    if (heads.length < columns * rows) heads = new Int32Array(columns * rows);
    heads.fill(-1, 0, columns * rows);
    const column = (i: number) => Math.min(columns - 1, Math.floor((x[i]! - minX) / cell));
    const row = (i: number) => Math.min(rows - 1, Math.floor((y[i]! - minY) / cell));
    for (let i = 0; i < n; i++) {
      const c = column(i) * rows + row(i);
      next[i] = heads[c]!;
      heads[c] = i;
    }
    for (let i = 0; i < n; i++) {
      const cx = column(i);
      const cy = row(i);
      for (let gx = Math.max(0, cx - 1); gx <= Math.min(columns - 1, cx + 1); gx++) {
        for (let gy = Math.max(0, cy - 1); gy <= Math.min(rows - 1, cy + 1); gy++) {
          for (let j = heads[gx * rows + gy]!; j !== -1; j = next[j]!) {
            if (j <= i) continue;
            let ddx = x[i]! - x[j]!;
            let ddy = y[i]! - y[j]!;
            let d2 = ddx * ddx + ddy * ddy;
            if (d2 < 1e-6) {
              // Two nodes on one spot: part them along a direction fixed by their indexes.
              ddx = Math.cos(i + j);
              ddy = Math.sin(i + j);
              d2 = 1;
            }
            const d = Math.sqrt(d2);
            const reach = cell + (size[i]! + size[j]!) / 2;
            if (d > reach) continue;
            const gap = Math.max(d - (size[i]! + size[j]!) / 2, d / 4);
            const force = (k2 / gap) * (1 - d / reach);
            const fx = (ddx / d) * force;
            const fy = (ddy / d) * force;
            dx[i]! += fx;
            dy[i]! += fy;
            dx[j]! -= fx;
            dy[j]! -= fy;
          }
        }
      }
    }
    for (const [a, b] of edges) {
      const ddx = x[a]! - x[b]!;
      const ddy = y[a]! - y[b]!;
      const d = Math.sqrt(ddx * ddx + ddy * ddy) || 1;
      // Linear pull (not FR's square), weaker at hubs: a hairball of shared works stays spread
      // out rather than packed on its most prolific source, and the grid cells stay sparse.
      const force = d / Math.sqrt(Math.max(degree[a]!, degree[b]!));
      const fx = (ddx / d) * force;
      const fy = (ddy / d) * force;
      dx[a]! -= fx;
      dy[a]! -= fy;
      dx[b]! += fx;
      dy[b]! += fy;
    }
    for (let i = 0; i < n; i++) {
      // A little gravity keeps unlinked parts of the library from drifting away.
      const gx = dx[i]! - x[i]! * GRAVITY;
      const gy = dy[i]! - y[i]! * GRAVITY;
      const length = Math.sqrt(gx * gx + gy * gy);
      if (length === 0) continue;
      const move = Math.min(length, temperature);
      x[i]! += (gx / length) * move;
      y[i]! += (gy / length) * move;
    }
    temperature *= cooling;
  }
  return { x, y };
}
