// Rankings over the whole index: most played, most connected, PageRank, bridges between
// communities, and "played before / after" lists. Every ranking puts higher evidence first.
import type { TrackInfo, TransitionInfo } from './describe.ts';
import { nodeOf, trackInfo, transitionInfo } from './describe.ts';
import type { GraphFilter } from './filters.ts';
import { compileFilter } from './filters.ts';
import type { GraphIndex } from './graph-index.ts';
import { transitionProbability } from './weights.ts';

export interface RankingOptions {
  limit?: number;
  /** Node conditions select the tracks ranked; edge conditions select the transitions counted. */
  filter?: GraphFilter;
}

export interface Ranked extends TrackInfo {
  score: number;
}

/** The `limit` nodes with the highest score (ties: lower track id first), among those passing the filter. */
function topNodes(g: GraphIndex, score: (u: number) => number, o: RankingOptions): Ranked[] {
  const f = compileFilter(g, o.filter);
  const limit = o.limit ?? 50;
  const rows: number[] = [];
  for (let u = 0; u < g.nodeCount; u++) if (f.allNodes || f.node(u)) rows.push(u);
  const s = new Float64Array(g.nodeCount);
  for (const u of rows) s[u] = score(u);
  rows.sort((a, b) => s[b]! - s[a]! || g.trackId[a]! - g.trackId[b]!);
  return rows.slice(0, limit).map((u) => ({ ...trackInfo(g, u), score: s[u]! }));
}

/** Tracks by how many set entries play them. */
export function mostPlayed(g: GraphIndex, o: RankingOptions = {}): Ranked[] {
  return topNodes(g, (u) => g.plays[u]!, o);
}

/** Tracks by number of distinct tracks played before or after them (through transitions passing the filter). */
export function mostConnected(g: GraphIndex, o: RankingOptions = {}): Ranked[] {
  const f = compileFilter(g, o.filter);
  return topNodes(
    g,
    (u) => {
      const seen = new Set<number>();
      g.forEachOut(u, (v, e) => {
        if (v !== u && f.edge(e)) seen.add(v);
      });
      g.forEachIn(u, (v, e) => {
        if (v !== u && f.edge(e)) seen.add(v);
      });
      return seen.size;
    },
    o,
  );
}

export interface PageRankOptions {
  /** Probability of following a transition rather than jumping anywhere (default 0.85). */
  damping?: number;
  /** Stop when the L1 change of an iteration falls below this (default 1e-10). */
  tolerance?: number;
  maxIterations?: number;
}

/**
 * PageRank of the random walk "after A, a DJ plays B with p(B|A)" (weights.ts), by power iteration
 * over the CSR. Tracks nobody played anything after (dangling) spread their rank uniformly.
 * Returns one score per node index; the scores sum to 1.
 */
export function pageRank(
  g: GraphIndex,
  o: PageRankOptions = {},
): { scores: Float64Array; iterations: number } {
  const n = g.nodeCount;
  const d = o.damping ?? 0.85;
  const tol = o.tolerance ?? 1e-10;
  const maxIt = o.maxIterations ?? 200;
  let rank = new Float64Array(n).fill(1 / n);
  let next = new Float64Array(n);
  let it = 0;
  while (it < maxIt) {
    it++;
    let dangling = 0;
    next.fill(0);
    for (let u = 0; u < n; u++) {
      const total = g.outTotal[u]!;
      if (total === 0) {
        dangling += rank[u]!;
        continue;
      }
      const r = rank[u]!;
      g.forEachOut(u, (v, e) => {
        next[v]! += r * transitionProbability(g.e.count[e]!, total);
      });
    }
    const base = (1 - d) / n + (d * dangling) / n;
    let diff = 0;
    for (let u = 0; u < n; u++) {
      const v = base + d * next[u]!;
      diff += Math.abs(v - rank[u]!);
      next[u] = v;
    }
    [rank, next] = [next, rank];
    if (diff < tol) break;
  }
  return { scores: rank, iterations: it };
}

/** Tracks by PageRank. */
export function topPageRank(g: GraphIndex, o: RankingOptions & PageRankOptions = {}): Ranked[] {
  const { scores } = pageRank(g, o);
  return topNodes(g, (u) => scores[u]!, o);
}

export interface BridgeTrack extends Ranked {
  community: number;
  /** Distinct other communities it has transitions with. */
  communitiesReached: number;
}

/**
 * Tracks that bridge communities: score = total evidence of its transitions (either direction)
 * with tracks of other communities. `communities` is one id per node index (-1 = none).
 */
export function bridgeTracks(g: GraphIndex, communities: Int32Array, o: RankingOptions = {}): BridgeTrack[] {
  const f = compileFilter(g, o.filter);
  const reached = new Map<number, number>();
  const ranked = topNodes(
    g,
    (u) => {
      const own = communities[u]!;
      if (own < 0) return 0;
      let cross = 0;
      const others = new Set<number>();
      const visit = (v: number, e: number) => {
        const c = communities[v]!;
        if (c >= 0 && c !== own && f.edge(e)) {
          cross += g.e.weight[e]!;
          others.add(c);
        }
      };
      g.forEachOut(u, visit);
      g.forEachIn(u, visit);
      reached.set(u, others.size);
      return cross;
    },
    o,
  );
  return ranked
    .filter((r) => r.score > 0)
    .map((r) => {
      const u = g.indexOf(r.trackId);
      return { ...r, community: communities[u]!, communitiesReached: reached.get(u)! };
    });
}

/** What DJs played right after a track, strongest evidence first. */
export function playedAfter(g: GraphIndex, trackId: number, o: RankingOptions = {}): TransitionInfo[] {
  const u = nodeOf(g, trackId);
  const f = compileFilter(g, o.filter);
  const out: TransitionInfo[] = [];
  for (const e of g.outByEvidence(u)) {
    if (out.length >= (o.limit ?? 50)) break;
    if (f.edge(e) && f.node(g.e.to[e]!)) out.push(transitionInfo(g, e));
  }
  return out;
}

/** What DJs played right before a track, strongest evidence first. */
export function playedBefore(g: GraphIndex, trackId: number, o: RankingOptions = {}): TransitionInfo[] {
  const v = nodeOf(g, trackId);
  const f = compileFilter(g, o.filter);
  const out: TransitionInfo[] = [];
  for (const e of g.inByEvidence(v)) {
    if (out.length >= (o.limit ?? 50)) break;
    if (f.edge(e) && f.node(g.e.from[e]!)) out.push(transitionInfo(g, e));
  }
  return out;
}
