// Beam search over paths of exactly L tracks through fixed anchors (start, waypoints, end).
// Anchors sit at evenly spaced positions; at each position every kept path is extended by its
// strongest allowed observed transitions and a few compatible bridges, each scored by the one
// cost of weights.ts, and the best `beamWidth` paths survive (at most two ending on the same track,
// so the beam does not collapse onto one prefix). A backward breadth-first distance from the next
// anchor steers paths that could not reach it by observed transitions in the steps left.
import type { GraphIndex } from '../graph-index.ts';
import { bridgeCost } from '../weights.ts';
import type { BridgeIndex } from './bridges.ts';
import type { StepRules } from './constraints.ts';
import { energyPenalty, stepAllowed } from './constraints.ts';
import { pairCost } from './cost.ts';

export interface PathState {
  node: number;
  parent: PathState | null;
  pos: number;
  /** Total planner cost so far. */
  cost: number;
  /** Edge id of the step into this node; -1 for a bridge; -2 at the start. */
  edge: number;
}

export interface SearchSpace {
  g: GraphIndex;
  rules: StepRules;
  /** Start, waypoints, end (node indices) and their positions in the set. */
  anchors: number[];
  anchorPos: number[];
  length: number;
  beamWidth: number;
  bridges: BridgeIndex;
  /** Tracks that may fill the set besides the anchors; null = all. */
  library: Set<number> | null;
  /**
   * Recording group per node (versions of one recording share a group) when other versions are to be
   * avoided; null = no such rule. Nodes without a group are their own recording.
   */
  recording: Map<number, number> | null;
  /** Extra cost per track, used to push later results away from earlier ones. */
  reuse: Map<number, number>;
  // Per-request caches.
  observed: Map<number, number[]>;
  bridgeMemo: Map<number, number[]>;
  /** Shared by every search of one planSet call: distances do not depend on the constraints. */
  distances: Map<number, Distances>;
}

const OBSERVED_PER_STATE = 16;
const OBSERVED_POOL = 48;
const BRIDGES_PER_STATE = 4;
const NEAR_TARGET = 24;
const MAX_PER_NODE = 2;
const MAX_BFS_DEPTH = 5;
const BFS_EDGE_BUDGET = 200_000;
const FAR = 255;

export function onPath(s: PathState | null, v: number): boolean {
  for (let p = s; p !== null; p = p.parent) if (p.node === v) return true;
  return false;
}

/**
 * Whether v may not join the path: already on it, or (when versions are avoided) another version of
 * a track on it or of an anchor still to come. Walking the path costs its length (≤ 100 steps).
 */
function excluded(sp: SearchSpace, s: PathState, v: number, anchorSet: Set<number>): boolean {
  if (anchorSet.has(v) || onPath(s, v)) return true;
  const rec = sp.recording?.get(v);
  if (rec === undefined) return false;
  for (const a of sp.anchors) if (sp.recording!.get(a) === rec) return true;
  for (let p: PathState | null = s; p !== null; p = p.parent)
    if (sp.recording!.get(p.node) === rec) return true;
  return false;
}

/**
 * Hop distance to `target` over observed transitions. The search stops after MAX_BFS_DEPTH levels
 * or once a level would pass BFS_EDGE_BUDGET edges; `depth` says how many levels are exact, and
 * beyond it FAR means "not known", not "unreachable".
 */
export interface Distances {
  hops: Uint8Array;
  depth: number;
}

function distanceTo(sp: SearchSpace, target: number): Distances {
  const hit = sp.distances.get(target);
  if (hit) return hit;
  const hops = new Uint8Array(sp.g.nodeCount).fill(FAR);
  hops[target] = 0;
  let frontier = [target];
  let depth = 0;
  let edges = 0;
  while (depth < MAX_BFS_DEPTH && frontier.length > 0) {
    let levelEdges = 0;
    for (const v of frontier) levelEdges += sp.g.inDegree[v]!;
    if (edges + levelEdges > BFS_EDGE_BUDGET) break;
    edges += levelEdges;
    depth++;
    const next: number[] = [];
    for (const v of frontier) {
      sp.g.forEachIn(v, (u) => {
        if (hops[u] === FAR) {
          hops[u] = depth;
          next.push(u);
        }
      });
    }
    frontier = next;
  }
  // Depth is exact only when the last frontier was expanded (or nothing was left to expand).
  const d = { hops, depth: frontier.length === 0 ? MAX_BFS_DEPTH : depth };
  sp.distances.set(target, d);
  return d;
}

/** Strongest out-transitions of u that meet the hard constraints (cached per request). */
function observedPool(sp: SearchSpace, u: number): number[] {
  let pool = sp.observed.get(u);
  if (pool) return pool;
  pool = [];
  for (const e of sp.g.outByEvidence(u)) {
    if (pool.length >= OBSERVED_POOL) break;
    const v = sp.g.e.to[e]!;
    if (v !== u && (sp.library === null || sp.library.has(v) || sp.anchors.includes(v))) {
      if (stepAllowed(sp.g, u, v, sp.rules, false)) pool.push(e);
    }
  }
  sp.observed.set(u, pool);
  return pool;
}

