// The graph as a running service: builds the index from the store's snapshot at start, keeps it
// current by applying deltas for change events (one at a time, in arrival order, never a full
// rebuild unless a delta cannot be applied), and answers queries with track names and the sets
// behind each transition attached. Reads never see a half-applied patch: a delta is fetched
// asynchronously, then applied synchronously.
import { type Communities, detectCommunitiesInWorker, labelCommunities } from '../communities.ts';
import type { TransitionInfo } from '../describe.ts';
import type { GraphFilter } from '../filters.ts';
import { GraphIndex } from '../graph-index.ts';
import { keyCode, keyName } from '../keys.ts';
import { extendLayout, forceAtlas2Layout, type LayoutOptions } from '../layout/run-layout.ts';
import { type Neighbourhood, type NeighbourhoodQuery, neighbourhood } from '../neighbourhood.ts';
import type { PlanRequest } from '../planner/constraints.ts';
import { describeBlocked, type PlanResult, planSet } from '../planner/plan.ts';
import { type NextTrackQuery, type Recommendation, recommendNext } from '../planner/recommend.ts';
import {
  bridgeTracks,
  mostConnected,
  mostPlayed,
  playedAfter,
  playedBefore,
  type Ranked,
  type RankingOptions,
  topPageRank,
} from '../rankings.ts';
import {
  extractSubgraph,
  type SubgraphBinary,
  type SubgraphJson,
  type SubgraphOptions,
} from '../subgraph.ts';
import { resolveTrack, type TrackResolution } from './resolve.ts';
import {
  type EvidenceSet,
  type GraphChange,
  type GraphStore,
  pairKey,
  type StoredCommunities,
  type StoredLayout,
  type TrackName,
} from './store.ts';

/** A query named a track the graph does not hold (HTTP 404, CLI exit 1). */
export class UnknownTrackError extends Error {
  readonly trackId: number;
  constructor(trackId: number) {
    super(`track ${trackId} is not in the graph`);
    this.name = 'UnknownTrackError';
    this.trackId = trackId;
  }
}

/** A request the graph cannot answer as asked (HTTP 400 / 409): no communities stored yet, etc. */
export class GraphQueryError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'GraphQueryError';
  }
}

export const RANKING_KINDS = ['most-played', 'most-connected', 'pagerank', 'bridges'] as const;
export type RankingKind = (typeof RANKING_KINDS)[number];

export const FORCE_LAYOUT = 'forceatlas2';
/** Track names kept in memory at most (about 100 bytes each). */
const NAME_CACHE_MAX = 200_000;

/** Names of the tracks a result mentions, keyed by track id. */
/** A track's name with what the index knows of its BPM and key (null when unknown). */
export type NamedTrack = TrackName & { bpm: number | null; key: string | null };
export type TrackNames = Record<number, NamedTrack>;

export interface TransitionWithSets extends TransitionInfo {
  /** The most recent sets it was played in (at most `evidence` of them). */
  evidenceSets: EvidenceSet[];
}

export interface ServiceLog {
  info(o: object, msg: string): void;
  warn(o: object, msg: string): void;
}

export interface GraphServiceOptions {
  log?: ServiceLog;
  /** Sets of evidence attached per transition by default (default 3). */
  evidencePerTransition?: number;
}

export interface GraphStatus {
  version: number;
  tracks: number;
  transitions: number;
  memoryBytes: number;
  loadedAt: string;
  loadSeconds: number;
  patchesApplied: number;
  rebuilds: number;
}

type Progress = (p: { done: number; total: number; unit: string; message?: string }) => void;

