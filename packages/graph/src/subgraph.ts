// Subgraph for the web app: the strongest N tracks and the strongest M transitions among them,
// under the usual filters, as JSON and as typed arrays ready for a WebGL renderer.
import type { TrackInfo } from './describe.ts';
import { trackInfo } from './describe.ts';
import type { GraphFilter } from './filters.ts';
import { compileFilter } from './filters.ts';
import type { GraphIndex } from './graph-index.ts';

export interface SubgraphOptions {
  /** Tracks kept, by strength = summed evidence of their transitions passing the filter (default 2,000). */
  nodes?: number;
  /** Transitions kept among those tracks, strongest first (default 10,000). */
  edges?: number;
  filter?: GraphFilter;
  /** A stored layout: x, y per node index. Without it positions are NaN. */
  positions?: Float32Array;
  /** Community per node index, for colours; without it tracks are coloured by genre. */
  communities?: Int32Array;
}

export interface SubgraphJson {
  nodes: (TrackInfo & { x: number | null; y: number | null; size: number; community: number | null })[];
  edges: { source: number; target: number; count: number; djs: number; evidence: number }[];
}

export interface SubgraphBinary {
  trackIds: Uint32Array;
  /** x, y per node. */
  positions: Float32Array;
  sizes: Float32Array;
  /** r, g, b, a in 0…1 per node. */
  colors: Float32Array;
  /** source, target pairs as positions in trackIds. */
  edges: Uint32Array;
  /** Evidence strength per edge. */
  edgeWeights: Float32Array;
}

// Twelve distinguishable colours; colour i of the palette for community (or genre) i mod 12.
const PALETTE = [
  [0.9, 0.3, 0.24],
  [0.2, 0.6, 0.86],
  [0.18, 0.8, 0.44],
  [0.95, 0.77, 0.06],
  [0.61, 0.35, 0.71],
  [0.9, 0.49, 0.13],
  [0.1, 0.74, 0.61],
  [0.91, 0.3, 0.6],
  [0.5, 0.55, 0.55],
  [0.4, 0.3, 0.9],
  [0.6, 0.8, 0.2],
  [0.55, 0.27, 0.07],
] as const;
const UNKNOWN_COLOUR = [0.7, 0.7, 0.7] as const;

export function extractSubgraph(
  g: GraphIndex,
  o: SubgraphOptions = {},
): { json: SubgraphJson; binary: SubgraphBinary } {
  const f = compileFilter(g, o.filter);
  const strength = new Float64Array(g.nodeCount);
  const candidates: number[] = [];
  for (let u = 0; u < g.nodeCount; u++) {
    if (!f.node(u)) continue;
    g.forEachOut(u, (v, e) => {
      if (f.edge(e) && f.node(v)) {
        strength[u]! += g.e.weight[e]!;
        strength[v]! += g.e.weight[e]!;
      }
    });
  }
  for (let u = 0; u < g.nodeCount; u++) if (strength[u]! > 0) candidates.push(u);
  candidates.sort((a, b) => strength[b]! - strength[a]! || g.trackId[a]! - g.trackId[b]!);
  const kept = candidates.slice(0, o.nodes ?? 2000);
  const local = new Map(kept.map((u, i) => [u, i]));
  const edgeIds: number[] = [];
  for (const u of kept) {
    g.forEachOut(u, (v, e) => {
      if (local.has(v) && f.edge(e)) edgeIds.push(e);
    });
  }
  const w = g.e.weight;
  edgeIds.sort((a, b) => w[b]! - w[a]! || a - b);
  edgeIds.length = Math.min(edgeIds.length, o.edges ?? 10_000);

  const n = kept.length;
  const binary: SubgraphBinary = {
    trackIds: new Uint32Array(n),
    positions: new Float32Array(2 * n),
    sizes: new Float32Array(n),
    colors: new Float32Array(4 * n),
    edges: new Uint32Array(2 * edgeIds.length),
    edgeWeights: new Float32Array(edgeIds.length),
  };
  const json: SubgraphJson = { nodes: [], edges: [] };
  kept.forEach((u, i) => {
    const x = o.positions ? o.positions[2 * u]! : Number.NaN;
    const y = o.positions ? o.positions[2 * u + 1]! : Number.NaN;
    const community = o.communities ? o.communities[u]! : -1;
    const group = o.communities ? community : g.genre[u]!;
    const colour = group >= 0 ? PALETTE[group % PALETTE.length]! : UNKNOWN_COLOUR;
    const size = 1 + Math.log1p(strength[u]!);
    binary.trackIds[i] = g.trackId[u]!;
    binary.positions[2 * i] = x;
    binary.positions[2 * i + 1] = y;
    binary.sizes[i] = size;
    binary.colors.set([...colour, 1], 4 * i);
    json.nodes.push({
      ...trackInfo(g, u),
      x: Number.isNaN(x) ? null : x,
      y: Number.isNaN(y) ? null : y,
      size,
      community: community >= 0 ? community : null,
    });
  });
  edgeIds.forEach((e, i) => {
    binary.edges[2 * i] = local.get(g.e.from[e]!)!;
    binary.edges[2 * i + 1] = local.get(g.e.to[e]!)!;
    binary.edgeWeights[i] = w[e]!;
    json.edges.push({
      source: g.trackId[g.e.from[e]!]!,
      target: g.trackId[g.e.to[e]!]!,
      count: g.e.count[e]!,
      djs: g.e.djs[e]!,
      evidence: w[e]!,
    });
  });
  return { json, binary };
}
