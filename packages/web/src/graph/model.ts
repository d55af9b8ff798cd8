// The graph a view draws, in one shape whichever API answer it came from (a track's ego network or
// the strongest filtered subgraph). Pure: no rendering here, so the list view (the graph's text
// alternative) and the WebGL view show exactly the same tracks and transitions.
import type { Neighbourhood, Subgraph, TrackNames } from '../api/types.ts';
import { trackTitle } from '../format.ts';

export interface ViewNode {
  id: number;
  label: string;
  bpm: number | null;
  key: string | null;
  genre: string | null;
  year: number | null;
  plays: number;
  community: number | null;
  /** Hops from the centre of an ego network; null in a subgraph. */
  hop: number | null;
  /** A stored layout position, when the server has one. */
  x: number | null;
  y: number | null;
}

export interface ViewEdge {
  source: number;
  target: number;
  count: number;
  djs: number;
  evidence: number;
}

export interface ViewGraph {
  center: number | null;
  nodes: ViewNode[];
  edges: ViewEdge[];
}

export function fromNeighbourhood(n: Neighbourhood, community: Map<number, number>): ViewGraph {
  return {
    center: n.center,
    nodes: n.nodes.map((t) => ({
      id: t.trackId,
      label: trackTitle(n.tracks[t.trackId], t.trackId),
      bpm: t.bpm,
      key: t.key,
      genre: t.genre,
      year: t.year,
      plays: t.plays,
      community: community.get(t.trackId) ?? null,
      hop: t.hop,
      x: null,
      y: null,
    })),
    edges: n.edges.map((e) => ({
      source: e.from,
      target: e.to,
      count: e.count,
      djs: e.djs,
      evidence: e.evidence,
    })),
  };
}

export function fromSubgraph(s: Subgraph, names: TrackNames, community: Map<number, number>): ViewGraph {
  return {
    center: null,
    nodes: s.nodes.map((t) => ({
      id: t.trackId,
      label: trackTitle(names[t.trackId], t.trackId),
      bpm: t.bpm,
      key: t.key,
      genre: t.genre,
      year: t.year,
      plays: t.plays,
      community: t.community ?? community.get(t.trackId) ?? null,
      hop: null,
      x: t.x,
      y: t.y,
    })),
    edges: s.edges.map((e) => ({ ...e })),
  };
}

/** Node radius in pixels from plays: square root, so area (what the eye compares) follows plays. */
export function nodeSize(plays: number, maxPlays: number): number {
  const MIN = 3;
  const MAX = 16;
  if (maxPlays <= 0) return MIN;
  return MIN + (MAX - MIN) * Math.sqrt(Math.max(0, plays) / maxPlays);
}

/** Edge width in pixels from evidence (which already grows with count and DJs). */
export function edgeSize(evidence: number, maxEvidence: number): number {
  if (maxEvidence <= 0) return 1;
  return 0.6 + 4.4 * Math.sqrt(Math.max(0, evidence) / maxEvidence);
}

/** Neighbours of a node (either direction), for hover highlighting and the side panel. */
export function neighboursOf(g: ViewGraph, id: number): { in: ViewEdge[]; out: ViewEdge[] } {
  return {
    in: g.edges.filter((e) => e.target === id).sort((a, b) => b.evidence - a.evidence),
    out: g.edges.filter((e) => e.source === id).sort((a, b) => b.evidence - a.evidence),
  };
}

interface SetEntryLike {
  withPrevious: boolean;
  track: {
    id: number;
    artist: string;
    title: string;
    version: string | null;
    bpm: number | null;
    key: string | null;
    genre: string | null;
    year: number | null;
  } | null;
}

/**
 * A set's path as a graph: its tracks in order, laid out as a serpentine (rows of `perRow`, every
 * other row right to left) so the path reads like the tracklist; an arrow for each pair played one
 * after the other. An unknown entry breaks the path (no arrow across it), and a `w/` layer rides on
 * the track before it, as in the graph itself. `plays` counts appearances in this set.
 */
export function fromSetPath(entries: readonly SetEntryLike[], perRow = 4): ViewGraph {
  const nodes = new Map<number, ViewNode>();
  const edges = new Map<string, ViewEdge>();
  let previous: number | null = null;
  let step = 0;
  for (const e of entries) {
    if (e.withPrevious) continue;
    const t = e.track;
    if (!t) {
      previous = null;
      continue;
    }
    let node = nodes.get(t.id);
    if (!node) {
      const row = Math.floor(step / perRow);
      const col = row % 2 === 0 ? step % perRow : perRow - 1 - (step % perRow);
      node = {
        id: t.id,
        label: trackTitle(t),
        bpm: t.bpm,
        key: t.key,
        genre: t.genre,
        year: t.year,
        plays: 0,
        community: null,
        hop: null,
        x: col * 10,
        // Graph y grows upwards: rows go down the screen as the set goes on.
        y: 0 - row * 5,
      };
      nodes.set(t.id, node);
      step++;
    }
    node.plays++;
    if (previous !== null && previous !== t.id) {
      const key = `${previous}-${t.id}`;
      const edge = edges.get(key);
      if (edge) {
        edge.count++;
        edge.evidence++;
      } else edges.set(key, { source: previous, target: t.id, count: 1, djs: 1, evidence: 1 });
    }
    previous = t.id;
  }
  return { center: null, nodes: [...nodes.values()], edges: [...edges.values()] };
}

