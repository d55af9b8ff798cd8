// Jobs from the API's side: start the graph's long computations and read any job's progress. The job
// definitions are handed in by the composition root (server/runtime), so this package does not
// depend on the server's wiring.
import type { JobState } from '@songnodes/db';
import type { JobDefinition, JobQueue } from '@songnodes/jobs';
import { notFound, ServiceError } from './errors.ts';

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

  list(f: { queue?: string; state?: JobState; offset: number; limit: number }) {
    return this.deps.jobs.list(f);
  }

  /** Cancels a queued or running job; a job that has ended already is a conflict, naming its state. */
  async cancel(jobId: string) {
    const r = await this.deps.jobs.cancel(jobId);
    if (!r) throw notFound(`no job ${jobId}`, 'id');
    if (!r.cancelled)
      throw new ServiceError('conflict', `job ${jobId} has ended already (${r.job.state})`, { field: 'id' });
    return r.job;
  }

  /** Runs a failed or cancelled job again; any other state is a conflict, naming it. */
  async retry(jobId: string) {
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

  async progress(jobId: string) {
    const p = await this.deps.jobs.progressOf(jobId);
    if (!p) throw notFound(`no job ${jobId}`, 'id');
    return p;
  }
}