export class GraphService {
  private g: GraphIndex;
  private readonly store: GraphStore;
  private readonly o: GraphServiceOptions;
  /** Patches and rebuilds run one after another on this chain. */
  private queue: Promise<void> = Promise.resolve();
  private loadedAt = new Date();
  private loadSeconds = 0;
  private patches = 0;
  private rebuilds = 0;
  private communitiesCache: { stored: StoredCommunities; byNode: Int32Array; nodes: number } | null = null;
  private pageRankCache: { version: number; ranked: Ranked[]; limit: number } | null = null;
  /**
   * Track names by id. Every graph answer names its tracks; reading them from the database on each
   * request cost two queries per request, which on the embedded database (one connection, queries on
   * the main thread) held /tracks/{id}/neighbours to ~500 req/s. Names change only with merges,
   * splits and corrections, which all arrive as change events: the cache is emptied on each.
   */
  private nameCache = new Map<number, TrackName>();
  /**
   * Versions of one recording, for the planner; read on the first plan after each graph version
   * (new tracks may bring new versions) rather than on every change event, which most plans never follow.
   */
  private recordingsCache: { version: number; groups: Promise<Map<number, number>> } | null = null;

  private constructor(store: GraphStore, g: GraphIndex, o: GraphServiceOptions) {
    this.store = store;
    this.g = g;
    this.o = o;
  }

  /** Loads the snapshot, builds the index, and reads the latest stored communities. */
  static async start(store: GraphStore, o: GraphServiceOptions = {}): Promise<GraphService> {
    const started = performance.now();
    const snapshot = await store.loadSnapshot();
    snapshot.version = 1;
    const s = new GraphService(store, GraphIndex.fromSnapshot(snapshot), o);
    s.loadSeconds = (performance.now() - started) / 1000;
    s.setCommunities(await store.latestCommunities());
    o.log?.info(
      { tracks: s.g.nodeCount, transitions: s.g.edgeCount, seconds: Number(s.loadSeconds.toFixed(2)) },
      'graph index built',
    );
    return s;
  }

  /** The current index (replaced on a rebuild: do not keep it across awaits). */
  get index(): GraphIndex {
    return this.g;
  }

  status(): GraphStatus {
    return {
      version: this.g.version,
      tracks: this.g.nodeCount,
      transitions: this.g.edgeCount,
      memoryBytes: this.g.memoryBytes(),
      loadedAt: this.loadedAt.toISOString(),
      loadSeconds: this.loadSeconds,
      patchesApplied: this.patches,
      rebuilds: this.rebuilds,
    };
  }

  // ---- keeping current ----

  /** Queues a change event; the returned promise settles when it has been applied. Never rejects. */
  onChange(change: GraphChange): Promise<void> {
    this.queue = this.queue.then(() => this.applyChange(change));
    return this.queue;
  }

  /** Settles when every queued change has been applied. */
  idle(): Promise<void> {
    return this.queue;
  }

  /** Reloads the whole snapshot (queued behind pending patches). */
  rebuild(reason: string): Promise<void> {
    this.queue = this.queue.then(() => this.reload(reason));
    return this.queue;
  }

  private async applyChange(change: GraphChange): Promise<void> {
    this.nameCache.clear();
    try {
      const delta = await this.store.loadDelta(change, this.g.version + 1);
      // A source first seen after start has no bit in the index's mask: only a rebuild adds one.
      const names = new Set(this.g.sourceNames);
      if (delta.edges.some((e) => e.sources?.some((n) => !names.has(n)))) {
        await this.reload('a new source appeared');
        return;
      }
      this.g.applyDelta(delta);
      this.patches++;
    } catch (e) {
      // A delta that does not fit (say, a track merged away between events) leaves the index in doubt.
      await this.reload(`patch failed: ${e instanceof Error ? e.message : String(e)}`);
    }
  }

  private async reload(reason: string): Promise<void> {
    this.nameCache.clear();
    try {
      const started = performance.now();
      const snapshot = await this.store.loadSnapshot();
      snapshot.version = this.g.version + 1;
      this.g = GraphIndex.fromSnapshot(snapshot);
      this.loadSeconds = (performance.now() - started) / 1000;
      this.loadedAt = new Date();
      this.rebuilds++;
      this.pageRankCache = null;
      this.setCommunities(this.communitiesCache?.stored ?? null);
      this.o.log?.info(
        { reason, tracks: this.g.nodeCount, transitions: this.g.edgeCount },
        'graph index rebuilt',
      );
    } catch (e) {
      this.o.log?.warn({ reason, err: e }, 'graph index rebuild failed; keeping the previous index');
    }
  }

