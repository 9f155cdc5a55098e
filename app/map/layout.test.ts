import { describe, expect, it } from 'vitest';
import { layoutGraph } from './layout';

const star = (leaves: number) => ({
  nodes: [{ id: 'hub', size: 40 }, ...Array.from({ length: leaves }, (_, i) => ({ id: `leaf${i}`, size: 16 }))],
  edges: Array.from({ length: leaves }, (_, i) => [0, i + 1] as const),
});

describe('layoutGraph', () => {
  it('places the same graph the same way every time, every position finite', () => {
    const { nodes, edges } = star(30);
    const a = layoutGraph(nodes, edges);
    const b = layoutGraph(nodes, edges);
    expect([...a.x]).toEqual([...b.x]);
    expect([...a.y]).toEqual([...b.y]);
    expect([...a.x, ...a.y].every(Number.isFinite)).toBe(true);
  });

  it('keeps linked nodes near and no two nodes on one spot', () => {
    const { nodes, edges } = star(30);
    const extra = [...nodes, { id: 'alone', size: 16 }, { id: 'alone-too', size: 16 }];
    const { x, y } = layoutGraph(extra, edges, { edgeLength: 80 });
    const distance = (i: number, j: number) => Math.hypot(x[i]! - x[j]!, y[i]! - y[j]!);
    const leafDistances = Array.from({ length: 30 }, (_, i) => distance(0, i + 1));
    expect(Math.max(...leafDistances)).toBeLessThan(400);
    for (let i = 0; i < extra.length; i++) for (let j = i + 1; j < extra.length; j++) expect(distance(i, j)).toBeGreaterThan(8);
  });

  it('lays out an empty graph and a single node', () => {
    expect(layoutGraph([], []).x.length).toBe(0);
    const one = layoutGraph([{ id: 'a' }], []);
    expect(Number.isFinite(one.x[0]!)).toBe(true);
  });
});
