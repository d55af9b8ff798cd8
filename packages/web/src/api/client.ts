// The one module that talks to the server. Views call these functions and never build URLs
// themselves, so moving to the generated OpenAPI client (src/api/schema.ts) changes this file only.
import type { Filters } from '../filters.ts';
import { filtersToParams } from '../filters.ts';
import type {
  ArtistDetail,
  Communities,
  GraphStatus,
  ImportAccepted,
  JobProgressRecord,
  Layout,
  Neighbourhood,
  Plan,
  PlanRequest,
  Played,
  RankingKind,
  Rankings,
  Readiness,
  SearchResults,
  ServerEvent,
  SetDetail,
  Stats,
  Subgraph,
  TrackInfo,
  TrackName,
} from './types.ts';

const API = '/api/v1';

/** A failed request: `status` 0 means the server could not be reached at all. */
export class ApiError extends Error {
  readonly status: number;
  constructor(status: number, message: string) {
    super(message);
    this.status = status;
  }
  get unreachable() {
    return this.status === 0;
  }
}

type Query = Record<string, string | number | boolean | undefined>;

function url(path: string, query: Query = {}): string {
  const qs = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) if (v !== undefined && v !== '') qs.set(k, String(v));
  const s = qs.toString();
  return `${path}${s ? `?${s}` : ''}`;
}

async function request<T>(path: string, init: RequestInit = {}, okStatuses: number[] = []): Promise<T> {
  let res: Response;
  try {
    res = await fetch(path, { ...init, headers: { accept: 'application/json', ...init.headers } });
  } catch {
    throw new ApiError(0, 'The SongNodes server cannot be reached. Is `songnodes start` running?');
  }
  if (!res.ok && !okStatuses.includes(res.status)) throw new ApiError(res.status, await messageOf(res));
  return (await res.json()) as T;
}

/** The server's own words for a failure: problem+json `detail`/`title`, or our older `{ message }`. */
async function messageOf(res: Response): Promise<string> {
  try {
    const body = (await res.json()) as { detail?: string; title?: string; message?: string };
    return body.detail ?? body.message ?? body.title ?? `HTTP ${res.status}`;
  } catch {
    return `HTTP ${res.status} ${res.statusText}`;
  }
}

const get = <T>(path: string, query?: Query, okStatuses?: number[]) =>
  request<T>(url(path, query), {}, okStatuses);

const post = <T>(path: string, body: unknown, query?: Query) =>
  request<T>(url(path, query), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });

const filterQuery = (f?: Filters): Query => (f ? filtersToParams(f) : {});

export const getStats = () => get<Stats>(`${API}/stats`);
/** /health/ready answers 503 with the failing check named: still worth reading. */
export const getReadiness = () => get<Readiness>('/health/ready', {}, [503]);
export const getGraphStatus = () => get<GraphStatus>(`${API}/graph/status`);

export const search = (q: string, signal?: AbortSignal) =>
  request<SearchResults>(url(`${API}/search`, { q }), { signal });

export interface NeighbourOptions {
  direction?: 'in' | 'out' | 'both';
  hops?: number;
  limit?: number;
  maxNodes?: number;
}

export const getNeighbours = (id: number, o: NeighbourOptions = {}, filters?: Filters) =>
  get<Neighbourhood>(`${API}/tracks/${id}/neighbours`, { ...o, ...filterQuery(filters) });

export const getPlayed = (
  direction: 'after' | 'before',
  id: number,
  limit = 50,
  evidence = 10,
  filters?: Filters,
) => get<Played>(`${API}/tracks/${id}/played-${direction}`, { limit, evidence, ...filterQuery(filters) });

/**
 * A track's name and graph facts. Until GET /tracks/{id} lands this reads the centre of a one-hop
 * neighbourhood, which carries exactly that (and nothing invented).
 */
export async function getTrack(id: number): Promise<{ info: TrackInfo; name: TrackName }> {
  const n = await getNeighbours(id, { hops: 1, limit: 1, maxNodes: 1 });
  const info = n.nodes.find((x) => x.trackId === n.center);
  const name = n.tracks[String(n.center)];
  if (!info || !name) throw new ApiError(404, `track ${id} is not in the graph`);
  return { info, name };
}

export const getSubgraph = (filters: Filters, nodes: number, edges: number) =>
  get<Subgraph>(`${API}/graph/subgraph`, { nodes, edges, ...filterQuery(filters) });

export const getRankings = (kind: RankingKind, limit: number, filters?: Filters) =>
  get<Rankings>(`${API}/graph/rankings/${kind}`, { limit, ...filterQuery(filters) });

/** Null when none are stored yet (the server answers 404 then). */
export async function getCommunities(): Promise<Communities | null> {
  try {
    return await get<Communities>(`${API}/graph/communities`, { members: true });
  } catch (e) {
    if (e instanceof ApiError && e.status === 404) return null;
    throw e;
  }
}

/** Null when no layout is stored yet. */
export async function getLayout(): Promise<Layout | null> {
  try {
    return await get<Layout>(`${API}/graph/layout`);
  } catch (e) {
    if (e instanceof ApiError && e.status === 404) return null;
    throw e;
  }
}

export const startCommunitiesJob = () => post<{ jobId: string }>(`${API}/graph/communities`, {});
export const startLayoutJob = () => post<{ jobId: string }>(`${API}/graph/layout`, {});

export const plan = (body: PlanRequest) => post<Plan>(`${API}/plan`, body);

export const getJob = (id: string) => get<JobProgressRecord>(`${API}/jobs/${encodeURIComponent(id)}`);

/** Uploads a file or pasted text as the raw request body; the import runs as a job. */
export const startImport = (body: Blob | string, filename: string, format?: string) =>
  request<ImportAccepted>(url(`${API}/imports`, { filename, format }), {
    method: 'POST',
    headers: { 'content-type': 'application/octet-stream' },
    body,
  });

/**
 * Follows one job's events over the WebSocket. Returns a function that closes the socket.
 * `onClose` fires if the socket drops, so the caller can fall back to polling.
 */
export function watchJob(jobId: string, onEvent: (e: ServerEvent) => void, onClose: () => void): () => void {
  const proto = window.location.protocol === 'https:' ? 'wss:' : 'ws:';
  const ws = new WebSocket(`${proto}//${window.location.host}${url(`${API}/events`, { job: jobId })}`);
  let closedByUs = false;
  ws.onmessage = (m) => {
    try {
      onEvent(JSON.parse(String(m.data)) as ServerEvent);
    } catch {
      // A message we cannot read is skipped; the job's state is also polled on close.
    }
  };
  ws.onclose = () => {
    if (!closedByUs) onClose();
  };
  return () => {
    closedByUs = true;
    ws.close();
  };
}

export const getSet = (id: number) => get<SetDetail>(`${API}/sets/${id}`);
export const getArtist = (id: number) => get<ArtistDetail>(`${API}/artists/${id}`);
