// The one module that talks to the server, through openapi-fetch typed by the OpenAPI document
// (schema.ts, generated from the server's route schemas). Views call these functions and never
// build URLs themselves.
//
// Who is asking: a signed-in browser holds a short-lived access token in memory only (never in
// storage a script could read later) and sends it as `Authorization: Bearer`; the refresh token is
// an httpOnly cookie the page cannot see, exchanged on POST /auth/refresh for a new access token on
// load and whenever a request answers 401. Every request carries `X-SongNodes-CSRF: 1`: the server
// requires it on writes that rely on the cookie or on local mode (a custom header forces a CORS
// preflight, which a foreign origin fails).
import createClient from 'openapi-fetch';
import type { Filters } from '../filters.ts';
import type {
  AdminUser,
  ApiKey,
  ApiKeyCreated,
  AuditAction,
  AuditPage,
  Me,
  Permission,
  Role,
  TokenAnswer,
  UserPage,
} from './auth-types.ts';
import type { paths } from './schema.ts';
import type {
  ArtistDetail,
  Communities,
  ImportAccepted,
  JobProgressRecord,
  Layout,
  Neighbourhood,
  NextTracks,
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
  TrackDetail,
} from './types.ts';

const API = '/api/v1';
const CSRF_HEADER = 'X-SongNodes-CSRF';

/** A failed request: `status` 0 means the server could not be reached at all. */
export class ApiError extends Error {
  readonly status: number;
  /** The parameter at fault, when the server names one (problem+json `field`). */
  readonly field?: string;
  constructor(status: number, message: string, field?: string) {
    super(message);
    this.status = status;
    this.field = field;
  }
  get unreachable() {
    return this.status === 0;
  }
  /** Signed in as someone the server will not let do this (403). */
  get forbidden() {
    return this.status === 403;
  }
  /** The server wants to know who is asking (401): not signed in, or the session ended. */
  get unauthenticated() {
    return this.status === 401;
  }
}

const UNREACHABLE = 'The SongNodes server cannot be reached. Is `songnodes start` running?';

/** The server's own words for a failure: problem+json `detail` (or `title`), else the status. */
function errorOf(status: number, body: unknown): ApiError {
  const b = (body ?? {}) as { detail?: string; title?: string; message?: string; field?: string };
  return new ApiError(status, b.detail ?? b.message ?? b.title ?? `HTTP ${status}`, b.field);
}

// --- The session: the access token in memory, refreshed from the cookie ---

let accessToken: string | null = null;
/** The one refresh in flight: concurrent 401s share it instead of each rotating the cookie. */
let refreshing: Promise<boolean> | null = null;
/** The refresh on load: requests wait for it, so the first ones already carry the token. */
let starting: Promise<unknown> | null = null;
const sessionListeners = new Set<() => void>();
/**
 * Set after a sign-in so a reload knows a refresh cookie may exist (the page cannot see httpOnly
 * cookies); without it the app does not ask, and a laptop in local mode never sends a refresh.
 * It says only "maybe signed in", never who: no token or secret is stored.
 */
const HINT = 'songnodes-signed-in';

function hint(on: boolean) {
  try {
    if (on) localStorage.setItem(HINT, '1');
    else localStorage.removeItem(HINT);
  } catch {
    // Storage may be disabled; the session then lasts as long as the page.
  }
}
function hinted(): boolean {
  try {
    return localStorage.getItem(HINT) === '1';
  } catch {
    return false;
  }
}

/** Called when the session changes without the user asking (a refresh refused: signed out elsewhere, expired). */
export function onSessionChange(listener: () => void): () => void {
  sessionListeners.add(listener);
  return () => sessionListeners.delete(listener);
}

let renewal: ReturnType<typeof setTimeout> | undefined;

/**
 * Keeps the answer's access token, and renews it a minute before it expires, so requests (and a
 * job's WebSocket, which opens with the token) rarely meet an expired one; a 401 still renews it.
 */
function setToken(answer: TokenAnswer | null) {
  accessToken = answer?.accessToken ?? null;
  hint(answer !== null);
  clearTimeout(renewal);
  if (answer) renewal = setTimeout(() => void refresh(), Math.max(answer.expiresIn - 60, 30) * 1000);
}

/**
 * Every use of the refresh cookie replaces it, and presenting a replaced one ends the sign-in
 * everywhere (reuse detection). Two tabs renewing at once would present the same cookie twice, so
 * renewals queue behind one lock shared by the app's tabs (Web Locks; absent outside secure
 * contexts, where each tab goes alone).
 */
