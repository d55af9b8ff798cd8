// Jobs from the API's side: start the graph's long computations and read any job's progress. The job
// definitions are handed in by the composition root (server/runtime), so this package does not
// depend on the server's wiring.
import type { JobProgressRecord, JobState } from '@songnodes/db';
import type { JobDefinition, JobQueue } from '@songnodes/jobs';
import type { Principal } from './auth/access.ts';
import { notFound, ServiceError } from './errors.ts';
import { viewerOf } from './visibility.ts';

/**
 * A job whose progress names an `owner` (a user's private upload: its counts and messages name their
 * file and sets) is that user's alone; to anyone else it does not exist.
 */
export function jobVisibleTo(job: JobProgressRecord, viewer: Principal): boolean {
  const owner = job.progress.owner;
  return typeof owner !== 'number' || owner === viewerOf(viewer);
}

export interface GraphJobDefinitions {
  layout: JobDefinition<{ iterations?: number; incremental?: boolean; seed?: number }>;
  communities: JobDefinition<{ seed?: number; resolution?: number }>;
}

export interface Accepted {
  jobId: string;
  queue: string;
  /** Where its progress can be read. */
  progress: string;
}

export class JobService {
  private readonly deps: { jobs: JobQueue; graphJobs: GraphJobDefinitions };

  constructor(deps: { jobs: JobQueue; graphJobs: GraphJobDefinitions }) {
    this.deps = deps;
  }

  private async start<P>(def: JobDefinition<P>, payload: P): Promise<Accepted> {
    const jobId = await this.deps.jobs.send(def, payload);
    return { jobId, queue: def.queue, progress: `/api/v1/jobs/${jobId}` };
  }

  computeLayout(p: { iterations?: number; incremental?: boolean; seed?: number }) {
    return this.start(this.deps.graphJobs.layout, p);
  }

  computeCommunities(p: { seed?: number; resolution?: number }) {
    return this.start(this.deps.graphJobs.communities, p);
  }

  list(f: { queue?: string; state?: JobState; offset: number; limit: number }, viewer: Principal) {
    return this.deps.jobs.list({ ...f, viewer: viewerOf(viewer) });
  }

  /** Cancels a queued or running job; a job that has ended already is a conflict, naming its state. */
  async cancel(jobId: string, viewer: Principal) {
    await this.progress(jobId, viewer);
    const r = await this.deps.jobs.cancel(jobId);
    if (!r) throw notFound(`no job ${jobId}`, 'id');
    if (!r.cancelled)
      throw new ServiceError('conflict', `job ${jobId} has ended already (${r.job.state})`, { field: 'id' });
    return r.job;
  }

  /** Runs a failed or cancelled job again; any other state is a conflict, naming it. */
  async retry(jobId: string, viewer: Principal) {
    await this.progress(jobId, viewer);
    const r = await this.deps.jobs.retry(jobId);
    if (!r) throw notFound(`no job ${jobId}`, 'id');
    if (!r.retried)
      throw new ServiceError(
        'conflict',
        `only a failed or cancelled job can be retried; job ${jobId} is ${r.job.state}`,
        {
          field: 'id',
        },
      );
    return r.job;
  }

  async progress(jobId: string, viewer: Principal) {
    const p = await this.deps.jobs.progressOf(jobId);
    if (!p || !jobVisibleTo(p, viewer)) throw notFound(`no job ${jobId}`, 'id');
    return p;
  }
}