  // ---- tracks ----

  /** A track by id or by `Artist - Title` (import identity rules). */
  resolveTrack(ref: string | number): Promise<TrackResolution> {
    const store = {
      findTracks: this.store.findTracks.bind(this.store),
      trackNames: (ids: number[]) => this.trackNames(ids),
    };
    return resolveTrack(store, String(ref), (id) => this.g.indexOf(id) >= 0);
  }

  /** Names of tracks, from the cache where it has them (see nameCache). */
  private async trackNames(ids: readonly number[]): Promise<Map<number, TrackName>> {
    const out = new Map<number, TrackName>();
    const missing: number[] = [];
    for (const id of ids) {
      const n = this.nameCache.get(id);
      if (n) out.set(id, n);
      else missing.push(id);
    }
    if (missing.length > 0) {
      const found = await this.store.trackNames(missing);
      // Bounded: past this many names the cache starts again rather than grow with the catalogue.
      if (this.nameCache.size + found.size > NAME_CACHE_MAX) this.nameCache.clear();
      for (const [id, n] of found) {
        this.nameCache.set(id, n);
        out.set(id, n);
      }
    }
    return out;
  }

  private requireTrack(trackId: number): void {
    if (this.g.indexOf(trackId) < 0) throw new UnknownTrackError(trackId);
  }

  /** Names of every track id in `ids`. */
  async names(ids: Iterable<number>): Promise<TrackNames> {
    const found = await this.trackNames([...new Set(ids)]);
    const out: TrackNames = {};
    for (const [id, n] of found) {
      // BPM and key from the index (current with every change event), so a list of names can show them.
      const u = this.g.indexOf(id);
      const bpm = u >= 0 ? this.g.bpm[u]! : Number.NaN;
      out[id] = { ...n, bpm: Number.isNaN(bpm) ? null : bpm, key: u >= 0 ? keyName(this.g.key[u]!) : null };
    }
    return out;
  }

  private async withSets(transitions: TransitionInfo[], perPair?: number): Promise<TransitionWithSets[]> {
    const n = perPair ?? this.o.evidencePerTransition ?? 3;
    const sets = await this.store.evidence(
      transitions.map((t) => [t.from, t.to]),
      n,
    );
    return transitions.map((t) => ({ ...t, evidenceSets: sets.get(pairKey(t.from, t.to)) ?? [] }));
  }

  // ---- queries ----

  /** Checks a filter's values against the graph, so a bad one is a clear 400, not a failure deep in a query. */
  checkFilter(f: GraphFilter | undefined): void {
    if (!f) return;
    for (const k of f.keys ?? []) {
      let known = false;
      try {
        known = keyCode(k) >= 0;
      } catch {
        // keyCode names the bad text; the message below says the same for the request
      }
      if (!known) throw new GraphQueryError(`not a musical key: ${JSON.stringify(k)}`);
    }
    for (const s of f.sources ?? []) {
      if (!this.g.sourceNames.includes(s))
        throw new GraphQueryError(
          `unknown source ${JSON.stringify(s)} (known: ${this.g.sourceNames.join(', ') || 'none'})`,
        );
    }
  }

  async neighbours(q: NeighbourhoodQuery): Promise<Neighbourhood & { tracks: TrackNames }> {
    this.requireTrack(q.trackId);
    this.checkFilter(q.filter);
    const n = neighbourhood(this.g, q);
    return { ...n, tracks: await this.names(n.nodes.map((x) => x.trackId)) };
  }