function oneTabAtATime<T>(f: () => Promise<T>): Promise<T> {
  return typeof navigator !== 'undefined' && navigator.locks
    ? navigator.locks.request('songnodes-refresh', f)
    : f();
}

/** Exchanges the refresh cookie for a new access token; false when there is no session to renew. */
function refresh(): Promise<boolean> {
  refreshing ??= (async () => {
    try {
      const res = await oneTabAtATime(() =>
        fetch(`${API}/auth/refresh`, {
          method: 'POST',
          headers: { [CSRF_HEADER]: '1', 'content-type': 'application/json', accept: 'application/json' },
          body: '{}',
        }),
      );
      if (res.ok) {
        setToken((await res.json()) as TokenAnswer);
        return true;
      }
      // 401: no cookie, or it expired or was revoked. A 429 or 5xx leaves the session as it was.
      if (res.status === 401) {
        const had = accessToken !== null;
        setToken(null);
        if (had) for (const l of sessionListeners) l();
      }
      return false;
    } catch {
      return false;
    } finally {
      refreshing = null;
    }
  })();
  return refreshing;
}

/** On load: renew a session the cookie may hold. Every API request waits for this. */
export function resumeSession(): Promise<unknown> {
  starting ??= hinted() ? refresh() : Promise.resolve(false);
  return starting;
}

function withCredentials(request: Request): Request {
  request.headers.set(CSRF_HEADER, '1');
  if (accessToken) request.headers.set('authorization', `Bearer ${accessToken}`);
  return request;
}

/** The routes that make or end a session: never retried after a refresh, never waiting for one. */
const SESSION_ROUTES = new Set(['login', 'refresh', 'setup', 'logout'].map((r) => `${API}/auth/${r}`));

/**
 * Every request to the server goes through here: the CSRF header and the token on it; a 401 with a
 * session to renew is refreshed once and retried once.
 */
async function send(request: Request): Promise<Response> {
  const own = SESSION_ROUTES.has(new URL(request.url, window.location.href).pathname);
  if (!own && starting) await starting;
  const spare = own ? null : request.clone();
  const sentWith = accessToken;
  const res = await fetch(withCredentials(request));
  if (res.status !== 401 || spare === null || (sentWith === null && !hinted())) return res;
  // Another request may have renewed the token meanwhile; otherwise renew it now.
  if (accessToken === sentWith && !(await refresh())) return res;
  return fetch(withCredentials(spare));
}

const client = createClient<paths>({ baseUrl: '', fetch: send });

/** Unwraps an openapi-fetch answer: its data, or an ApiError saying what went wrong. */
async function call<T>(
  request: Promise<{ data?: unknown; error?: unknown; response: Response }>,
): Promise<T> {
  let r: Awaited<typeof request>;
  try {
    r = await request;
  } catch (e) {
    if (e instanceof DOMException && e.name === 'AbortError') throw e;
    throw new ApiError(0, UNREACHABLE);
  }
  if (r.error !== undefined || !r.response.ok) throw errorOf(r.response.status, r.error);
  return r.data as T;
}

// --- Accounts ---

export type {
  AdminUser,
  ApiKey,
  ApiKeyCreated,
  AuditEntry,
  AuditPage,
  Me,
  Permission,
  Role,
  User,
} from './auth-types.ts';

/** Who the server takes this browser for, and whether it runs in local or required mode. */
export const getMe = () => call<Me>(client.GET('/api/v1/auth/me'));

export async function login(email: string, password: string): Promise<void> {
  const t = await call<TokenAnswer>(
    client.POST('/api/v1/auth/login', { params: { query: { cookie: true } }, body: { email, password } }),
  );
  setToken(t);
}

/** The one-time setup: the first admin account, from localhost only; signs in like login. */
export async function setup(email: string, password: string): Promise<void> {
  const t = await call<TokenAnswer>(client.POST('/api/v1/auth/setup', { body: { email, password } }));
  setToken(t);
}

/** Revokes the refresh token on the server and forgets the access token here, whatever the server says. */
export async function logout(): Promise<void> {
  try {
    await call<void>(client.POST('/api/v1/auth/logout', { body: {} }));
  } finally {
    setToken(null);
  }
}

export const changePassword = (current: string, next: string) =>
  call<void>(client.POST('/api/v1/account/password', { body: { current, next } }));

