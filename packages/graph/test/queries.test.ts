import { describe, expect, it } from 'vitest';
import {
  artistNeighbours,
  buildArtistGraph,
  extractSubgraph,
  mostConnected,
  mostPlayed,
  neighbourhood,
  pageRank,
  playedAfter,
  playedBefore,
} from '../src/index.ts';
import { graphOf, play, track } from './build.ts';

// 1 → 2 → 3 → 4, 1 → 5, 6 → 1; years and sources differ per transition.
const g = graphOf(
  [
    track(1, 124, '8A', { genre: 'House', plays: 9, artistIds: [100, 101] }),
    track(2, 126, '9A', { genre: 'House', plays: 5, artistIds: [200] }),
    track(3, 128, '9A', { genre: 'Techno', plays: 3, artistIds: [300] }),
    track(4, 140, '3B', { genre: 'Techno', plays: 1, artistIds: [300] }),
    track(5, null, null, { plays: 2, artistIds: [100] }),
    track(6, 122, '8A', { genre: 'House', plays: 4, artistIds: [600] }),
  ],
  [
    play(1, 2, 5, 3, { firstDate: '2019-05-01', lastDate: '2021-02-01', sources: ['mixesdb'] }),
    play(2, 3, 2, 2, { firstDate: '2023-01-01', lastDate: '2024-01-01', sources: ['rekordbox'] }),
    play(3, 4, 1, 1, { firstDate: '2024-03-01', lastDate: '2024-03-01', sources: ['mixesdb'] }),
    play(1, 5, 1, 1, { sources: ['mixesdb'] }),
    play(6, 1, 3, 1, { firstDate: '2010-01-01', lastDate: '2012-01-01', sources: ['mixesdb'] }),
  ],
  ['mixesdb', 'rekordbox'],
);
const ids = (r: { nodes: { trackId: number }[] }) => r.nodes.map((n) => n.trackId).sort((a, b) => a - b);

describe('neighbourhood', () => {
  it.each([
    ['out, 1 hop', { trackId: 1, direction: 'out' as const }, [1, 2, 5]],
    ['in, 1 hop', { trackId: 1, direction: 'in' as const }, [1, 6]],
    ['both, 1 hop', { trackId: 1 }, [1, 2, 5, 6]],
    ['out, 2 hops', { trackId: 1, direction: 'out' as const, hops: 2 }, [1, 2, 3, 5]],
    ['out, 3 hops', { trackId: 1, direction: 'out' as const, hops: 3 }, [1, 2, 3, 4, 5]],
    ['top-1 by evidence', { trackId: 1, limit: 1 }, [1, 2]],
    [
      'BPM range drops unknown and far tempos',
      { trackId: 1, filter: { bpm: { min: 120, max: 130 } } },
      [1, 2, 6],
    ],
    ['keys', { trackId: 2, filter: { keys: ['9A'] } }, [2, 3]],
    ['genre', { trackId: 2, filter: { genres: ['Techno'] } }, [2, 3]],
    ['min count', { trackId: 1, filter: { minCount: 3 } }, [1, 2, 6]],
    ['min DJs', { trackId: 1, filter: { minDjs: 2 } }, [1, 2]],
    ['year range of evidence', { trackId: 1, filter: { years: { from: 2020, to: 2022 } } }, [1, 2]],
    ['year range excludes undated', { trackId: 1, filter: { years: { from: 2000 } } }, [1, 2, 6]],
    ['source', { trackId: 2, filter: { sources: ['rekordbox'] } }, [2, 3]],
  ])('%s', (_name, q, expected) => {
    expect(ids(neighbourhood(g, q))).toEqual(expected);
  });

  it('reports hops and evidence of each transition', () => {
    const r = neighbourhood(g, { trackId: 1, direction: 'out', hops: 2 });
    expect(r.nodes.find((n) => n.trackId === 3)?.hop).toBe(2);
    const e = r.edges.find((x) => x.from === 1 && x.to === 2)!;
    expect(e).toMatchObject({
      count: 5,
      djs: 3,
      firstDate: '2019-05-01',
      sources: ['mixesdb'],
      probability: 5 / 6,
    });
  });

  it('names an unknown track', () => {
    expect(() => neighbourhood(g, { trackId: 99 })).toThrow(/track 99 is not in the graph/);
  });
});

