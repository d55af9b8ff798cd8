// Hierarchical layout: a tree from a root track — what DJs play after it, level by level. Each
// track appears once, under the parent through which it was reached first (strongest evidence
// first, breadth-first), so the tree reads "after this, usually that".
import { nodeOf } from '../describe.ts';
import type { GraphFilter } from '../filters.ts';
import { compileFilter } from '../filters.ts';
import type { GraphIndex } from '../graph-index.ts';

export interface TreeNode {
  trackId: number;
  level: number;
  /** Track id of the parent; null at the root. */
  parent: number | null;
  /** Evidence strength of the parent → this transition (0 at the root). */
  evidence: number;
  /** x = order within the level (leaves of one parent side by side), y = level. */
  x: number;
  y: number;
}

export function treeLayout(
  g: GraphIndex,
  rootTrackId: number,
  o: { depth?: number; childrenPerNode?: number; filter?: GraphFilter } = {},
): TreeNode[] {
  const root = nodeOf(g, rootTrackId);
  const depth = o.depth ?? 3;
  const perNode = o.childrenPerNode ?? 5;
  const f = compileFilter(g, o.filter);
  const placed = new Set<number>([root]);
  const levels: TreeNode[][] = [[{ trackId: rootTrackId, level: 0, parent: null, evidence: 0, x: 0, y: 0 }]];
  let frontier = [root];
  for (let level = 1; level <= depth && frontier.length > 0; level++) {
    const row: TreeNode[] = [];
    const next: number[] = [];
    for (const u of frontier) {
      let kids = 0;
      for (const e of g.outByEvidence(u)) {
        if (kids >= perNode) break;
        const v = g.e.to[e]!;
        if (placed.has(v) || !f.edge(e) || !f.node(v)) continue;
        placed.add(v);
        next.push(v);
        kids++;
        row.push({
          trackId: g.trackId[v]!,
          level,
          parent: g.trackId[u]!,
          evidence: g.e.weight[e]!,
          x: row.length,
          y: level,
        });
      }
    }
    if (row.length > 0) levels.push(row);
    frontier = next;
  }
  // Centre each level on the root.
  for (const row of levels) for (const t of row) t.x -= (row.length - 1) / 2;
  return levels.flat();
}
