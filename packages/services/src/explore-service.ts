// The graph engine behind every door: neighbourhoods, played before/after, next track, the planner,
// subgraphs, rankings, communities and layouts. It resolves the ways people name tracks (an id, or
// "Artist - Title"), checks filters naming the field at fault, and turns the graph engine's errors
// into ServiceErrors. The in-memory index itself lives in @songnodes/graph's GraphService.
import {
  type GraphFilter,
  GraphQueryError,
  type GraphService,
  type RankingKind,
  UnknownTrackError,
} from '@songnodes/graph';
import { checkKeys, ServiceError } from './errors.ts';

type Graph = GraphService;
type PlanInput = Parameters<Graph['plan']>[0];
type NextInput = Parameters<Graph['next']>[0];
type NeighbourInput = Parameters<Graph['neighbours']>[0];
export type TrackRefInput = string | number;

export class ExploreService {
  private readonly graph: Graph;

  constructor(graph: Graph) {
    this.graph = graph;
  }

  /** A track named by id or `Artist - Title`: not_found when unknown, conflict (with candidates) when ambiguous. */
  async resolve(ref: TrackRefInput, field: string): Promise<number> {
    // An id beyond PostgreSQL's integer range names no track (and must not reach a query).
    if (/^\s*\d+\s*$/.test(String(ref)) && Number(ref) > 2_147_483_647)
      throw new ServiceError('not_found', `no track ${String(ref).trim()}`, { field });
    const r = await this.graph.resolveTrack(ref);
    if (r.status === 'found') return r.track.trackId;
    if (r.status === 'ambiguous')
      throw new ServiceError('conflict', r.message, { field, details: r.candidates });
    throw new ServiceError('not_found', r.message, { field });
  }

  /** Checks each filter value, naming the query parameter at fault. */
  checkFilter(f: GraphFilter | undefined): void {
    if (!f) return;
    checkKeys(f.keys);
    if (f.bpm?.min !== undefined && f.bpm.max !== undefined && f.bpm.min > f.bpm.max)
      throw new ServiceError('invalid', `bpmMin (${f.bpm.min}) is above bpmMax (${f.bpm.max})`, {
        field: 'bpmMin',
      });
    if (f.years?.from !== undefined && f.years.to !== undefined && f.years.from > f.years.to)
      throw new ServiceError('invalid', `yearFrom (${f.years.from}) is after yearTo (${f.years.to})`, {
        field: 'yearFrom',
      });
    try {
      this.graph.checkFilter(f);
    } catch (e) {
      if (e instanceof GraphQueryError) throw new ServiceError('invalid', e.message, { field: 'sources' });
      throw e;
    }
  }

  private async run<T>(fn: () => Promise<T>): Promise<T> {
    try {
      return await fn();
    } catch (e) {
      if (e instanceof UnknownTrackError) throw new ServiceError('not_found', e.message, { field: 'id' });
      if (e instanceof GraphQueryError) throw new ServiceError('invalid', e.message);
      throw e;
    }
  }

  async neighbours(ref: TrackRefInput, q: Omit<NeighbourInput, 'trackId'>) {
    this.checkFilter(q.filter);
    const trackId = await this.resolve(ref, 'id');
    return this.run(() => this.graph.neighbours({ ...q, trackId }));
  }

  async played(direction: 'after' | 'before', ref: TrackRefInput, o: Parameters<Graph['played']>[2]) {
    this.checkFilter(o?.filter);
    const trackId = await this.resolve(ref, 'id');
    return this.run(() => this.graph.played(direction, trackId, o));
  }

  async next(ref: TrackRefInput, q: Omit<NextInput, 'trackId'>) {
    const trackId = await this.resolve(ref, 'id');
    return this.run(() => this.graph.next({ ...q, trackId }));
  }

  async plan(
    q: Omit<PlanInput, 'from' | 'to' | 'via'> & {
      from: TrackRefInput;
      to: TrackRefInput;
      via?: TrackRefInput[];
    },
  ) {
    const from = await this.resolve(q.from, 'from');
    const to = await this.resolve(q.to, 'to');
    const via = q.via ? await Promise.all(q.via.map((v, i) => this.resolve(v, `via[${i}]`))) : undefined;
    return this.run(() => this.graph.plan({ ...q, from, to, via }));
  }

  async subgraph(o: Parameters<Graph['subgraph']>[0]) {
    this.checkFilter(o.filter);
    return this.run(() => this.graph.subgraph(o));
  }

  async subgraphBinary(o: Parameters<Graph['subgraphBinary']>[0]) {
    this.checkFilter(o.filter);
    return this.run(() => this.graph.subgraphBinary(o));
  }

  async rankings(kind: RankingKind, o: Parameters<Graph['rankings']>[1]) {
    this.checkFilter(o?.filter);
    if (kind === 'bridges' && !this.graph.latestCommunities())
      throw new ServiceError(
        'not_ready',
        'bridge tracks need communities: run POST /api/v1/graph/communities first',
      );
    return this.run(() => this.graph.rankings(kind, o));
  }

  communities() {
    const c = this.graph.latestCommunities();
    if (!c)
      throw new ServiceError('not_ready', 'no communities are computed yet: POST /api/v1/graph/communities');
    return c;
  }

  async layout() {
    const l = await this.graph.layout('forceatlas2');
    if (!l) throw new ServiceError('not_ready', 'no layout is computed yet: POST /api/v1/graph/layout');
    return l;
  }

  status() {
    return this.graph.status();
  }

  /** The graph's version alone: read on every cached graph read, where status() (which measures the index's memory) costs too much. */
  version(): number {
    return this.graph.index.version;
  }
}
