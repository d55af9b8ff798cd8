import { describe, expect, it } from 'vitest';
import { edgeSize, fromSetPath, nodeSize } from '../src/graph/model.ts';

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
