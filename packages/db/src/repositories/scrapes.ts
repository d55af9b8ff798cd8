// What the scrapers keep (packages/scrapers): the page cache with ETag/Last-Modified validators, scrape
// tasks (one open task per identical request, enforced by a partial unique index), the items a task has
// finished (so a resumed task skips them), daily request quotas per source, outcome counters per source,
// and the provenance and confidence of every scraped set.
import type { Queryable } from '../database.ts';

const bytes = (v: unknown): Uint8Array => {
  if (v instanceof Uint8Array) return v;
  throw new Error(`scrape_pages.body: expected bytea, got ${typeof v}`);
};
const iso = (v: unknown): string | null =>
  v === null || v === undefined ? null : new Date(v as string).toISOString();

// ---- page cache ----

export interface ScrapePage {
  url: string;
  status: number;
  etag: string | null;
  lastModified: string | null;
  contentType: string | null;
  body: Uint8Array;
  fetchedAt: Date;
  checkedAt: Date;
}

export async function getScrapePage(db: Queryable, url: string): Promise<ScrapePage | null> {
  const [r] = await db.query(
    `SELECT url, status, etag, last_modified, content_type, body, fetched_at, checked_at
       FROM scrape_pages WHERE url = $1`,
    [url],
  );
  if (!r) return null;
  return {
    url: r.url as string,
    status: r.status as number,
    etag: r.etag as string | null,
    lastModified: r.last_modified as string | null,
    contentType: r.content_type as string | null,
    body: bytes(r.body),
    fetchedAt: new Date(r.fetched_at as string),
    checkedAt: new Date(r.checked_at as string),
  };
}

export async function saveScrapePage(db: Queryable, p: ScrapePage): Promise<void> {
  await db.query(
    `INSERT INTO scrape_pages (url, status, etag, last_modified, content_type, body, fetched_at, checked_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
     ON CONFLICT (url) DO UPDATE SET status = EXCLUDED.status, etag = EXCLUDED.etag,
       last_modified = EXCLUDED.last_modified, content_type = EXCLUDED.content_type, body = EXCLUDED.body,
       fetched_at = EXCLUDED.fetched_at, checked_at = EXCLUDED.checked_at`,
    [p.url, p.status, p.etag, p.lastModified, p.contentType, p.body, p.fetchedAt, p.checkedAt],
  );
}

/** The source answered 304: the cached copy is still current. */
export async function touchScrapePage(db: Queryable, url: string, at: Date): Promise<void> {
  await db.query('UPDATE scrape_pages SET checked_at = $2 WHERE url = $1', [url, at]);
}

// ---- tasks ----

export type ScrapeTaskState = 'queued' | 'running' | 'waiting_quota' | 'completed' | 'failed' | 'cancelled';
export type ScrapePriority = 'high' | 'normal' | 'low';

export interface ScrapeTask {
  id: number;
  key: string;
  source: string;
  kind: string;
  spec: Record<string, unknown>;
  priority: ScrapePriority;
  state: ScrapeTaskState;
  jobId: string | null;
  progress: Record<string, unknown>;
  result: Record<string, unknown> | null;
  error: string | null;
  resumeAt: string | null;
  createdAt: string;
  updatedAt: string;
}

const TASK_COLUMNS =
  'id, key, source, kind, spec, priority, state, job_id, progress, result, error, resume_at, created_at, updated_at';

function toTask(r: Record<string, unknown>): ScrapeTask {
  return {
    id: r.id as number,
    key: r.key as string,
    source: r.source as string,
    kind: r.kind as string,
    spec: r.spec as Record<string, unknown>,
    priority: r.priority as ScrapePriority,
    state: r.state as ScrapeTaskState,
    jobId: r.job_id as string | null,
    progress: r.progress as Record<string, unknown>,
    result: r.result as Record<string, unknown> | null,
    error: r.error as string | null,
    resumeAt: iso(r.resume_at),
    createdAt: iso(r.created_at)!,
    updatedAt: iso(r.updated_at)!,
  };
}

/**
 * Creates a task, unless an identical one (same key) is still open: then that one is returned with
 * `duplicate: true`. The partial unique index makes this safe between processes.
 */