  /** What DJs played after (or before) a track, each with the sets as evidence. */
  async played(
    direction: 'after' | 'before',
    trackId: number,
    o: RankingOptions & { evidence?: number } = {},
  ): Promise<{ trackId: number; transitions: TransitionWithSets[]; tracks: TrackNames }> {
    this.requireTrack(trackId);
    this.checkFilter(o.filter);
    const list = direction === 'after' ? playedAfter(this.g, trackId, o) : playedBefore(this.g, trackId, o);
    const transitions = await this.withSets(list, o.evidence);
    return {
      trackId,
      transitions,
      tracks: await this.names([trackId, ...list.flatMap((t) => [t.from, t.to])]),
    };
  }

  async next(q: NextTrackQuery): Promise<{
    trackId: number;
    recommendations: (Recommendation & { evidenceSets: EvidenceSet[] })[];
    tracks: TrackNames;
  }> {
    this.requireTrack(q.trackId);
    const recs = recommendNext(this.g, q);
    const observed = recs.filter((r) => r.kind === 'observed');
    const sets = await this.store.evidence(
      observed.map((r) => [r.from, r.to]),
      this.o.evidencePerTransition ?? 3,
    );
    return {
      trackId: q.trackId,
      recommendations: recs.map((r) => ({ ...r, evidenceSets: sets.get(pairKey(r.from, r.to)) ?? [] })),
      tracks: await this.names([q.trackId, ...recs.map((r) => r.to)]),
    };
  }

  /** The planner; every observed step carries the sets it was seen in. */
  async plan(
    r: PlanRequest,
  ): Promise<PlanResult & { tracks: TrackNames; evidence: Record<string, EvidenceSet[]> }> {
    for (const id of [r.from, r.to, ...(r.via ?? [])]) this.requireTrack(id);
    if (this.recordingsCache?.version !== this.g.version)
      this.recordingsCache = {
        version: this.g.version,
        groups: this.store.recordingGroups().catch((e) => {
          this.recordingsCache = null;
          throw e;
        }),
      };
    const recordings = await this.recordingsCache.groups;
    let result: PlanResult;
    try {
      result = planSet(this.g, r, { recordings });
    } catch (e) {
      // The planner throws only on requests it cannot read (no length, an unknown rule).
      throw new GraphQueryError(e instanceof Error ? e.message : String(e));
    }
    const all = [...result.sets, ...(result.relaxation?.sets ?? [])];
    const observed = all.flatMap((s) =>
      s.steps.filter((x) => x.kind === 'observed').map((x) => [x.from, x.to] as [number, number]),
    );
    const unique = [...new Map(observed.map((p) => [pairKey(p[0], p[1]), p])).values()];
    const sets = await this.store.evidence(unique, this.o.evidencePerTransition ?? 3);
    const tracks = await this.names(all.flatMap((s) => s.tracks).concat(r.from, r.to, ...(r.via ?? [])));
    // A plan that cannot be built says where, in the names a DJ knows (the planner names ids).
    const mentioned = result.blocked ? (result.blocked.message.match(/\d+/g) ?? []).map(Number) : [];
    const more = await this.names(mentioned.filter((id) => !(id in tracks) && this.g.indexOf(id) >= 0));
    const named = { ...tracks, ...more };
    const label = (id: number) => {
      const t = named[id];
      return t ? `${t.artist} – ${t.title}${t.version ? ` (${t.version})` : ''}` : `track ${id}`;
    };
    const blocked = result.blocked
      ? { ...result.blocked, message: describeBlocked(result, label) ?? result.blocked.message }
      : undefined;
    return { ...result, ...(blocked ? { blocked } : {}), tracks, evidence: Object.fromEntries(sets) };
  }

  async subgraph(
    o: Omit<SubgraphOptions, 'positions' | 'communities'>,
  ): Promise<SubgraphJson & { version: number; tracks: TrackNames }> {
    const layout = await this.layout(FORCE_LAYOUT);
    const { json } = extractSubgraph(this.g, {
      ...o,
      positions: layout?.byNode,
      communities: this.communitiesByNode() ?? undefined,
    });
    return { version: this.g.version, ...json, tracks: await this.names(json.nodes.map((n) => n.trackId)) };
  }

