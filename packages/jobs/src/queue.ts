import { EventEmitter } from 'node:events';
import type { Database, PgliteDatabase, PostgresDatabase } from '@songnodes/db';
import {
  getJobProgress,
  type JobProgressRecord,
  type JobState,
  listJobProgress,
  saveJobProgress,
  setJobState,
} from '@songnodes/db';
import { fromPglite, type JobResult, type JobWithMetadata, PgBoss } from 'pg-boss';
import {
  DEFAULT_HEARTBEAT_SECONDS,
  DEFAULT_RETRY,
  deadLetterQueue,
  type JobContext,
  type JobDefinition,
  type JobProgress,
} from './definition.ts';
import { classifyFailure, type FailureKind, failureMessage, JobInputError } from './failure.ts';
import { guardProcess, runInJobScope } from './guard.ts';

export interface JobFinished {
  queue: string;
  jobId: string;
  outcome: 'completed' | 'failed';
  seconds: number;
  error?: string;
  /** How a failure was settled: `input` went to the dead-letter queue at once, the others are retried. */
  failure?: FailureKind;
}

/**
 * How often every worker looks for jobs whose heartbeat stopped (their process died) and hands them
 * back to the queue. With 20 s heartbeats a job of a killed process is taken up again within
 * 20 + 10 s (+ the retry delay, 5–10 s) of any worker running.
 */
const SUPERVISE_INTERVAL_SECONDS = 10;

export interface JobQueueEvents {
  progress: [JobProgressRecord];
  finished: [JobFinished];
  error: [Error];
}

export interface WorkOptions {
  /** Jobs of this queue run at once in this process. */
  concurrency?: number;
  pollingIntervalSeconds?: number;
}

/**
 * The durable job queue: pg-boss on the same database as the data, embedded or server.
 * Emits `progress` and `finished` events so the server can publish them (WebSocket, metrics).
 */
export class JobQueue extends EventEmitter<JobQueueEvents> {
  private readonly boss: PgBoss;
  private readonly db: Database;
  private readonly created = new Set<string>();
  /** The abort controllers of the jobs running in this process: stop() aborts them first. */
  private readonly inFlight = new Set<AbortController>();
  /** Jobs running in this process by id, so a cancel can stop one at once. */
  private readonly running_ = new Map<string, AbortController>();
  private running = false;

  private constructor(db: Database, boss: PgBoss) {
    super();
    this.db = db;
    this.boss = boss;
    // pg-boss reports connection trouble as events; an unhandled 'error' would end the process.
    boss.on('error', (e: Error) => this.emit('error', e));
  }

  /**
   * Keeps this process alive through errors that escape every handler: one inside a job fails that
   * job (see guard.ts); one outside any job is reported as an `error` event. Call once per process.
   */
  guardProcess(): () => void {
    return guardProcess((e, job) => {
      const message = failureMessage(e);
      // A new error: the original is also the failed job's message, which must stay as it was.
      this.emit(
        'error',
        new Error(job ? `job ${job.jobId} (${job.queue}): ${message}` : message, { cause: e }),
      );
    });
  }

  static async start(db: Database, opts: { schedule?: boolean } = {}): Promise<JobQueue> {
    const common = {
      schedule: opts.schedule ?? true,
      application_name: 'songnodes-jobs',
      superviseIntervalSeconds: SUPERVISE_INTERVAL_SECONDS,
      // A queue is looked at (expiry, stale heartbeats) at most this often; pg-boss's 60 s default
      // would hold a dead process's job for a minute more.
      monitorIntervalSeconds: SUPERVISE_INTERVAL_SECONDS,
    };
    const boss =
      db.kind === 'pglite'
        ? new PgBoss({ ...common, backend: 'pglite', db: fromPglite((db as PgliteDatabase).pglite) })
        : new PgBoss({ ...common, connectionString: (db as PostgresDatabase).connectionString, max: 4 });
    const queue = new JobQueue(db, boss);
    await boss.start();
    queue.running = true;
    return queue;
  }

  get isRunning(): boolean {
    return this.running;
  }

  private async ensureQueue(def: JobDefinition<unknown>): Promise<void> {
    if (this.created.has(def.queue)) return;
    const retry = { ...DEFAULT_RETRY, ...def.retry };
    const dead = deadLetterQueue(def.queue);
    const options = {
      retryLimit: retry.limit,
      retryDelay: retry.delaySeconds,
      retryBackoff: retry.backoff,
      // Back-off is capped: a database that is down for a while is tried again every 5 minutes at most.
      ...(retry.backoff ? { retryDelayMax: 300 } : {}),
      expireInSeconds: def.expireInSeconds ?? 3600,
      heartbeatSeconds: def.heartbeatSeconds ?? DEFAULT_HEARTBEAT_SECONDS,
    };
    await this.boss.createQueue(dead);
    if (await this.boss.getQueue(def.queue)) {
      // A queue made by an older version keeps its old options otherwise (no heartbeat, say).
      await this.boss.updateQueue(def.queue, { ...options, deadLetter: dead });
    } else {
      await this.boss.createQueue(def.queue, { ...options, deadLetter: dead });
    }
    this.created.add(def.queue);
  }