export async function createScrapeTask(
  db: Queryable,
  t: { key: string; source: string; kind: string; spec: Record<string, unknown>; priority: ScrapePriority },
): Promise<{ task: ScrapeTask; duplicate: boolean }> {
  for (let i = 0; i < 3; i++) {
    const [made] = await db.query(
      `INSERT INTO scrape_tasks (key, source, kind, spec, priority) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (key) WHERE state IN ('queued', 'running', 'waiting_quota') DO NOTHING
       RETURNING ${TASK_COLUMNS}`,
      [t.key, t.source, t.kind, JSON.stringify(t.spec), t.priority],
    );
    if (made) return { task: toTask(made), duplicate: false };
    const [open] = await db.query(
      `SELECT ${TASK_COLUMNS} FROM scrape_tasks
        WHERE key = $1 AND state IN ('queued', 'running', 'waiting_quota')`,
      [t.key],
    );
    // The open one may have finished between the two statements: then try the insert again.
    if (open) return { task: toTask(open), duplicate: true };
  }
  throw new Error(`scrape task ${t.key}: could not create or find it`);
}

export async function getScrapeTask(db: Queryable, id: number): Promise<ScrapeTask | null> {
  const [r] = await db.query(`SELECT ${TASK_COLUMNS} FROM scrape_tasks WHERE id = $1`, [id]);
  return r ? toTask(r) : null;
}

export async function listScrapeTasks(
  db: Queryable,
  q: { limit?: number; state?: ScrapeTaskState; source?: string } = {},
): Promise<ScrapeTask[]> {
  const rows = await db.query(
    `SELECT ${TASK_COLUMNS} FROM scrape_tasks
      WHERE ($1::text IS NULL OR state = $1) AND ($2::text IS NULL OR source = $2)
      ORDER BY created_at DESC, id DESC LIMIT $3`,
    [q.state ?? null, q.source ?? null, q.limit ?? 100],
  );
  return rows.map(toTask);
}

export interface ScrapeTaskUpdate {
  state?: ScrapeTaskState;
  jobId?: string;
  progress?: Record<string, unknown>;
  result?: Record<string, unknown> | null;
  error?: string | null;
  resumeAt?: Date | null;
}

/**
 * Updates a task. A cancelled task stays cancelled: updates to it change nothing and return null, so a
 * worker that finishes after a cancellation cannot bring it back.
 */
export async function updateScrapeTask(
  db: Queryable,
  id: number,
  u: ScrapeTaskUpdate,
): Promise<ScrapeTask | null> {
  const [r] = await db.query(
    `UPDATE scrape_tasks SET
       state = COALESCE($2, state),
       job_id = COALESCE($3, job_id),
       progress = COALESCE($4::jsonb, progress),
       result = CASE WHEN $5::boolean THEN $6::jsonb ELSE result END,
       error = CASE WHEN $7::boolean THEN $8 ELSE error END,
       resume_at = CASE WHEN $9::boolean THEN $10::timestamptz ELSE resume_at END,
       updated_at = now()
     WHERE id = $1 AND state <> 'cancelled'
     RETURNING ${TASK_COLUMNS}`,
    [
      id,
      u.state ?? null,
      u.jobId ?? null,
      u.progress ? JSON.stringify(u.progress) : null,
      'result' in u,
      u.result ? JSON.stringify(u.result) : null,
      'error' in u,
      u.error ?? null,
      'resumeAt' in u,
      u.resumeAt ?? null,
    ],
  );
  return r ? toTask(r) : null;
}

/** Cancels an open task; false when it had already finished (or does not exist). */
export async function cancelScrapeTask(db: Queryable, id: number): Promise<boolean> {
  const rows = await db.query(
    `UPDATE scrape_tasks SET state = 'cancelled', updated_at = now()
      WHERE id = $1 AND state IN ('queued', 'running', 'waiting_quota') RETURNING id`,
    [id],
  );
  return rows.length > 0;
}

/** Tasks stopped by a daily quota whose resume time has come. */
export async function dueScrapeTasks(db: Queryable, now: Date): Promise<ScrapeTask[]> {
  const rows = await db.query(
    `SELECT ${TASK_COLUMNS} FROM scrape_tasks
      WHERE state = 'waiting_quota' AND resume_at <= $1 ORDER BY resume_at`,
    [now],
  );
  return rows.map(toTask);
}

export async function markScrapeItemDone(
  db: Queryable,
  taskId: number,
  url: string,
  counts: { setsStored: number; setsUnchanged: number },
): Promise<void> {
  await db.query(
    `INSERT INTO scrape_task_items (task_id, url, sets_stored, sets_unchanged) VALUES ($1, $2, $3, $4)
     ON CONFLICT (task_id, url) DO UPDATE SET sets_stored = EXCLUDED.sets_stored,
       sets_unchanged = EXCLUDED.sets_unchanged, done_at = now()`,
    [taskId, url, counts.setsStored, counts.setsUnchanged],
  );
}

export async function doneScrapeItems(db: Queryable, taskId: number): Promise<Set<string>> {
  const rows = await db.query<{ url: string }>('SELECT url FROM scrape_task_items WHERE task_id = $1', [
    taskId,
  ]);
  return new Set(rows.map((r) => r.url));
}