  /** The same subgraph as typed arrays (ids, positions, sizes, colours, edges, weights) for large views. */
  async subgraphBinary(
    o: Omit<SubgraphOptions, 'positions' | 'communities'>,
  ): Promise<{ version: number; binary: SubgraphBinary }> {
    const layout = await this.layout(FORCE_LAYOUT);
    const { binary } = extractSubgraph(this.g, {
      ...o,
      positions: layout?.byNode,
      communities: this.communitiesByNode() ?? undefined,
    });
    return { version: this.g.version, binary };
  }

  async rankings(
    kind: RankingKind,
    o: RankingOptions = {},
  ): Promise<{ kind: RankingKind; ranked: Ranked[]; tracks: TrackNames }> {
    this.checkFilter(o.filter);
    let ranked: Ranked[];
    if (kind === 'most-played') ranked = mostPlayed(this.g, o);
    else if (kind === 'most-connected') ranked = mostConnected(this.g, o);
    else if (kind === 'pagerank') ranked = this.pageRank(o);
    else {
      const c = this.communitiesByNode();
      if (!c) throw new GraphQueryError('no communities are stored yet: run the communities job first');
      ranked = bridgeTracks(this.g, c, o);
    }
    return { kind, ranked, tracks: await this.names(ranked.map((r) => r.trackId)) };
  }

  /** PageRank over 10^6 transitions takes a while: the unfiltered ranking is cached per graph version. */
  private pageRank(o: RankingOptions): Ranked[] {
    const limit = o.limit ?? 50;
    if (o.filter !== undefined) return topPageRank(this.g, o);
    const c = this.pageRankCache;
    if (c && c.version === this.g.version && c.limit >= limit) return c.ranked.slice(0, limit);
    const ranked = topPageRank(this.g, { limit });
    this.pageRankCache = { version: this.g.version, ranked, limit };
    return ranked;
  }

  // ---- communities and layouts ----

  private setCommunities(stored: StoredCommunities | null): void {
    this.communitiesCache = stored
      ? { stored, byNode: this.byNode(stored.trackIds, stored.communities), nodes: this.g.nodeCount }
      : null;
  }

  /** Values stored per track id, laid out per node index (-1 for tracks the stored rows do not cover). */
  private byNode(trackIds: Int32Array, values: Int32Array): Int32Array {
    const out = new Int32Array(this.g.nodeCount).fill(-1);
    for (let i = 0; i < trackIds.length; i++) {
      const u = this.g.indexOf(trackIds[i]!);
      if (u >= 0) out[u] = values[i]!;
    }
    return out;
  }

  /** Latest stored community per node index, or null when none is stored. */
  communitiesByNode(): Int32Array | null {
    const c = this.communitiesCache;
    if (!c) return null;
    // Nodes appended by patches since: map again so the array covers them (as -1).
    if (c.nodes !== this.g.nodeCount) this.setCommunities(c.stored);
    return this.communitiesCache!.byNode;
  }

  /** The latest stored communities: labels and sizes, plus the community of each track. */
  latestCommunities(): StoredCommunities | null {
    return this.communitiesCache?.stored ?? null;
  }

  /** The latest stored layout of a kind, with positions per node index (NaN where it has none). */
  async layout(kind: string): Promise<(StoredLayout & { byNode: Float32Array }) | null> {
    const stored = await this.store.latestLayout(kind);
    if (!stored) return null;
    const byNode = new Float32Array(2 * this.g.nodeCount).fill(Number.NaN);
    for (let i = 0; i < stored.trackIds.length; i++) {
      const u = this.g.indexOf(stored.trackIds[i]!);
      if (u < 0) continue;
      byNode[2 * u] = stored.positions[2 * i]!;
      byNode[2 * u + 1] = stored.positions[2 * i + 1]!;
    }
    return { ...stored, byNode };
  }

