// "Higher evidence is always better": the weight definition and every ranking that uses it.
import { describe, expect, it } from 'vitest';
import {
  bridgeCost,
  evidenceStrength,
  extractSubgraph,
  neighbourhood,
  observedCost,
  planSet,
  playedAfter,
  playedBefore,
  recommendNext,
  transitionProbability,
  treeLayout,
} from '../src/index.ts';
import { graphOf, play, track } from './build.ts';

describe('weights', () => {
  it('evidence strength grows with count and with distinct DJs', () => {
    for (let c = 1; c < 60; c++) {
      for (let d = 1; d <= c; d++) {
        expect(evidenceStrength(c + 1, d)).toBeGreaterThan(evidenceStrength(c, d));
        expect(evidenceStrength(c, d + 1)).toBeGreaterThan(evidenceStrength(c, d));
      }
    }
    expect(evidenceStrength(0, 0)).toBe(0);
    // Ten DJs once each outweigh one DJ fifty times.
    expect(evidenceStrength(10, 10)).toBeGreaterThan(evidenceStrength(50, 1));
  });

  it('p(B|A) is the share of A’s out-count, and cost falls as p rises', () => {
    expect(transitionProbability(3, 12)).toBe(0.25);
    for (let c = 1; c < 20; c++) expect(observedCost(c + 1, 20)).toBeLessThan(observedCost(c, 20));
    expect(observedCost(5, 5)).toBe(-0);
  });

  it('a bridge always costs more than any observed transition from the same track', () => {
    for (let out = 1; out < 200; out++) expect(bridgeCost(out)).toBeGreaterThan(observedCost(1, out));
  });
});

// Track 1 is followed by 2…5 with rising evidence (same key and tempo everywhere, so only evidence differs),
// and preceded by 6…8 likewise.
const g = graphOf(
  [1, 2, 3, 4, 5, 6, 7, 8, 9].map((id) => track(id, 124, '8A')),
  [
    play(1, 2, 1, 1),
    play(1, 3, 2, 1),
    play(1, 4, 4, 3),
    play(1, 5, 9, 5),
    play(6, 1, 1, 1),
    play(7, 1, 3, 2),
    play(8, 1, 6, 4),
    play(2, 9, 1, 1),
    play(3, 9, 1, 1),
    play(4, 9, 1, 1),
    play(5, 9, 1, 1),
  ],
);

describe('every ranking puts higher evidence first', () => {
  it.each([
    ['playedAfter', () => playedAfter(g, 1).map((t) => t.to), [5, 4, 3, 2]],
    ['playedBefore', () => playedBefore(g, 1).map((t) => t.from), [8, 7, 6]],
    [
      'neighbourhood top-2 out',
      () => neighbourhood(g, { trackId: 1, direction: 'out', limit: 2 }).edges.map((e) => e.to),
      [5, 4],
    ],
    [
      'neighbourhood top-2 in',
      () => neighbourhood(g, { trackId: 1, direction: 'in', limit: 2 }).edges.map((e) => e.from),
      [8, 7],
    ],
    [
      'recommendNext',
      () => recommendNext(g, { trackId: 1, allowBridges: false }).map((r) => r.to),
      [5, 4, 3, 2],
    ],
    [
      'tree layout children',
      () =>
        treeLayout(g, 1, { depth: 1 })
          .slice(1)
          .map((t) => t.trackId),
      [5, 4, 3, 2],
    ],
    [
      'subgraph edges',
      () => extractSubgraph(g, { edges: 3 }).json.edges.map((e) => `${e.source}>${e.target}`),
      ['1>5', '8>1', '1>4'],
    ],
  ])('%s', (_name, run, expected) => {
    expect(run()).toEqual(expected);
  });

  it('the planner prefers the higher-p transition', () => {
    // 1 → 5 (p = 9/16) beats 1 → 4 (p = 4/16) etc.; every candidate then goes to 9 with p = 1.
    expect(planSet(g, { from: 1, to: 9, length: 3 }).sets[0]!.tracks).toEqual([1, 5, 9]);
    expect(
      planSet(g, { from: 1, to: 9, length: 3, k: 4, allowBridges: false }).sets.map((s) => s.tracks[1]),
    ).toEqual([5, 4, 3, 2]);
  });
});