function bridgePool(sp: SearchSpace, u: number, target: number): number[] {
  let pool = sp.bridgeMemo.get(u);
  if (pool) return pool;
  const accept = (v: number) => sp.library === null || sp.library.has(v);
  pool = sp.bridges.candidates(u, sp.rules, BRIDGES_PER_STATE, accept);
  // Also offer a jump onto tracks DJs play right before the target, so far-apart anchors connect.
  for (const e of sp.g.inByEvidence(target, NEAR_TARGET)) {
    const v = sp.g.e.from[e]!;
    if (v !== u && !pool.includes(v) && accept(v) && stepAllowed(sp.g, u, v, sp.rules, true)) pool.push(v);
  }
  sp.bridgeMemo.set(u, pool);
  return pool;
}

/** Cost of the step u→v (edge e, or -1 for a bridge) as the `step`-th of the set. */
export function scoreStep(sp: SearchSpace, u: number, v: number, e: number, step: number): number {
  return pairCost(
    sp.g,
    u,
    v,
    e,
    sp.rules,
    (m) => energyPenalty(sp.rules.energy, m, step, sp.length - 1) + (sp.reuse.get(v) ?? 0),
  );
}

interface Candidate {
  state: PathState;
  rank: number;
}

/** Runs the beam; returns complete paths, cheapest first (empty when none meets the constraints). */
export function beamSearch(sp: SearchSpace): PathState[] {
  const { g, anchors, anchorPos, rules } = sp;
  const anchorSet = new Set(anchors);
  let beam: PathState[] = [{ node: anchors[0]!, parent: null, pos: 0, cost: 0, edge: -2 }];
  let a = 1;
  for (let pos = 1; pos < sp.length; pos++) {
    while (anchorPos[a]! < pos) a++;
    const target = anchors[a]!;
    const left = anchorPos[a]! - pos;
    const dist = distanceTo(sp, target);
    const candidates: Candidate[] = [];
    // One step before an anchor, keep only tracks that can step into it (observed or bridge).
    const entry = new Map<number, boolean>();
    const canEnter = (v: number) => {
      let ok = entry.get(v);
      if (ok === undefined) {
        const e = g.findEdge(v, target);
        ok =
          (e >= 0 && stepAllowed(g, v, target, rules, false)) ||
          (rules.allowBridges && stepAllowed(g, v, target, rules, true));
        entry.set(v, ok);
      }
      return ok;
    };
    const push = (s: PathState, v: number, e: number) => {
      if (left === 1 && !canEnter(v)) return;
      const cost = s.cost + scoreStep(sp, s.node, v, e, pos);
      let h = 0;
      const d = dist.hops[v]!;
      if (left > 0 && d > left && !(d === FAR && left > dist.depth)) {
        // Not reachable by observed transitions in the steps left: a bridge will be needed.
        if (!rules.allowBridges) return;
        h = rules.trust * bridgeCost(g.outTotal[v]!);
      }
      candidates.push({ state: { node: v, parent: s, pos, cost, edge: e }, rank: cost + h });
    };
    for (const s of beam) {
      const u = s.node;
      if (left === 0) {
        const e = g.findEdge(u, target);
        if (e >= 0 && stepAllowed(g, u, target, rules, false)) push(s, target, e);
        else if (rules.allowBridges && stepAllowed(g, u, target, rules, true)) push(s, target, -1);
        continue;
      }
      const taken = new Set<number>();
      for (const e of observedPool(sp, u)) {
        if (taken.size >= OBSERVED_PER_STATE) break;
        const v = g.e.to[e]!;
        if (excluded(sp, s, v, anchorSet)) continue;
        push(s, v, e);
        taken.add(v);
      }
      if (rules.allowBridges) {
        for (const v of bridgePool(sp, u, target)) {
          if (taken.has(v) || excluded(sp, s, v, anchorSet)) continue;
          // A candidate DJs did play after u is an observed step, not a bridge.
          push(s, v, g.findEdge(u, v));
        }
      }
    }
    candidates.sort(
      (x, y) =>
        x.rank - y.rank || g.trackId[x.state.node]! - g.trackId[y.state.node]! || x.state.cost - y.state.cost,
    );
    const perNode = new Map<number, number>();
    const next: PathState[] = [];
    for (const c of candidates) {
      if (next.length >= sp.beamWidth) break;
      const seen = perNode.get(c.state.node) ?? 0;
      if (seen >= MAX_PER_NODE) continue;
      perNode.set(c.state.node, seen + 1);
      next.push(c.state);
    }
    if (next.length === 0) return [];
    beam = next;
  }
  return beam.sort((x, y) => x.cost - y.cost);
}

/** Node indices of a path, start first. */
export function pathNodes(s: PathState): number[] {
  const out: number[] = [];
  for (let p: PathState | null = s; p !== null; p = p.parent) out.push(p.node);
  return out.reverse();
}
