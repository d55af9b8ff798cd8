import { describe, expect, it } from 'vitest';
import {
  circularLayout,
  extendLayout,
  forceAtlas2Layout,
  GraphIndex,
  randomSnapshot,
  treeLayout,
} from '../src/index.ts';
import { graphOf, play, track } from './build.ts';

describe('ForceAtlas2 in a worker thread', () => {
  it('lays out a graph, reporting progress', async () => {
    const g = GraphIndex.fromSnapshot(randomSnapshot({ nodes: 300, edges: 1500, seed: 2 }));
    const progress: number[] = [];
    const layout = await forceAtlas2Layout(g, {
      iterations: 40,
      progressEvery: 10,
      onProgress: (done) => progress.push(done),
    });
    expect(progress).toEqual([10, 20, 30, 40]);
    expect(layout.positions).toHaveLength(600);
    expect(layout.positions.every((x) => Number.isFinite(x))).toBe(true);
    // Not all on one spot.
    expect(new Set(Array.from(layout.positions).map((x) => Math.round(x))).size).toBeGreaterThan(50);
  });

  it('extends a layout: settled nodes stay, new nodes start near their neighbours', async () => {
    const g = graphOf([track(1, null, null), track(2, null, null)], [play(1, 2, 1)]);
    const previous = new Float32Array([-100, 0, 100, 0]);
    g.applyDelta({ version: 2, nodes: [track(3, null, null)], edges: [play(3, 2, 4, 2)] });
    const layout = await extendLayout(g, previous, { iterations: 5 });
    expect(Array.from(layout.positions.subarray(0, 4))).toEqual([-100, 0, 100, 0]);
    const [x, y] = [layout.positions[4]!, layout.positions[5]!];
    // Attracted to track 2 at (100, 0), far from track 1.
    expect(Math.hypot(x - 100, y)).toBeLessThan(Math.hypot(x + 100, y));
    expect(layout.version).toBe(2);
  });
});

describe('tree and circular layouts', () => {
  const g = graphOf(
    [1, 2, 3, 4, 5].map((id) => track(id, null, null, { plays: id })),
    [play(1, 2, 5), play(1, 3, 2), play(2, 4, 1), play(3, 4, 9), play(4, 5, 1), play(5, 1, 1)],
  );

  it('builds the tree of what follows a track, level by level, each track once', () => {
    const tree = treeLayout(g, 1, { depth: 3 });
    expect(tree.map((t) => [t.trackId, t.level, t.parent])).toEqual([
      [1, 0, null],
      [2, 1, 1],
      [3, 1, 1],
      [4, 2, 2],
      [5, 3, 4],
    ]);
    expect(tree.filter((t) => t.level === 1).map((t) => t.x)).toEqual([-0.5, 0.5]);
  });

  it('places communities on consecutive arcs of the circle', () => {
    const pos = circularLayout(g, new Int32Array([0, 1, 0, 1, 0]));
    const angle = (u: number) => (Math.atan2(pos[2 * u + 1]!, pos[2 * u]!) + 2 * Math.PI) % (2 * Math.PI);
    // Community 0 (3 tracks) first, by plays: 5, 3, 1; then community 1: 4, 2.
    const order = [4, 2, 0, 3, 1].map(angle);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    for (let u = 0; u < 5; u++) expect(Math.hypot(pos[2 * u]!, pos[2 * u + 1]!)).toBeCloseTo(1, 6);
  });
});