export const listApiKeys = () => call<{ items: ApiKey[] }>(client.GET('/api/v1/account/api-keys'));

export const createApiKey = (name: string, permissions: Permission[], expiresAt: string | null) =>
  call<ApiKeyCreated>(
    client.POST('/api/v1/account/api-keys', {
      body: { name, permissions, ...(expiresAt ? { expiresAt } : {}) },
    }),
  );

export const revokeApiKey = (id: number) =>
  call<void>(client.DELETE('/api/v1/account/api-keys/{id}', { params: { path: { id } } }));

export const listUsers = () =>
  call<UserPage>(client.GET('/api/v1/admin/users', { params: { query: { limit: 200 } } }));

export const createUser = (email: string, password: string, role: Role) =>
  call<AdminUser>(client.POST('/api/v1/admin/users', { body: { email, password, role } }));

export const updateUser = (id: number, change: { role?: Role; disabled?: boolean }) =>
  call<AdminUser>(client.PATCH('/api/v1/admin/users/{id}', { params: { path: { id } }, body: change }));

export const getAudit = (o: { before?: number; limit?: number; action?: AuditAction }) =>
  call<AuditPage>(
    client.GET('/api/v1/admin/audit', {
      params: {
        query: {
          limit: o.limit ?? 50,
          ...(o.before !== undefined ? { before: o.before } : {}),
          ...(o.action ? { action: o.action } : {}),
        },
      },
    }),
  );

/** The filters as the API's query parameters (lists comma-separated; empty ones left out). */
function filterQuery(f?: Filters) {
  if (!f) return {};
  const list = (xs: string[]) => (xs.length > 0 ? xs.join(',') : undefined);
  return {
    bpmMin: f.bpmMin,
    bpmMax: f.bpmMax,
    keys: list(f.keys),
    genres: list(f.genres),
    yearFrom: f.yearFrom,
    yearTo: f.yearTo,
    minCount: f.minCount,
    minDjs: f.minDjs,
    sources: list(f.sources),
  };
}

export const getStats = () => call<Stats>(client.GET('/api/v1/stats'));

/** /health/ready is outside the API document; it answers 503 with the failing check named. */
export async function getReadiness(): Promise<Readiness> {
  let res: Response;
  try {
    res = await send(new Request('/health/ready', { headers: { accept: 'application/json' } }));
  } catch {
    throw new ApiError(0, UNREACHABLE);
  }
  if (!res.ok && res.status !== 503) throw errorOf(res.status, await res.json().catch(() => null));
  return (await res.json()) as Readiness;
}

export const search = (q: string, signal?: AbortSignal) =>
  call<SearchResults>(client.GET('/api/v1/search', { params: { query: { q, limit: 8 } }, signal }));

export interface NeighbourOptions {
  direction?: 'in' | 'out' | 'both';
  hops?: number;
  limit?: number;
  maxNodes?: number;
}

export const getNeighbours = (id: number, o: NeighbourOptions = {}, filters?: Filters) =>
  call<Neighbourhood>(
    client.GET('/api/v1/tracks/{id}/neighbours', {
      params: {
        path: { id: String(id) },
        query: {
          direction: o.direction ?? 'both',
          hops: o.hops ?? 1,
          limit: o.limit ?? 25,
          maxNodes: o.maxNodes ?? 500,
          ...filterQuery(filters),
        },
      },
    }),
  );

export function getPlayed(
  direction: 'after' | 'before',
  id: number,
  limit = 50,
  evidence = 10,
  filters?: Filters,
) {
  const params = { path: { id: String(id) }, query: { limit, evidence, ...filterQuery(filters) } };
  return call<Played>(
    direction === 'after'
      ? client.GET('/api/v1/tracks/{id}/played-after', { params })
      : client.GET('/api/v1/tracks/{id}/played-before', { params }),
  );
}

export const getTrack = (id: number) =>
  call<TrackDetail>(client.GET('/api/v1/tracks/{id}', { params: { path: { id } } }));

export const getSet = (id: number) =>
  call<SetDetail>(client.GET('/api/v1/sets/{id}', { params: { path: { id } } }));

export const getArtist = (id: number) =>
  call<ArtistDetail>(client.GET('/api/v1/artists/{id}', { params: { path: { id } } }));

/** The evidence of one transition (how often, in how many sets, by how many DJs); null when nobody played it. */
export async function getTransition(from: number, to: number) {
  try {
    const t = await call<{ count: number; sets: number; djs: number }>(
      client.GET('/api/v1/transitions', { params: { query: { from, to, sets: 0 } } }),
    );
    return { count: t.count, sets: t.sets, djs: t.djs };
  } catch (e) {
    if (e instanceof ApiError && e.status === 404) return null;
    throw e;
  }
}