/** Keeps only the given tracks and the transitions between them. */
function induced(g: ViewGraph, keep: Set<number>): ViewGraph {
  return {
    center: g.center !== null && keep.has(g.center) ? g.center : null,
    nodes: g.nodes.filter((n) => keep.has(n.id)),
    edges: g.edges.filter((e) => keep.has(e.source) && keep.has(e.target)),
  };
}

/** Undirected adjacency of the drawn graph (direction does not matter for components or cores). */
function adjacency(g: ViewGraph): Map<number, Set<number>> {
  const adj = new Map<number, Set<number>>(g.nodes.map((n) => [n.id, new Set<number>()]));
  for (const e of g.edges) {
    if (e.source === e.target) continue;
    adj.get(e.source)?.add(e.target);
    adj.get(e.target)?.add(e.source);
  }
  return adj;
}

/**
 * The largest connected component of what is drawn (ignoring direction); on a tie, the one holding
 * the centre, else the one with the most plays. Computed on the tracks shown, not the whole graph.
 */
export function largestComponent(g: ViewGraph): ViewGraph {
  const adj = adjacency(g);
  const plays = new Map(g.nodes.map((n) => [n.id, n.plays]));
  const seen = new Set<number>();
  let best: { ids: number[]; plays: number; centre: boolean } | null = null;
  for (const n of g.nodes) {
    if (seen.has(n.id)) continue;
    const ids: number[] = [];
    const stack = [n.id];
    seen.add(n.id);
    while (stack.length > 0) {
      const v = stack.pop()!;
      ids.push(v);
      for (const w of adj.get(v) ?? [])
        if (!seen.has(w)) {
          seen.add(w);
          stack.push(w);
        }
    }
    const c = {
      ids,
      plays: ids.reduce((s, id) => s + (plays.get(id) ?? 0), 0),
      centre: ids.includes(g.center ?? -1),
    };
    if (
      !best ||
      c.ids.length > best.ids.length ||
      (c.ids.length === best.ids.length &&
        (c.centre > best.centre || (c.centre === best.centre && c.plays > best.plays)))
    )
      best = c;
  }
  return best ? induced(g, new Set(best.ids)) : g;
}

/** The k-core of what is drawn: tracks with at least k neighbours among the tracks that remain. */
export function kCore(g: ViewGraph, k: number): ViewGraph {
  if (k <= 1) return g;
  const adj = adjacency(g);
  const degree = new Map([...adj].map(([v, ws]) => [v, ws.size]));
  const removed = new Set<number>();
  const queue = [...degree].filter(([, d]) => d < k).map(([v]) => v);
  for (const v of queue) removed.add(v);
  while (queue.length > 0) {
    const v = queue.pop()!;
    for (const w of adj.get(v) ?? []) {
      if (removed.has(w)) continue;
      const d = degree.get(w)! - 1;
      degree.set(w, d);
      if (d < k) {
        removed.add(w);
        queue.push(w);
      }
    }
  }
  return induced(g, new Set(g.nodes.map((n) => n.id).filter((id) => !removed.has(id))));
}

/** How many tracks the detailed view may draw, as the explore view offers them. */
export const DETAIL_SIZES = [100, 300, 1000] as const;

/** A box of stored layout coordinates: a region of the overview opened in the detailed view. */
export interface Region {
  minX: number;
  minY: number;
  maxX: number;
  maxY: number;
}

/**
 * `minX,minY,maxX,maxY` as it goes in the URL: each value as JavaScript prints it (the shortest text that
 * reads back to the same number), so the box holds exactly the tracks it was made from. Rounded to 4
 * decimals outwards it also took in a track lying a float step outside (layout positions are float32:
 * near 1,000 a step is 0.00006), and the detailed view drew one track more than the overview had in view.
 */
export const formatRegion = (r: Region) => [r.minX, r.minY, r.maxX, r.maxY].map(String).join(',');

/** The region in a URL value, or null with the reason when it is not four ordered numbers. */
export function parseRegion(value: string): { region: Region | null; problem: string | null } {
  const parts = value.split(',').map((p) => (p.trim() === '' ? Number.NaN : Number(p)));
  if (parts.length !== 4 || parts.some((v) => !Number.isFinite(v)))
    return { region: null, problem: `region=${value} ignored: expected four numbers minX,minY,maxX,maxY` };
  const [minX, minY, maxX, maxY] = parts as [number, number, number, number];
  if (minX > maxX || minY > maxY)
    return { region: null, problem: `region=${value} ignored: each minimum must not exceed its maximum` };
  return { region: { minX, minY, maxX, maxY }, problem: null };
}

/**
 * The tracks whose stored layout position lies in the region (the subgraph's order, strongest
 * first, at most `max` of them) and the transitions between them. Tracks without a position are
 * not in any region.
 */
export function inRegion(g: ViewGraph, r: Region, max: number): ViewGraph {
  const nodes = g.nodes
    .filter(
      (n) => n.x !== null && n.y !== null && n.x >= r.minX && n.x <= r.maxX && n.y >= r.minY && n.y <= r.maxY,
    )
    .slice(0, max);
  const ids = new Set(nodes.map((n) => n.id));
  return { center: null, nodes, edges: g.edges.filter((e) => ids.has(e.source) && ids.has(e.target)) };
}