  /** Enqueues a job; returns its id. The payload is checked before it is stored. */
  async send<P>(def: JobDefinition<P>, payload: P, opts: { priority?: number; singletonKey?: string } = {}) {
    await this.ensureQueue(def as JobDefinition<unknown>);
    const data = def.parse(payload) as object;
    const id = await this.boss.send(def.queue, data, opts);
    if (!id) throw new Error(`job queue ${def.queue} refused the job (a singleton of it is already queued)`);
    await saveJobProgress(this.db, { jobId: id, queue: def.queue, state: 'queued', progress: { done: 0 } });
    return id;
  }

  /**
   * Runs `def`'s handler for jobs of its queue in this process. Every way a job can go wrong ends in
   * a settled job, never in a dead process: a throw or rejection of the handler, an error escaping it
   * (guard.ts), a payload that does not parse. Input failures go to the dead-letter queue at once;
   * the others are retried with back-off (failure.ts).
   */
  async work<P>(def: JobDefinition<P>, opts: WorkOptions = {}): Promise<void> {
    await this.ensureQueue(def as JobDefinition<unknown>);
    await this.boss.work<object>(
      def.queue,
      {
        localConcurrency: opts.concurrency ?? 1,
        pollingIntervalSeconds: opts.pollingIntervalSeconds ?? 1,
        includeMetadata: true,
        perJobResults: true,
      },
      async (batch): Promise<JobResult[]> => {
        const out: JobResult[] = [];
        for (const job of batch) out.push(await this.runOne(def, job as JobWithMetadata<object>));
        return out;
      },
    );
  }

  private async runOne<P>(def: JobDefinition<P>, job: JobWithMetadata<object>): Promise<JobResult> {
    const started = performance.now();
    const progress = async (
      p: JobProgress,
      state: 'active' | 'completed' | 'failed' | 'retrying' = 'active',
    ) => {
      const record = { jobId: job.id, queue: def.queue, state, progress: { ...p } };
      // Not stored means cancelled (from any process): stop at this check.
      if (!(await saveJobProgress(this.db, record))) {
        own.abort(Object.assign(new Error('the job was cancelled'), { name: 'JobCancelledError' }));
        return;
      }
      this.emit('progress', { ...record, updatedAt: new Date().toISOString() });
    };
    // Aborted when pg-boss stops or expires the job, and when the guard fails it: the handler stops
    // at its next check instead of going on with work nobody will keep.
    const own = new AbortController();
    this.inFlight.add(own);
    this.running_.set(job.id, own);
    let escaped: (e: unknown) => void = () => {};
    const failedByGuard = new Promise<never>((_, reject) => {
      escaped = (e) => {
        own.abort(e);
        reject(e);
      };
    });
    failedByGuard.catch(() => {});
    const previous =
      job.retryCount > 0
        ? (((await getJobProgress(this.db, job.id))?.progress as JobProgress) ?? null)
        : null;
    const ctx: JobContext = {
      jobId: job.id,
      signal: AbortSignal.any([job.signal, own.signal]),
      progress: (p) => progress(p),
      finalAttempt: job.retryCount >= job.retryLimit,
      previous,
    };
    try {
      const result = await runInJobScope({ jobId: job.id, queue: def.queue, fail: escaped }, async () => {
        let payload: P;
        try {
          payload = def.parse(job.data);
        } catch (e) {
          throw new JobInputError(`the job's payload is not valid: ${failureMessage(e)}`, { cause: e });
        }
        return Promise.race([def.handler(payload, ctx), failedByGuard]);
      });
      const last = (await getJobProgress(this.db, job.id))?.progress ?? { done: 0 };
      await progress({ ...(last as JobProgress), result }, 'completed');
      this.emit('finished', {
        queue: def.queue,
        jobId: job.id,
        outcome: 'completed',
        seconds: (performance.now() - started) / 1000,
      });
      return { id: job.id, status: 'completed', output: result as object };
    } catch (e) {
      const message = failureMessage(e);
      const kind = classifyFailure(e);
      const willRetry = kind !== 'input' && job.retryCount < job.retryLimit;
      const last = (await getJobProgress(this.db, job.id).catch(() => null))?.progress ?? { done: 0 };
      await progress(
        { ...(last as JobProgress), message, failure: kind },
        willRetry ? 'retrying' : 'failed',
      ).catch(() => {});
      this.emit('finished', {
        queue: def.queue,
        jobId: job.id,
        outcome: 'failed',
        seconds: (performance.now() - started) / 1000,
        error: message,
        failure: kind,
      });
      return { id: job.id, status: kind === 'input' ? 'deadletter' : 'failed', output: { message } };
    } finally {
      this.inFlight.delete(own);
      this.running_.delete(job.id);
      own.abort(new Error('job settled'));
    }
  }

