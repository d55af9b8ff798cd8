// Communities: Louvain (graphology-communities-louvain) on an undirected graphology copy of the
// index, edges weighted by evidence strength (both directions summed). The result is one community
// id per node index, stored with the graph version it was computed at.
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import { UndirectedGraph } from 'graphology';
import type { Attributes } from 'graphology-types';
import type { GraphFilter } from './filters.ts';
import { compileFilter } from './filters.ts';
import type { GraphIndex } from './graph-index.ts';
import { seededRandom } from './random.ts';

// A CommonJS module whose typings declare an ES default export; require() gives the function as it is.
const louvain = createRequire(import.meta.url)(
  'graphology-communities-louvain',
) as typeof import('graphology-communities-louvain')['default'];

/**
 * The edges Louvain sees, as flat arrays (so they can go to a worker thread without copying):
 * node indices, evidence strength as weight; self-transitions left out (they say nothing about
 * which tracks belong together).
 */
export interface CommunityEdges {
  from: Int32Array;
  to: Int32Array;
  weight: Float64Array;
}

export function communityEdges(g: GraphIndex, filter?: GraphFilter): CommunityEdges {
  const f = compileFilter(g, filter);
  const from: number[] = [];
  const to: number[] = [];
  const weight: number[] = [];
  for (let u = 0; u < g.nodeCount; u++) {
    if (!f.node(u)) continue;
    g.forEachOut(u, (v, e) => {
      if (v === u || !f.edge(e) || !f.node(v)) return;
      from.push(u);
      to.push(v);
      weight.push(g.e.weight[e]!);
    });
  }
  return { from: Int32Array.from(from), to: Int32Array.from(to), weight: Float64Array.from(weight) };
}

/** An undirected graphology graph of those edges: node keys are node indices as strings, A→B and B→A summed. */
export function toGraphology(edges: CommunityEdges): UndirectedGraph<Attributes, { weight: number }> {
  const graph = new UndirectedGraph<Attributes, { weight: number }>();
  for (let i = 0; i < edges.from.length; i++) {
    const a = String(edges.from[i]);
    const b = String(edges.to[i]);
    if (!graph.hasNode(a)) graph.addNode(a);
    if (!graph.hasNode(b)) graph.addNode(b);
    const w = edges.weight[i]!;
    graph.updateEdge(a, b, (attr) => ({ weight: (attr.weight ?? 0) + w }));
  }
  return graph;
}

/** Louvain over the edges: a community per node index (-1 without edges). Pure; runs in either thread. */
export function louvainCommunities(
  edges: CommunityEdges,
  nodeCount: number,
  o: { seed?: number; resolution?: number } = {},
): { community: Int32Array; count: number; modularity: number } {
  const graph = toGraphology(edges);
  const community = new Int32Array(nodeCount).fill(-1);
  if (graph.order === 0) return { community, count: 0, modularity: 0 };
  const result = louvain.detailed(graph, {
    getEdgeWeight: 'weight',
    resolution: o.resolution ?? 1,
    rng: seededRandom(o.seed ?? 1),
  });
  for (const [node, c] of Object.entries(result.communities)) community[Number(node)] = c;
  return { community, count: result.count, modularity: result.modularity };
}

export interface Communities {
  /** Graph version the communities were computed at. */
  version: number;
  /** Community per node index; -1 for tracks without transitions (or filtered out). */
  community: Int32Array;
  count: number;
  modularity: number;
}

export interface CommunityOptions {
  /** Seed of Louvain's random order of moves: same seed, same graph → same communities. Default 1. */
  seed?: number;
  /** Louvain resolution: higher gives more, smaller communities. Default 1. */
  resolution?: number;
  filter?: GraphFilter;
}

/** Louvain on the calling thread (tests, scripts). Services use detectCommunitiesInWorker. */
export function detectCommunities(g: GraphIndex, o: CommunityOptions = {}): Communities {
  return { version: g.version, ...louvainCommunities(communityEdges(g, o.filter), g.nodeCount, o) };
}

/** Louvain in a worker thread, so a process serving requests keeps answering while it runs. */
export function detectCommunitiesInWorker(g: GraphIndex, o: CommunityOptions = {}): Promise<Communities> {
  const version = g.version;
  const edges = communityEdges(g, o.filter);
  const job: CommunityJob = { edges, nodeCount: g.nodeCount, seed: o.seed, resolution: o.resolution };
  const worker = new Worker(new URL('./communities-worker.ts', import.meta.url), {
    workerData: job,
    transferList: [edges.from.buffer, edges.to.buffer, edges.weight.buffer] as ArrayBuffer[],
  });
  return new Promise((resolve, reject) => {
    worker.once('message', (r: ReturnType<typeof louvainCommunities>) => {
      resolve({ version, ...r });
      void worker.terminate();
    });
    worker.once('error', reject);
    worker.once('exit', (code) => {
      if (code !== 0) reject(new Error(`communities worker exited with code ${code}`));
    });
  });
}

/** What the worker thread gets. */
export interface CommunityJob {
  edges: CommunityEdges;
  nodeCount: number;
  seed?: number;
  resolution?: number;
}

export interface CommunityLabel {
  community: number;
  size: number;
  /** Most common genres among its tracks, with their share of the tracks whose genre is known. */
  genres: { name: string; share: number }[];
  /** Artists with the most tracks in it. */
  artists: { artistId: number; name: string | null; tracks: number }[];
  /** e.g. "Techno, Tech House · Artist A, Artist B". */
  label: string;
}

/** Labels each community by its dominant genres and artists; largest communities first. */
export function labelCommunities(
  g: GraphIndex,
  c: Communities,
  o: { artistName?: (artistId: number) => string | undefined; top?: number } = {},
): CommunityLabel[] {
  const top = o.top ?? 3;
  const groups = new Map<
    number,
    { size: number; genres: Map<number, number>; artists: Map<number, number> }
  >();
  for (let u = 0; u < g.nodeCount; u++) {
    const id = c.community[u]!;
    if (id < 0) continue;
    let grp = groups.get(id);
    if (!grp) {
      grp = { size: 0, genres: new Map(), artists: new Map() };
      groups.set(id, grp);
    }
    grp.size++;
    const genre = g.genre[u]!;
    if (genre >= 0) grp.genres.set(genre, (grp.genres.get(genre) ?? 0) + 1);
    for (const a of g.artistsOf(u)) grp.artists.set(a, (grp.artists.get(a) ?? 0) + 1);
  }
  const ranked = <K extends number>(m: Map<K, number>) =>
    [...m].sort((x, y) => y[1] - x[1] || x[0] - y[0]).slice(0, top);
  const labels: CommunityLabel[] = [];
  for (const [id, grp] of groups) {
    const known = [...grp.genres.values()].reduce((a, b) => a + b, 0);
    const genres = ranked(grp.genres).map(([k, n]) => ({ name: g.genres[k]!, share: n / known }));
    const artists = ranked(grp.artists).map(([a, n]) => ({
      artistId: a,
      name: o.artistName?.(a) ?? null,
      tracks: n,
    }));
    const artistText = artists.map((a) => a.name ?? `artist ${a.artistId}`).join(', ');
    const genreText = genres.map((x) => x.name).join(', ') || 'genre unknown';
    labels.push({ community: id, size: grp.size, genres, artists, label: `${genreText} · ${artistText}` });
  }
  return labels.sort((a, b) => b.size - a.size || a.community - b.community);
}
