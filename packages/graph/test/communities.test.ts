import { describe, expect, it } from 'vitest';
import type { EdgeRecord, NodeRecord } from '../src/index.ts';
import {
  bridgeTracks,
  detectCommunities,
  detectCommunitiesInWorker,
  labelCommunities,
} from '../src/index.ts';
import { graphOf, play, track } from './build.ts';

// Four planted groups of 8 tracks: dense, well-played transitions inside a group, and one weak
// transition from each group to the next. Group i has genre G<i> and (mostly) artist 1000+i.
const GROUPS = 4;
const SIZE = 8;
const nodes: NodeRecord[] = [];
const edges: EdgeRecord[] = [];
for (let gi = 0; gi < GROUPS; gi++) {
  for (let i = 0; i < SIZE; i++) {
    const id = gi * SIZE + i + 1;
    nodes.push(track(id, null, null, { genre: `G${gi}`, artistIds: [i === 0 ? 999 : 1000 + gi] }));
    for (let j = 0; j < SIZE; j++) if (i !== j) edges.push(play(id, gi * SIZE + j + 1, 5, 3));
  }
  edges.push(play(gi * SIZE + 1, ((gi + 1) % GROUPS) * SIZE + 2, 1, 1));
}
const g = graphOf(nodes, edges);
const planted = (u: number) => Math.floor((g.trackId[u]! - 1) / SIZE);

describe('Louvain communities', () => {
  const c = detectCommunities(g, { seed: 3 });

  it('recovers planted partitions', () => {
    expect(c.count).toBe(GROUPS);
    for (let u = 0; u < g.nodeCount; u++) {
      for (let v = 0; v < g.nodeCount; v++) {
        expect(c.community[u] === c.community[v]).toBe(planted(u) === planted(v));
      }
    }
    expect(c.modularity).toBeGreaterThan(0.6);
  });

  it('is deterministic for a seed', () => {
    expect(Array.from(detectCommunities(g, { seed: 3 }).community)).toEqual(Array.from(c.community));
  });

  it('gives the same communities in a worker thread as on the calling thread', async () => {
    const w = await detectCommunitiesInWorker(g, { seed: 3 });
    expect(Array.from(w.community)).toEqual(Array.from(c.community));
    expect(w).toMatchObject({ count: c.count, modularity: c.modularity, version: c.version });
  });

  it('labels each community by dominant genre and artists', () => {
    const names = new Map([
      [1000, 'Alpha'],
      [1001, 'Beta'],
      [1002, 'Gamma'],
      [1003, 'Delta'],
    ]);
    const labels = labelCommunities(g, c, { artistName: (id) => names.get(id), top: 1 });
    expect(labels).toHaveLength(GROUPS);
    const byGenre = Object.fromEntries(labels.map((l) => [l.genres[0]!.name, l]));
    expect(byGenre.G1!.label).toBe('G1 · Beta');
    expect(byGenre.G1!.genres[0]!.share).toBe(1);
    expect(byGenre.G1!.artists[0]).toEqual({ artistId: 1001, name: 'Beta', tracks: 7 });
  });

  it('finds the tracks that bridge communities', () => {
    const bridges = bridgeTracks(g, c.community, { limit: 20 });
    // Exactly the ends of the weak links: 1, 9, 17, 25 (out) and 2, 10, 18, 26 (in).
    expect(bridges.map((b) => b.trackId).sort((a, b) => a - b)).toEqual([1, 2, 9, 10, 17, 18, 25, 26]);
    expect(bridges.every((b) => b.communitiesReached === 1)).toBe(true);
  });
});