  /**
   * Runs `def` on a cron schedule (UTC), with the given payload. A queue holds one schedule per `key`
   * (default ''): scheduling the same key again replaces it.
   */
  async schedule<P>(
    def: JobDefinition<P>,
    cron: string,
    payload: P,
    opts: { key?: string } = {},
  ): Promise<void> {
    await this.ensureQueue(def as JobDefinition<unknown>);
    await this.boss.schedule(
      def.queue,
      cron,
      def.parse(payload) as object,
      opts.key ? { key: opts.key } : {},
    );
  }

  /** Removes the schedule of `def`'s queue with that key. */
  async unschedule<P>(def: JobDefinition<P>, key = ''): Promise<void> {
    await this.boss.unschedule(def.queue, key || undefined);
  }

  /** The cron schedules of `def`'s queue. */
  async schedules<P>(def: JobDefinition<P>): Promise<{ cron: string; data: unknown; key: string }[]> {
    return (await this.boss.getSchedules(def.queue)).map((s) => ({ cron: s.cron, data: s.data, key: s.key }));
  }

  progressOf(jobId: string): Promise<JobProgressRecord | null> {
    return getJobProgress(this.db, jobId);
  }

  /** Jobs that failed every attempt, parked in the dead-letter queue of `def` (their payload kept). */
  async deadLetters<P>(
    def: JobDefinition<P>,
  ): Promise<{ id: string; sourceId: string | null; data: unknown }[]> {
    await this.ensureQueue(def as JobDefinition<unknown>);
    const dead = await this.boss.findJobs<object>(deadLetterQueue(def.queue));
    return dead.map((j) => ({ id: j.id, sourceId: j.sourceId, data: j.data }));
  }

  /** Jobs, most recently changed first (every queue, or one; every state, or one). */
  list(f: {
    queue?: string;
    state?: JobState;
    offset: number;
    limit: number;
    /** A user id, or null: jobs owned by another user (their private uploads) are left out (db's listJobProgress). */
    viewer?: number | null;
  }): Promise<JobProgressRecord[]> {
    return listJobProgress(this.db, f);
  }

  /**
   * Cancels a queued or running job. A running one stops at its next progress report, in whichever
   * process runs it (at once in this one). Null when there is no such job; the record as it was when it
   * had already ended (completed, failed, cancelled).
   */
  async cancel(jobId: string): Promise<{ cancelled: boolean; job: JobProgressRecord } | null> {
    const job = await getJobProgress(this.db, jobId);
    if (!job) return null;
    if (job.state === 'completed' || job.state === 'failed' || job.state === 'cancelled')
      return { cancelled: false, job };
    await this.boss.cancel(job.queue, jobId);
    await setJobState(this.db, jobId, 'cancelled');
    this.running_
      .get(jobId)
      ?.abort(Object.assign(new Error('the job was cancelled'), { name: 'JobCancelledError' }));
    const now = (await getJobProgress(this.db, jobId))!;
    this.emit('progress', now);
    return { cancelled: true, job: now };
  }

  /** Runs a failed or cancelled job again. Null when there is no such job; `retried: false` when it had not ended so. */
  async retry(jobId: string): Promise<{ retried: boolean; job: JobProgressRecord } | null> {
    const job = await getJobProgress(this.db, jobId);
    if (!job) return null;
    if (job.state !== 'failed' && job.state !== 'cancelled') return { retried: false, job };
    if (job.state === 'cancelled') await this.boss.resume(job.queue, jobId);
    else await this.boss.retry(job.queue, jobId);
    await setJobState(this.db, jobId, 'queued');
    const now = (await getJobProgress(this.db, jobId))!;
    this.emit('progress', now);
    return { retried: true, job: now };
  }

  async queueSizes(): Promise<{ queue: string; queued: number; active: number; deferred: number }[]> {
    const queues = await this.boss.getQueues();
    return queues.map((q) => ({
      queue: q.name,
      queued: q.queuedCount ?? 0,
      active: q.activeCount ?? 0,
      deferred: q.deferredCount ?? 0,
    }));
  }

  /**
   * Stops taking jobs and asks running ones to stop at their next check (their signal aborts with an
   * AbortError, a transient failure): each saves what it has done, fails, and is retried by the next
   * worker, which skips the work already stored. Handlers that do not stop within timeoutMs are failed
   * by pg-boss and retried the same way.
   */
  async stop(timeoutMs = 8000): Promise<void> {
    if (!this.running) return;
    this.running = false;
    const stopping = Object.assign(new Error('the worker is stopping; the job resumes on the next start'), {
      name: 'AbortError',
    });
    for (const c of this.inFlight) c.abort(stopping);
    await this.boss.stop({ graceful: true, timeout: timeoutMs, close: true });
  }
}
