import type { Queryable } from '../database.ts';

export type JobState = 'queued' | 'active' | 'completed' | 'failed' | 'retrying';

export interface JobProgressRecord {
  jobId: string;
  queue: string;
  state: JobState;
  progress: Record<string, unknown>;
  updatedAt: string;
}

export async function saveJobProgress(
  db: Queryable,
  r: { jobId: string; queue: string; state: JobState; progress: Record<string, unknown> },
): Promise<void> {
  await db.query(
    `INSERT INTO job_progress (job_id, queue, state, progress, updated_at) VALUES ($1, $2, $3, $4, now())
     ON CONFLICT (job_id) DO UPDATE SET state = EXCLUDED.state, progress = EXCLUDED.progress, updated_at = now()`,
    [r.jobId, r.queue, r.state, JSON.stringify(r.progress)],
  );
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
