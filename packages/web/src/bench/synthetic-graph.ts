// Synthetic graphs for the frame-time benchmark: communities as clusters in the plane, heavy-tailed
// plays, most transitions inside a community. Seeded, so every run and every commit draws the same
// picture. Not data: nothing here is ever shown in the app.
import { CAMELOT_KEYS } from '../filters.ts';
import type { ViewGraph, ViewNode } from '../graph/model.ts';

/** mulberry32: a small seeded generator, enough for shapes on screen. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function syntheticGraph(nodeCount: number, edgeCount: number, seed = 1): ViewGraph {
  const rnd = random(seed);
  const gauss = () => Math.sqrt(-2 * Math.log(1 - rnd())) * Math.cos(2 * Math.PI * rnd());
  const communities = Math.max(1, Math.round(Math.sqrt(nodeCount) / 3));
  const centres = Array.from({ length: communities }, () => ({ x: gauss() * 100, y: gauss() * 100 }));
  const members: number[][] = centres.map(() => []);
  const nodes: ViewNode[] = [];
  for (let i = 0; i < nodeCount; i++) {
    const c = Math.floor(rnd() * communities);
    members[c]!.push(i + 1);
    nodes.push({
      id: i + 1,
      label: `Track ${i + 1}`,
      bpm: 118 + Math.floor(rnd() * 14),
      key: CAMELOT_KEYS[Math.floor(rnd() * CAMELOT_KEYS.length)] ?? null,
      genre: null,
      year: null,
      // Pareto-like: a few tracks played a lot, most a few times.
      plays: Math.max(1, Math.floor(1 / (1 - rnd()) ** 1.2)),
      community: c,
      hop: null,
      x: centres[c]!.x + gauss() * 12,
      y: centres[c]!.y + gauss() * 12,
    });
  }
  const edges: ViewGraph['edges'] = [];
  const seen = new Set<number>();
  while (edges.length < edgeCount && seen.size < nodeCount * (nodeCount - 1)) {
    const source = 1 + Math.floor(rnd() * nodeCount);
    const group = members[nodes[source - 1]!.community!]!;
    const target =
      rnd() < 0.85 ? group[Math.floor(rnd() * group.length)]! : 1 + Math.floor(rnd() * nodeCount);
    const key = source * (nodeCount + 1) + target;
    if (source === target || seen.has(key)) continue;
    seen.add(key);
    const count = Math.max(1, Math.floor(1 / (1 - rnd())));
    edges.push({ source, target, count, djs: Math.max(1, Math.ceil(count / 2)), evidence: count });
  }
  return { center: null, nodes, edges };
}