export const getSubgraph = (filters: Filters, nodes: number, edges: number) =>
  call<Subgraph>(
    client.GET('/api/v1/graph/subgraph', { params: { query: { nodes, edges, ...filterQuery(filters) } } }),
  );

export const getRankings = (kind: RankingKind, limit: number, filters?: Filters) =>
  call<Rankings>(
    client.GET('/api/v1/graph/rankings/{kind}', {
      params: { path: { kind }, query: { limit, ...filterQuery(filters) } },
    }),
  );

/** Null when none are stored yet (404, or 503 "not ready" from the newer API). */
export async function getCommunities(): Promise<Communities | null> {
  try {
    return await call<Communities>(
      client.GET('/api/v1/graph/communities', { params: { query: { members: true } } }),
    );
  } catch (e) {
    if (e instanceof ApiError && (e.status === 404 || e.status === 503)) return null;
    throw e;
  }
}

/** Null when no layout is stored yet. */
export async function getLayout(): Promise<Layout | null> {
  try {
    return await call<Layout>(client.GET('/api/v1/graph/layout'));
  } catch (e) {
    if (e instanceof ApiError && (e.status === 404 || e.status === 503)) return null;
    throw e;
  }
}

export const startCommunitiesJob = () =>
  call<{ jobId: string }>(client.POST('/api/v1/graph/communities', { body: {} }));

export const startLayoutJob = () =>
  call<{ jobId: string }>(client.POST('/api/v1/graph/layout', { body: {} }));

export const plan = (body: PlanRequest) => call<Plan>(client.POST('/api/v1/plan', { body }));

export const getJob = (id: string) =>
  call<JobProgressRecord>(client.GET('/api/v1/jobs/{id}', { params: { path: { id } } }));

/**
 * Uploads a file or pasted text as the raw request body; the import runs as a job. Plain fetch:
 * the document cannot describe a body of any content type, so openapi-fetch has no type for it.
 */
export async function startImport(body: File | string, filename: string): Promise<ImportAccepted> {
  // Pasted text says so; a file goes with the type the browser gave it (the server reads the
  // bytes either way and detects the format from the content).
  const type =
    typeof body === 'string' ? 'text/plain; charset=utf-8' : body.type || 'application/octet-stream';
  let res: Response;
  try {
    res = await send(
      new Request(`${API}/imports?${new URLSearchParams({ filename })}`, {
        method: 'POST',
        headers: { 'content-type': type, accept: 'application/json' },
        body,
      }),
    );
  } catch {
    throw new ApiError(0, UNREACHABLE);
  }
  const json = await res.json().catch(() => null);
  if (!res.ok) throw errorOf(res.status, json);
  return json as ImportAccepted;
}

/**
 * Follows one job's events over the WebSocket. Returns a function that closes the socket.
 * `onClose` fires if the socket drops, so the caller can fall back to polling.
 */
