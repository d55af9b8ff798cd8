// Neighbourhood of a track: breadth-first over transitions, k hops, keeping at each node the
// strongest N transitions (by evidence) that pass the filter.
import type { TrackInfo, TransitionInfo } from './describe.ts';
import { nodeOf, trackInfo, transitionInfo } from './describe.ts';
import type { GraphFilter } from './filters.ts';
import { compileFilter } from './filters.ts';
import type { GraphIndex } from './graph-index.ts';

export type Direction = 'out' | 'in' | 'both';

export interface NeighbourhoodQuery {
  trackId: number;
  /** 'out' = played after, 'in' = played before. Default 'both'. */
  direction?: Direction;
  /** Hops from the track (default 1). */
  hops?: number;
  /** Strongest transitions kept per expanded node (default 25). */
  limit?: number;
  /** Stop adding nodes past this many (default 500). */
  maxNodes?: number;
  filter?: GraphFilter;
}

export interface Neighbourhood {
  center: number;
  nodes: (TrackInfo & { hop: number })[];
  edges: TransitionInfo[];
}

/** Edge ids at u in the direction, strongest first, passing the filter, at most `limit`. */
export function strongestEdges(
  g: GraphIndex,
  u: number,
  direction: Direction,
  limit: number,
  accept: (e: number, other: number) => boolean,
): number[] {
  const pick = (ids: number[], other: Uint32Array) => {
    const out: number[] = [];
    for (const e of ids) {
      if (out.length >= limit) break;
      if (accept(e, other[e]!)) out.push(e);
    }
    return out;
  };
  const outs = direction === 'in' ? [] : pick(g.outByEvidence(u), g.e.to);
  const ins = direction === 'out' ? [] : pick(g.inByEvidence(u), g.e.from);
  if (direction !== 'both') return direction === 'out' ? outs : ins;
  // Both directions: merge by evidence, then keep the strongest `limit`.
  const w = g.e.weight;
  return [...outs, ...ins].sort((a, b) => w[b]! - w[a]! || a - b).slice(0, limit);
}

export function neighbourhood(g: GraphIndex, q: NeighbourhoodQuery): Neighbourhood {
  const center = nodeOf(g, q.trackId);
  const direction = q.direction ?? 'both';
  const hops = q.hops ?? 1;
  const limit = q.limit ?? 25;
  const maxNodes = q.maxNodes ?? 500;
  const f = compileFilter(g, q.filter);
  const hop = new Map<number, number>([[center, 0]]);
  const edges = new Set<number>();
  let frontier = [center];
  for (let h = 1; h <= hops && frontier.length > 0; h++) {
    const next: number[] = [];
    for (const u of frontier) {
      const chosen = strongestEdges(
        g,
        u,
        direction,
        limit,
        (e, other) => f.edge(e) && (other === center || f.node(other)),
      );
      for (const e of chosen) {
        const other = g.e.from[e] === u ? g.e.to[e]! : g.e.from[e]!;
        if (!hop.has(other)) {
          if (hop.size >= maxNodes) continue;
          hop.set(other, h);
          next.push(other);
        }
        edges.add(e);
      }
    }
    frontier = next;
  }
  return {
    center: q.trackId,
    nodes: [...hop].map(([u, h]) => ({ ...trackInfo(g, u), hop: h })),
    edges: [...edges].map((e) => transitionInfo(g, e)),
  };
}