  private counts() {
    return { tracks: this.g.nodeCount, transitions: this.g.edgeCount };
  }

  private trackIdsOfNodes(g: GraphIndex): Int32Array {
    return Int32Array.from(g.trackId.subarray(0, g.nodeCount));
  }

  /**
   * Louvain on the current index, labelled by dominant genres and artists, stored with a new graph
   * version. Louvain itself gives no progress; the steps are reported instead.
   */
  async computeCommunities(
    o: { seed?: number; resolution?: number; onProgress?: Progress } = {},
  ): Promise<StoredCommunities> {
    const step = (done: number, message: string) =>
      o.onProgress?.({ done, total: 3, unit: 'steps', message });
    const g = this.g;
    step(0, 'running Louvain');
    const c: Communities = await detectCommunitiesInWorker(g, { seed: o.seed, resolution: o.resolution });
    step(1, `labelling ${c.count} communities`);
    const artistIds = new Set<number>();
    for (let u = 0; u < g.nodeCount; u++)
      if (c.community[u]! >= 0) for (const a of g.artistsOf(u)) artistIds.add(a);
    const names = await this.store.artistNames([...artistIds]);
    const labels = labelCommunities(g, c, { artistName: (a) => names.get(a) });
    step(2, 'storing');
    const stored = await this.store.saveCommunities(
      {
        algorithm: 'louvain',
        trackIds: this.trackIdsOfNodes(g),
        communities: c.community.slice(0, g.nodeCount),
        labels,
        modularity: c.modularity,
      },
      { tracks: g.nodeCount, transitions: g.edgeCount },
    );
    this.setCommunities(stored);
    step(3, `${c.count} communities, modularity ${c.modularity.toFixed(3)}`);
    return stored;
  }

  /**
   * ForceAtlas2 in a worker thread, stored with a new graph version. Incremental by default: when a
   * stored layout covers the first nodes of the index, those stay where they are and only the nodes
   * added since are placed (extendLayout); otherwise the whole graph is laid out.
   */
  async computeLayout(
    o: { iterations?: number; incremental?: boolean; seed?: number; onProgress?: Progress } = {},
  ): Promise<{ layout: StoredLayout; mode: 'full' | 'incremental'; settled: number }> {
    const g = this.g;
    const onProgress: LayoutOptions['onProgress'] = (done, total) =>
      o.onProgress?.({ done, total, unit: 'iterations' });
    const previous = o.incremental === false ? null : await this.layout(FORCE_LAYOUT);
    // Settled prefix: node indices 0…settled-1 all have stored positions.
    let settled = 0;
    if (previous) while (settled < g.nodeCount && !Number.isNaN(previous.byNode[2 * settled]!)) settled++;
    const incremental = previous !== null && settled > 0 && settled >= g.nodeCount / 2;
    const opts: LayoutOptions = {
      onProgress,
      seed: o.seed,
      ...(o.iterations !== undefined ? { iterations: o.iterations } : {}),
    };
    const computed = incremental
      ? await extendLayout(g, previous.byNode.subarray(0, 2 * settled), opts)
      : await forceAtlas2Layout(g, opts);
    const n = Math.min(g.nodeCount, computed.positions.length / 2);
    const layout = await this.store.saveLayout(
      {
        kind: FORCE_LAYOUT,
        trackIds: this.trackIdsOfNodes(g).subarray(0, n),
        positions: computed.positions.subarray(0, 2 * n),
        params: {
          iterations: o.iterations ?? (incremental ? 30 : 100),
          mode: incremental ? 'incremental' : 'full',
          settled,
          seed: o.seed ?? 1,
        },
      },
      this.counts(),
    );
    return { layout, mode: incremental ? 'incremental' : 'full', settled: incremental ? settled : 0 };
  }
}