export function watchJob(jobId: string, onEvent: (e: ServerEvent) => void, onClose: () => void): () => void {
  const proto = window.location.protocol === 'https:' ? 'wss:' : 'ws:';
  // A browser's WebSocket cannot send headers: the token rides as an `access_token.<token>`
  // subprotocol (not in the URL, which logs keep), beside one the server picks as its answer.
  const ws = new WebSocket(
    `${proto}//${window.location.host}${API}/events?${new URLSearchParams({ job: jobId })}`,
    accessToken ? ['songnodes', `access_token.${accessToken}`] : undefined,
  );
  let closedByUs = false;
  ws.onmessage = (m) => {
    try {
      onEvent(JSON.parse(String(m.data)) as ServerEvent);
    } catch {
      // A message we cannot read is skipped; the job's state is also polled.
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

export type ExportRequest = NonNullable<
  paths['/api/v1/exports']['post']['requestBody']
>['content']['application/json'];
export type ExportStatus =
  paths['/api/v1/exports/{jobId}']['get']['responses'][200]['content']['application/json'];

/** Starts an export job; the file is ready when `getExport` says `completed`. */
export const startExport = (body: ExportRequest) =>
  call<{ jobId: string; download: string; self: string }>(client.POST('/api/v1/exports', { body }));

export const getExport = (jobId: string) =>
  call<ExportStatus>(client.GET('/api/v1/exports/{jobId}', { params: { path: { jobId } } }));

/**
 * Fetches a finished export with this session's credentials (a plain link would go without the
 * access token) and returns the file and the name the server gave it.
 */
export async function fetchExportFile(url: string): Promise<{ blob: Blob; filename: string | null }> {
  let res: Response;
  try {
    res = await send(new Request(url));
  } catch {
    throw new ApiError(0, UNREACHABLE);
  }
  if (!res.ok) throw errorOf(res.status, await res.json().catch(() => null));
  const disposition = res.headers.get('content-disposition') ?? '';
  const name =
    /filename\*=UTF-8''([^;]+)/i.exec(disposition)?.[1] ?? /filename="?([^";]+)"?/i.exec(disposition)?.[1];
  return { blob: await res.blob(), filename: name ? decodeURIComponent(name) : null };
}

/** The filters in the shape the export request takes (lists as arrays). */
export function exportFilters(f: Filters): NonNullable<ExportRequest['filters']> {
  return {
    ...(f.bpmMin !== undefined ? { bpmMin: f.bpmMin } : {}),
    ...(f.bpmMax !== undefined ? { bpmMax: f.bpmMax } : {}),
    ...(f.keys.length > 0 ? { keys: f.keys } : {}),
    ...(f.genres.length > 0 ? { genres: f.genres } : {}),
    ...(f.yearFrom !== undefined ? { yearFrom: f.yearFrom } : {}),
    ...(f.yearTo !== undefined ? { yearTo: f.yearTo } : {}),
    ...(f.minCount !== undefined ? { minCount: f.minCount } : {}),
    ...(f.minDjs !== undefined ? { minDjs: f.minDjs } : {}),
  };
}

type JobList = paths['/api/v1/jobs']['get']['responses'][200]['content']['application/json'];
export type JobState = JobList['items'][number]['state'];

export const listJobs = (state?: JobState, limit = 50) =>
  call<JobList>(client.GET('/api/v1/jobs', { params: { query: { limit, ...(state ? { state } : {}) } } }));

export const cancelJob = (id: string) =>
  call<unknown>(client.POST('/api/v1/jobs/{id}/cancel', { params: { path: { id } } }));

export const retryJob = (id: string) =>
  call<unknown>(client.POST('/api/v1/jobs/{id}/retry', { params: { path: { id } } }));

type SourceHealth = paths['/api/v1/sources']['get']['responses'][200]['content']['application/json'];
type ScrapeList = paths['/api/v1/scrapes']['get']['responses'][200]['content']['application/json'];
type ScrapeAccepted = paths['/api/v1/scrapes']['post']['responses'][202]['content']['application/json'];
type ScheduleList =
  paths['/api/v1/scrapes/schedules']['get']['responses'][200]['content']['application/json'];
export type ScrapeTask = ScrapeList['items'][number];
export type ScrapePriority = 'high' | 'normal' | 'low';

export const getSources = () => call<SourceHealth>(client.GET('/api/v1/sources'));

export const listScrapes = (limit = 30) =>
  call<ScrapeList>(client.GET('/api/v1/scrapes', { params: { query: { limit } } }));

/** A URL on a configured source's host, or `source:query`; a refusal throws with the server's `detail`. */
export const submitScrape = (input: string, priority: ScrapePriority = 'normal') =>
  call<ScrapeAccepted>(client.POST('/api/v1/scrapes', { body: { input, priority } }));

export const cancelScrape = (id: number) =>
  call<ScrapeTask>(client.POST('/api/v1/scrapes/{id}/cancel', { params: { path: { id } } }));

export const listScrapeSchedules = () => call<ScheduleList>(client.GET('/api/v1/scrapes/schedules'));

type TargetList = paths['/api/v1/scrapes/targets']['get']['responses'][200]['content']['application/json'];
type TargetAdded = paths['/api/v1/scrapes/targets']['post']['responses'][201]['content']['application/json'];
type TargetSearches =
  paths['/api/v1/scrapes/targets/search']['post']['responses'][202]['content']['application/json'];
export type ScrapeTarget = TargetList['items'][number];

/** The signed-in user's target tracks (the local owner's in local mode). */
export const listScrapeTargets = () => call<TargetList>(client.GET('/api/v1/scrapes/targets'));

export const addScrapeTarget = (body: { trackId?: number; artist?: string; title?: string }) =>
  call<TargetAdded>(client.POST('/api/v1/scrapes/targets', { body }));

export const removeScrapeTarget = (id: number) =>
  call<unknown>(client.DELETE('/api/v1/scrapes/targets/{id}', { params: { path: { id } } }));

/** Searches the sources now for sets holding the targets (all of them without `ids`). */
export const searchScrapeTargets = (ids?: number[]) =>
  call<TargetSearches>(client.POST('/api/v1/scrapes/targets/search', { body: ids ? { ids } : {} }));

type Analytics<
  P extends
    | '/api/v1/analytics/activity'
    | '/api/v1/analytics/genres'
    | '/api/v1/analytics/top-djs'
    | '/api/v1/analytics/top-tracks'
    | '/api/v1/analytics/top-transitions',
> = paths[P]['get']['responses'][200]['content']['application/json'];

/** Everything the analytics view charts, under the same filters as the graph. */
export async function getAnalytics(filters: Filters) {
  const query = (limit: number) => ({ params: { query: { limit, ...filterQuery(filters) } } });
  const [activity, genres, djs, tracks, transitions] = await Promise.all([
    call<Analytics<'/api/v1/analytics/activity'>>(client.GET('/api/v1/analytics/activity', query(240))),
    call<Analytics<'/api/v1/analytics/genres'>>(client.GET('/api/v1/analytics/genres', query(15))),
    call<Analytics<'/api/v1/analytics/top-djs'>>(client.GET('/api/v1/analytics/top-djs', query(15))),
    call<Analytics<'/api/v1/analytics/top-tracks'>>(client.GET('/api/v1/analytics/top-tracks', query(15))),
    call<Analytics<'/api/v1/analytics/top-transitions'>>(
      client.GET('/api/v1/analytics/top-transitions', query(15)),
    ),
  ]);
  return {
    activity: activity.items,
    genres: genres.items,
    djs: djs.items,
    tracks: tracks.items,
    transitions: transitions.items,
  };
}

type PlanList = paths['/api/v1/plans']['get']['responses'][200]['content']['application/json'];
export type SavedPlan = PlanList['items'][number];

export const listPlans = () =>
  call<PlanList>(client.GET('/api/v1/plans', { params: { query: { limit: 20 } } }));

export const savePlan = (name: string, tracks: number[], constraints: Record<string, unknown>) =>
  call<SavedPlan>(client.POST('/api/v1/plans', { body: { name, tracks, constraints } }));

type Candidates = paths['/api/v1/dedupe/candidates']['get']['responses'][200]['content']['application/json'];
export type DedupeCandidate = Candidates[number];

export const getDedupeCandidates = (limit = 20) =>
  call<Candidates>(client.GET('/api/v1/dedupe/candidates', { params: { query: { limit, offset: 0 } } }));

export const mergeTracks = (keptId: number, mergedId: number) =>
  call<unknown>(client.POST('/api/v1/dedupe/merge', { body: { keptId, mergedId } }));

export const rejectCandidate = (trackId: number, candidateId: number) =>
  call<unknown>(client.POST('/api/v1/dedupe/reject', { body: { trackId, candidateId } }));

type Merges = paths['/api/v1/dedupe/merges']['get']['responses'][200]['content']['application/json'];
export type TrackMerge = Merges[number];

/** Merges done, automatic and manual, newest first (undone ones too, with when). */
export const getMerges = (limit = 20) =>
  call<Merges>(client.GET('/api/v1/dedupe/merges', { params: { query: { limit, offset: 0 } } }));

type Split = paths['/api/v1/dedupe/split']['post']['responses'][200]['content']['application/json'];

/** Undoes a merge: the merged track comes back with its entries and transitions. */
export const splitMerge = (mergeId: number) =>
  call<Split>(client.POST('/api/v1/dedupe/split', { body: { mergeId } }));

/** What could follow a track under the planner's rules (for swapping a step of a planned set). */
export const getNext = (
  id: number,
  o: { harmonic?: PlanRequest['harmonic']; maxBpmChange?: number; trust?: number; limit?: number },
) =>
  call<NextTracks>(
    client.GET('/api/v1/tracks/{id}/next', {
      params: {
        path: { id: String(id) },
        query: {
          limit: o.limit ?? 6,
          ...(o.harmonic ? { harmonic: o.harmonic } : {}),
          ...(o.maxBpmChange !== undefined ? { maxBpmChange: o.maxBpmChange } : {}),
          ...(o.trust !== undefined ? { trust: o.trust } : {}),
        },
      },
    }),
  );
