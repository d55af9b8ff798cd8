import { describe, expect, it } from 'vitest';
import {
  edgeSize,
  formatRegion,
  fromSetPath,
  inRegion,
  kCore,
  largestComponent,
  nodeSize,
  parseRegion,
  type ViewGraph,
} from '../src/graph/model.ts';

const t = (id: number, bpm: number | null = 124) => ({
  id,
  artist: `A${id}`,
  title: `T${id}`,
  version: null,
  bpm,
  key: null,
  genre: null,
  year: null,
});

describe('a set as a path', () => {
  it('draws an arrow per consecutive pair, broken by unknown entries, with w/ layers riding along', () => {
    const g = fromSetPath([
      { withPrevious: false, track: t(1) },
      { withPrevious: false, track: t(2) },
      { withPrevious: true, track: t(9) },
      { withPrevious: false, track: null },
      { withPrevious: false, track: t(3) },
      { withPrevious: false, track: t(1) },
    ]);
    expect(g.nodes.map((n) => [n.id, n.plays])).toEqual([
      [1, 2],
      [2, 1],
      [3, 1],
    ]);
    expect(g.edges.map((e) => [e.source, e.target])).toEqual([
      [1, 2],
      [3, 1],
    ]);
    expect(g.nodes[0]!.label).toBe('A1 – T1');
  });

  it('lays the path out as a serpentine that reads like the tracklist', () => {
    const g = fromSetPath(
      [1, 2, 3, 4, 5].map((id) => ({ withPrevious: false, track: t(id) })),
      2,
    );
    expect(g.nodes.map((n) => [n.x, n.y])).toEqual([
      [0, 0],
      [10, 0],
      [10, -5],
      [0, -5],
      [0, -10],
    ]);
  });
});

describe('sizes', () => {
  it('grows node area with plays and edge width with evidence, within bounds', () => {
    expect(nodeSize(0, 10)).toBe(3);
    expect(nodeSize(10, 10)).toBe(16);
    expect(nodeSize(5, 0)).toBe(3);
    expect(edgeSize(4, 4)).toBe(5);
    expect(edgeSize(1, 4)).toBeCloseTo(2.8);
  });
});

describe('topological filters on what is drawn', () => {
  const node = (id: number, plays = 1) => ({
    id,
    label: `t${id}`,
    bpm: null,
    key: null,
    genre: null,
    year: null,
    plays,
    community: null,
    hop: null,
    x: null,
    y: null,
  });
  const edge = (source: number, target: number) => ({ source, target, count: 1, djs: 1, evidence: 1 });
  // A triangle 1-2-3 with a tail 3→4, and a separate pair 5→6.
  const g = {
    center: null,
    nodes: [1, 2, 3, 4, 5, 6].map((id) => node(id)),
    edges: [edge(1, 2), edge(2, 3), edge(3, 1), edge(3, 4), edge(5, 6)],
  };

  it('keeps the largest component, ignoring direction', () => {
    const c = largestComponent(g);
    expect(c.nodes.map((n) => n.id).sort()).toEqual([1, 2, 3, 4]);
    expect(c.edges).toHaveLength(4);
  });

  it('prefers the component holding the centre on a tie', () => {
    const pairs = { center: 6, nodes: [5, 6, 7, 8].map((id) => node(id)), edges: [edge(7, 8), edge(5, 6)] };
    expect(largestComponent(pairs).nodes.map((n) => n.id)).toEqual([5, 6]);
  });

  it('peels tracks with fewer than k neighbours until none is left', () => {
    expect(kCore(g, 2).nodes.map((n) => n.id)).toEqual([1, 2, 3]);
    expect(kCore(g, 3).nodes).toEqual([]);
    expect(kCore(g, 1)).toBe(g);
  });
});

describe('a region of the overview', () => {
  const at = (id: number, x: number | null, y: number | null) => ({
    id,
    label: `T${id}`,
    bpm: null,
    key: null,
    genre: null,
    year: null,
    plays: 1,
    community: null,
    hop: null,
    x,
    y,
  });
  const g: ViewGraph = {
    center: null,
    nodes: [at(1, 0, 0), at(2, 1, 1), at(3, 5, 5), at(4, null, null), at(5, 0.5, 0.2)],
    edges: [
      { source: 1, target: 2, count: 2, djs: 1, evidence: 2 },
      { source: 2, target: 3, count: 1, djs: 1, evidence: 1 },
      { source: 5, target: 1, count: 1, djs: 1, evidence: 1 },
    ],
  };

  it('keeps the tracks placed inside the box (strongest first, at most max) and the transitions between them', () => {
    const r = inRegion(g, { minX: 0, minY: 0, maxX: 1, maxY: 1 }, 10);
    expect(r.nodes.map((n) => n.id)).toEqual([1, 2, 5]);
    expect(r.edges.map((e) => [e.source, e.target])).toEqual([
      [1, 2],
      [5, 1],
    ]);
    expect(inRegion(g, { minX: 0, minY: 0, maxX: 1, maxY: 1 }, 2).nodes.map((n) => n.id)).toEqual([1, 2]);
  });

  it('writes the box exactly: its tracks are inside, a track a float step outside is not', () => {
    const box = { minX: -300.1234436035156, minY: -0.123456, maxX: 0.5000001, maxY: 2 };
    expect(formatRegion(box)).toBe('-300.1234436035156,-0.123456,0.5000001,2');
    expect(parseRegion(formatRegion(box)).region).toEqual(box);
    // Float32 neighbours of the box's corner: one on it, one a step outside (Math.fround's next value).
    const edge: ViewGraph = {
      center: null,
      nodes: [at(1, -300.1234436035156, 0), at(2, -300.12347412109375, 0)],
      edges: [],
    };
    const back = parseRegion(formatRegion(box)).region!;
    expect(inRegion(edge, back, 10).nodes.map((n) => n.id)).toEqual([1]);
  });
});