// ---- quota ----

/**
 * Takes one request from a source's quota for a UTC day; false when the quota is spent. One statement,
 * so workers in several processes never overspend it.
 */
export async function takeScrapeQuota(
  db: Queryable,
  source: string,
  day: string,
  limit: number,
): Promise<boolean> {
  if (limit <= 0) return false;
  const rows = await db.query(
    `INSERT INTO scrape_quota (source, day, used) VALUES ($1, $2, 1)
     ON CONFLICT (source, day) DO UPDATE SET used = scrape_quota.used + 1 WHERE scrape_quota.used < $3
     RETURNING used`,
    [source, day, limit],
  );
  return rows.length > 0;
}

export async function scrapeQuotaUsed(db: Queryable, source: string, day: string): Promise<number> {
  const [r] = await db.query<{ used: number }>(
    'SELECT used FROM scrape_quota WHERE source = $1 AND day = $2',
    [source, day],
  );
  return r?.used ?? 0;
}

// ---- health ----

export interface ScrapeSourceHealth {
  source: string;
  successes: number;
  failures: number;
  lastError: string | null;
  lastErrorAt: string | null;
  lastSuccessAt: string | null;
}

export async function recordScrapeOutcome(
  db: Queryable,
  source: string,
  outcome: { ok: true } | { ok: false; error: string },
): Promise<void> {
  if (outcome.ok)
    await db.query(
      `INSERT INTO scrape_source_health (source, successes, last_success_at) VALUES ($1, 1, now())
       ON CONFLICT (source) DO UPDATE SET successes = scrape_source_health.successes + 1, last_success_at = now()`,
      [source],
    );
  else
    await db.query(
      `INSERT INTO scrape_source_health (source, failures, last_error, last_error_at) VALUES ($1, 1, $2, now())
       ON CONFLICT (source) DO UPDATE SET failures = scrape_source_health.failures + 1,
         last_error = EXCLUDED.last_error, last_error_at = now()`,
      [source, outcome.error],
    );
}

export async function scrapeSourceHealth(db: Queryable): Promise<ScrapeSourceHealth[]> {
  const rows = await db.query(
    'SELECT source, successes, failures, last_error, last_error_at, last_success_at FROM scrape_source_health ORDER BY source',
  );
  return rows.map((r) => ({
    source: r.source as string,
    successes: r.successes as number,
    failures: r.failures as number,
    lastError: r.last_error as string | null,
    lastErrorAt: iso(r.last_error_at),
    lastSuccessAt: iso(r.last_success_at),
  }));
}

// ---- provenance of scraped sets ----

export interface ScrapedSetRecord {
  source: string;
  externalId: string;
  url: string;
  /** 1 for structured pages and APIs; lower for tracklists read from free text. */
  confidence: number;
  taskId: number | null;
}

export async function recordScrapedSets(db: Queryable, sets: ScrapedSetRecord[]): Promise<void> {
  if (sets.length === 0) return;
  await db.query(
    `INSERT INTO scraped_sets (source, external_id, url, confidence, task_id)
     SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::real[], $5::int[])
     ON CONFLICT (source, external_id) DO UPDATE SET url = EXCLUDED.url, confidence = EXCLUDED.confidence,
       task_id = EXCLUDED.task_id, scraped_at = now()`,
    [
      sets.map((s) => s.source),
      sets.map((s) => s.externalId),
      sets.map((s) => s.url),
      sets.map((s) => s.confidence),
      sets.map((s) => s.taskId),
    ],
  );
}

/** Scraped sets with their stored set id, confidence and origin, newest first. */
export async function listScrapedSets(
  db: Queryable,
  q: { source?: string; limit?: number } = {},
): Promise<(ScrapedSetRecord & { setId: number | null; scrapedAt: string })[]> {
  const rows = await db.query(
    `SELECT x.source, x.external_id, x.url, x.confidence, x.task_id, x.scraped_at, s.id AS set_id
       FROM scraped_sets x
       LEFT JOIN sources src ON src.name = x.source
       LEFT JOIN sets s ON s.source_id = src.id AND s.external_id = x.external_id
      WHERE ($1::text IS NULL OR x.source = $1)
      ORDER BY x.scraped_at DESC LIMIT $2`,
    [q.source ?? null, q.limit ?? 100],
  );
  return rows.map((r) => ({
    source: r.source as string,
    externalId: r.external_id as string,
    url: r.url as string,
    confidence: r.confidence as number,
    taskId: r.task_id as number | null,
    setId: (r.set_id as number | null) ?? null,
    scrapedAt: iso(r.scraped_at)!,
  }));
}
