import type { Queryable } from '../database.ts';

export type JobState = 'queued' | 'active' | 'completed' | 'failed' | 'retrying' | 'cancelled';

export interface JobProgressRecord {
  jobId: string;
  queue: string;
  state: JobState;
  progress: Record<string, unknown>;
  updatedAt: string;
}

/**
 * Records a job's progress. A cancelled job stays cancelled: its worker's later reports are not
 * stored, and the `false` they get back is how a worker in any process learns it was cancelled.
 */
export async function saveJobProgress(
  db: Queryable,
  r: { jobId: string; queue: string; state: JobState; progress: Record<string, unknown> },
): Promise<boolean> {
  const rows = await db.query(
    `INSERT INTO job_progress (job_id, queue, state, progress, updated_at) VALUES ($1, $2, $3, $4, now())
     ON CONFLICT (job_id) DO UPDATE SET state = EXCLUDED.state, progress = EXCLUDED.progress, updated_at = now()
     WHERE job_progress.state <> 'cancelled'
     RETURNING job_id`,
    [r.jobId, r.queue, r.state, JSON.stringify(r.progress)],
  );
  return rows.length > 0;
}

/** Sets a job's state whatever it was (cancelling one, or queueing it again for a retry). */
export async function setJobState(db: Queryable, jobId: string, state: JobState): Promise<void> {
  await db.query('UPDATE job_progress SET state = $2, updated_at = now() WHERE job_id = $1', [jobId, state]);
}

/**
 * Jobs, most recently changed first; `offset` pages through them. With `viewer` (a user id, or null for
 * anyone else), a job whose progress names an `owner` (a user's private upload) is listed for that user
 * only; without it (the CLI), every job is.
 */
export async function listJobProgress(
  db: Queryable,
  f: { queue?: string; state?: JobState; offset: number; limit: number; viewer?: number | null },
): Promise<JobProgressRecord[]> {
  const rows = await db.query<{
    job_id: string;
    queue: string;
    state: JobState;
    progress: Record<string, unknown>;
    updated_at: Date | string;
  }>(
    `SELECT job_id, queue, state, progress, updated_at FROM job_progress
     WHERE ($1::text IS NULL OR queue = $1) AND ($2::text IS NULL OR state = $2)
       AND (NOT $5::boolean OR progress->>'owner' IS NULL OR progress->>'owner' = $6::int::text)
     ORDER BY updated_at DESC, job_id LIMIT $3 OFFSET $4`,
    [f.queue ?? null, f.state ?? null, f.limit, f.offset, f.viewer !== undefined, f.viewer ?? null],
  );
  return rows.map((r) => ({
    jobId: r.job_id,
    queue: r.queue,
    state: r.state,
    progress: r.progress,
    updatedAt: new Date(r.updated_at).toISOString(),
  }));
}

export async function getJobProgress(db: Queryable, jobId: string): Promise<JobProgressRecord | null> {
  const rows = await db.query<{
    job_id: string;
    queue: string;
    state: JobState;
    progress: Record<string, unknown>;
    updated_at: Date | string;
  }>('SELECT job_id, queue, state, progress, updated_at FROM job_progress WHERE job_id = $1', [jobId]);
  const r = rows[0];
  if (!r) return null;
  return {
    jobId: r.job_id,
    queue: r.queue,
    state: r.state,
    progress: r.progress,
    updatedAt: new Date(r.updated_at).toISOString(),
  };
}
