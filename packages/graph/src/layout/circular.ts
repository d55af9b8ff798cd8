// Circular layout grouped by community: each community gets an arc proportional to its size
// (largest first), and inside an arc tracks are ordered by play count.
import type { GraphIndex } from '../graph-index.ts';

/** x, y per node index on the unit circle; tracks without a community (-1) share one last arc. */
export function circularLayout(g: GraphIndex, community: Int32Array): Float32Array {
  const groups = new Map<number, number[]>();
  for (let u = 0; u < g.nodeCount; u++) {
    const c = community[u] ?? -1;
    const list = groups.get(c);
    if (list) list.push(u);
    else groups.set(c, [u]);
  }
  const ordered = [...groups].sort((a, b) => {
    if (a[0] < 0 !== b[0] < 0) return a[0] < 0 ? 1 : -1;
    return b[1].length - a[1].length || a[0] - b[0];
  });
  const positions = new Float32Array(2 * g.nodeCount);
  let slot = 0;
  const total = g.nodeCount;
  for (const [, members] of ordered) {
    members.sort((a, b) => g.plays[b]! - g.plays[a]! || g.trackId[a]! - g.trackId[b]!);
    for (const u of members) {
      const angle = (2 * Math.PI * slot++) / total;
      positions[2 * u] = Math.cos(angle);
      positions[2 * u + 1] = Math.sin(angle);
    }
  }
  return positions;
}