describe('rankings', () => {
  it('most played and most connected', () => {
    expect(mostPlayed(g, { limit: 3 }).map((r) => r.trackId)).toEqual([1, 2, 6]);
    expect(mostConnected(g, { limit: 3 }).map((r) => [r.trackId, r.score])).toEqual([
      [1, 3],
      [2, 2],
      [3, 2],
    ]);
  });

  it('played before / after', () => {
    expect(playedAfter(g, 1).map((t) => t.to)).toEqual([2, 5]);
    expect(playedBefore(g, 1).map((t) => t.from)).toEqual([6]);
  });
});

describe('PageRank', () => {
  it('is uniform on a cycle', () => {
    const c = graphOf(
      [track(1, null, null), track(2, null, null), track(3, null, null)],
      [play(1, 2, 1), play(2, 3, 7), play(3, 1, 2)],
    );
    for (const s of pageRank(c).scores) expect(s).toBeCloseTo(1 / 3, 9);
  });

  it('matches the closed form with a dangling track', () => {
    // 1 → 2 and 2 → 3 (3 plays nothing after): with d = 0.85, n = 3 and dangling mass spread evenly,
    // r1 = a, r2 = a + d·r1, r3 = a + d·r2 where a = (1-d)/3 + d·r3/3; solved exactly below.
    const c = graphOf(
      [track(1, null, null), track(2, null, null), track(3, null, null)],
      [play(1, 2, 1), play(2, 3, 1)],
    );
    const d = 0.85;
    // a = (1-d)/3 + d·r3/3 and r3 = a(1 + d + d²)  ⇒  a = ((1-d)/3) / (1 - d(1+d+d²)/3)
    const a = (1 - d) / 3 / (1 - (d * (1 + d + d * d)) / 3);
    const { scores } = pageRank(c, { damping: d, tolerance: 1e-14 });
    expect(scores[0]).toBeCloseTo(a, 9);
    expect(scores[1]).toBeCloseTo(a + d * a, 9);
    expect(scores[2]).toBeCloseTo(a * (1 + d + d * d), 9);
  });

  it('follows p(B|A): the more played continuation gets more rank', () => {
    const c = graphOf(
      [track(1, null, null), track(2, null, null), track(3, null, null)],
      [play(1, 2, 9), play(1, 3, 1), play(2, 1, 1), play(3, 1, 1)],
    );
    const { scores } = pageRank(c);
    expect(scores[1]!).toBeGreaterThan(scores[2]!);
    expect(scores.reduce((x, y) => x + y, 0)).toBeCloseTo(1, 12);
  });
});

describe('artist graph', () => {
  it('links artists by transitions and collaborations', () => {
    const ag = buildArtistGraph(g);
    const out = artistNeighbours(ag, 100, { direction: 'out' });
    expect(out.map((l) => l.to)).toEqual([200]);
    expect(out[0]).toMatchObject({ count: 5, kind: 'transition' });
    const all = artistNeighbours(ag, 100);
    expect(all.some((l) => l.kind === 'collaboration' && l.from === 100 && l.to === 101)).toBe(true);
    // 300 → 300 (two tracks of the same artist) is not a link.
    expect(artistNeighbours(ag, 300).every((l) => l.from !== l.to)).toBe(true);
  });
});

describe('subgraph', () => {
  it('keeps the strongest tracks and transitions in JSON and typed arrays', () => {
    const positions = new Float32Array(12).map((_x, i) => i);
    const { json, binary } = extractSubgraph(g, { nodes: 3, edges: 1, positions });
    // Strength = summed evidence: 1 (≈7.8) > 2 (≈6.6) > 3 (≈3.5) > 6 (≈2.3).
    expect(json.nodes.map((n) => n.trackId)).toEqual([1, 2, 3]);
    expect(json.edges).toHaveLength(1);
    expect(json.edges[0]).toMatchObject({ source: 1, target: 2 });
    expect(Array.from(binary.trackIds)).toEqual([1, 2, 3]);
    expect(Array.from(binary.edges)).toEqual([0, 1]);
    expect(Array.from(binary.positions.subarray(0, 2))).toEqual([0, 1]);
    expect(binary.colors).toHaveLength(12);
    expect(binary.sizes[0]!).toBeGreaterThan(binary.sizes[2]!);
  });
});
