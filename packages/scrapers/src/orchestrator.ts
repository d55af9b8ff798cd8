// Scrape tasks as durable jobs. `scrape.task` runs one task (retried by the queue on errors trying
// again can fix, then parked in its dead-letter queue); `scrape.resume` runs every 15 minutes and
// re-queues tasks a daily quota stopped once their day has come. The orchestrator is what the API and
// the CLI use: submit (de-duplicated), list, cancel, per-source health, refresh schedules.
import {
  cancelScrapeTask,
  createScrapeTask,
  type Database,
  dueScrapeTasks,
  getJobProgress,
  getScrapeTask,
  listScrapeTasks,
  recordScrapeOutcome,
  type ScrapePriority,
  type ScrapeTask,
  type ScrapeTaskState,
  scrapeQuotaUsed,
  scrapeSourceHealth,
  takeScrapeQuota,
  updateScrapeTask,
} from '@songnodes/db';
import type { GraphChange } from '@songnodes/ingest';
import { defineJob, type JobQueue, type RetryPolicy } from '@songnodes/jobs';
import type { BreakerState } from './breaker.ts';
import { type CrawlResult, crawl, type ScrapeRuntime } from './crawl.ts';
import { ScrapeError } from './errors.ts';
import { scraperMetrics } from './metrics.ts';
import { databasePageCache } from './page-cache.ts';
import type { ScraperSettings } from './settings.ts';
import { createClient, createSources } from './sources/index.ts';
import { SOURCE_NAMES } from './sources/source.ts';
import {
  recordTargetOutcome,
  SCRAPE_TARGETS_QUEUE,
  type SubmitSpec,
  searchDueTargets,
  searchTargets,
  TARGETS_CRON,
  type TargetSearch,
} from './targets.ts';
import {
  checkTaskSpec,
  PRIORITIES,
  PRIORITY_NUMBER,
  parseTaskInput,
  type TaskSpec,
  TaskSpecError,
  taskIdentity,
} from './tasks.ts';

export const SCRAPE_TASK_QUEUE = 'scrape.task';
export const SCRAPE_RESUME_QUEUE = 'scrape.resume';

/** The client, the sources and the database a process scrapes with. */
export function createScrapeRuntime(
  db: Database,
  settings: ScraperSettings,
  opts: { onChange?: (c: GraphChange) => void; metrics?: boolean } = {},
): ScrapeRuntime & { close(): Promise<void> } {
  const metrics = opts.metrics === false ? undefined : scraperMetrics();
  const client = createClient(settings, { cache: databasePageCache(db), onRequest: metrics?.onRequest });
  const sources = createSources(settings, client, (source, day, limit) =>
    takeScrapeQuota(db, source, day, limit),
  );
  return {
    db,
    client,
    sources,
    allowAnyPort: settings.allowPrivateHosts,
    metrics,
    onChange: opts.onChange,
    close: () => client.close(),
  };
}

interface TaskPayload {
  /** A task the orchestrator created. */
  taskId?: number;
  /** A scheduled refresh: the task is created (or found, when one is still open) when it fires. */
  spec?: TaskSpec;
  priority?: ScrapePriority;
}

function parsePayload(data: unknown): TaskPayload {
  const d = data as TaskPayload;
  if (d && typeof d.taskId === 'number' && Number.isInteger(d.taskId)) return { taskId: d.taskId };
  if (d && d.spec !== undefined)
    return {
      spec: checkTaskSpec(d.spec),
      priority: PRIORITIES.includes(d.priority as ScrapePriority) ? d.priority : 'normal',
    };
  throw new TaskSpecError('a scrape job needs a "taskId" or a "spec"');
}

const FINAL: ScrapeTaskState[] = ['completed', 'failed', 'cancelled'];

/** Attempts of a task after the first, minutes apart: a site that is down for a while gets time. */
const TASK_RETRY: RetryPolicy = { limit: 3, delaySeconds: 60, backoff: true };

export interface ScrapeJobOptions {
  /** The queue's retry policy (tests shorten it; the queue keeps the policy it was created with). */
  retry?: Partial<RetryPolicy>;
}

export function scrapeTaskJob(rt: ScrapeRuntime, opts: ScrapeJobOptions = {}) {
  return defineJob({
    queue: SCRAPE_TASK_QUEUE,
    parse: parsePayload,
    retry: { ...TASK_RETRY, ...opts.retry },
    // A listing of hundreds of pages, seconds apart, takes a while.
    expireInSeconds: 6 * 3600,
    async handler(p, ctx): Promise<CrawlResult | { skipped: string; taskId: number }> {
      let task: ScrapeTask | null;
      if (p.taskId !== undefined) task = await getScrapeTask(rt.db, p.taskId);
      else {
        const spec = p.spec!;
        const made = await createScrapeTask(rt.db, {
          ...taskIdentity(spec, rt),
          kind: spec.kind,
          spec,
          priority: p.priority ?? 'normal',
        });
        if (made.duplicate) return { skipped: 'an identical task is still open', taskId: made.task.id };
        task = made.task;
      }
      if (!task) throw new TaskSpecError(`scrape task ${p.taskId} does not exist`);
      if (FINAL.includes(task.state)) return { skipped: `task is ${task.state}`, taskId: task.id };
      await updateScrapeTask(rt.db, task.id, { state: 'running', jobId: ctx.jobId, error: null });
      let result: CrawlResult;
      try {
        result = await crawl(rt, task, {
          signal: ctx.signal,
          onProgress: async (progress) => {
            await ctx.progress({ ...progress });
            await updateScrapeTask(rt.db, task.id, { progress: { ...progress } });
          },
        });
      } catch (e) {
        const message = e instanceof Error ? e.message : String(e);
        if (e instanceof ScrapeError)
          await recordScrapeOutcome(rt.db, task.source, { ok: false, error: message });
        // Back to the queue's care: it retries, and after the last attempt parks the job as a dead letter.
        const failed = ctx.finalAttempt;
        const updated = await updateScrapeTask(rt.db, task.id, {
          state: failed ? 'failed' : 'queued',
          error: message,
        });
        if (failed && updated && task.kind === 'target')
          await recordTargetOutcome(rt.db, task.id, { failed: message });
        throw e;
      }
      // Targets first: whoever sees the task ended finds its findings on its targets already.
      if (task.kind === 'target') await recordTargetOutcome(rt.db, task.id, { result });
      await updateScrapeTask(rt.db, task.id, {
        state: result.outcome,
        result: { ...result },
        error: result.outcome === 'failed' ? (result.errors[0]?.message ?? 'failed') : null,
        resumeAt: result.resumeAt ? new Date(result.resumeAt) : null,
      });
      return result;
    },
  });
}

export function scrapeResumeJob(
  db: Database,
  jobs: JobQueue,
  rt: ScrapeRuntime,
  opts: ScrapeJobOptions = {},
) {
  const task = scrapeTaskJob(rt, opts);
  return defineJob({
    queue: SCRAPE_RESUME_QUEUE,
    parse: () => ({}),
    retry: { limit: 1 },
    async handler() {
      const due = await dueScrapeTasks(db, new Date());
      for (const t of due) {
        await updateScrapeTask(db, t.id, { state: 'queued', resumeAt: null });
        const jobId = await jobs.send(task, { taskId: t.id }, { priority: PRIORITY_NUMBER[t.priority] });
        await updateScrapeTask(db, t.id, { jobId });
      }
      return { resumed: due.map((t) => t.id) };
    },
  });
}

/** Nightly: searches the target tracks whose last search is a week old (see targets.ts). */
export function scrapeTargetsJob(jobs: JobQueue, rt: ScrapeRuntime, opts: ScrapeJobOptions = {}) {
  const submit = submitter(jobs, rt, scrapeTaskJob(rt, opts));
  return defineJob({
    queue: SCRAPE_TARGETS_QUEUE,
    parse: () => ({}),
    retry: { limit: 1 },
    async handler() {
      const searched = await searchDueTargets(rt.db, submit);
      return { targets: searched.length, tasks: new Set(searched.map((s) => s.task.id)).size };
    },
  });
}

/** Registers the scrape workers (and the quota-resume and target-search schedules) on a job queue. */
export async function registerScrapeWorkers(
  jobs: JobQueue,
  rt: ScrapeRuntime,
  opts: ScrapeJobOptions & { concurrency?: number } = {},
): Promise<void> {
  // One task at a time per process by default: every host is limited to one request at a time anyway.
  await jobs.work(scrapeTaskJob(rt, opts), { concurrency: opts.concurrency ?? 1 });
  const resume = scrapeResumeJob(rt.db, jobs, rt, opts);
  await jobs.work(resume, { concurrency: 1 });
  await jobs.schedule(resume, '*/15 * * * *', {});
  const targets = scrapeTargetsJob(jobs, rt, opts);
  await jobs.work(targets, { concurrency: 1 });
  await jobs.schedule(targets, TARGETS_CRON, {});
}

/** Creates a task (or finds the identical open one) and queues its job. */
function submitter(jobs: JobQueue, rt: ScrapeRuntime, def: ReturnType<typeof scrapeTaskJob>): SubmitSpec {
  return async (spec: TaskSpec, priority: ScrapePriority) => {
    const made = await createScrapeTask(rt.db, {
      ...taskIdentity(spec, rt),
      kind: spec.kind,
      spec,
      priority,
    });
    if (made.duplicate) return made;
    const jobId = await jobs.send(def, { taskId: made.task.id }, { priority: PRIORITY_NUMBER[priority] });
    return { task: (await updateScrapeTask(rt.db, made.task.id, { jobId })) ?? made.task, duplicate: false };
  };
}

export interface SourceHealth {
  source: string;
  successes: number;
  failures: number;
  /** successes / (successes + failures), null before the first page. */
  successRate: number | null;
  lastError: string | null;
  lastErrorAt: string | null;
  lastSuccessAt: string | null;
  /** Circuit breaker of the source's host in this process. */
  breaker: BreakerState;
  /** Requests left today under the daily quota (sources that have one). */
  quotaLeft: number | null;
  configured: boolean;
}

export interface Orchestrator {
  submit(
    input: string | TaskSpec,
    opts?: { priority?: ScrapePriority },
  ): Promise<{ task: ScrapeTask; duplicate: boolean }>;
  get(id: number): Promise<ScrapeTask | null>;
  list(q?: { limit?: number; state?: ScrapeTaskState; source?: string }): Promise<ScrapeTask[]>;
  cancel(id: number): Promise<boolean>;
  health(): Promise<SourceHealth[]>;
  /** A refresh on a cron schedule (UTC), under a name; the same name again replaces it. */
  schedule(
    name: string,
    cron: string,
    input: string | TaskSpec,
    opts?: { priority?: ScrapePriority },
  ): Promise<void>;
  unschedule(name: string): Promise<void>;
  schedules(): Promise<{ name: string; cron: string; spec: TaskSpec }[]>;
  /** Tasks whose job failed every attempt. */
  deadLetters(): Promise<{ jobId: string; taskId: number | null }[]>;
  /** Searches stored target tracks now: one target task per track, shared when one is open. */
  searchTargets(
    targets: readonly { id: number; artist: string; title: string }[],
    opts?: { priority?: ScrapePriority },
  ): Promise<TargetSearch[]>;
}

export function createOrchestrator(
  jobs: JobQueue,
  rt: ScrapeRuntime,
  settings: ScraperSettings,
  opts: ScrapeJobOptions = {},
): Orchestrator {
  const def = scrapeTaskJob(rt, opts);
  const submit = submitter(jobs, rt, def);
  const toSpec = (input: string | TaskSpec) =>
    typeof input === 'string' ? parseTaskInput(input) : checkTaskSpec(input);

  /** A task the queue gave up on is failed, whatever its row last said. */
  async function settled(t: ScrapeTask): Promise<ScrapeTask> {
    if (!t.jobId || (t.state !== 'queued' && t.state !== 'running')) return t;
    const job = await getJobProgress(rt.db, t.jobId);
    if (job?.state !== 'failed') return t;
    const failed = (await updateScrapeTask(rt.db, t.id, { state: 'failed' })) ?? t;
    if (t.kind === 'target')
      await recordTargetOutcome(rt.db, t.id, {
        failed: t.error ?? 'the job failed on every attempt',
        seenFromOutside: true,
      });
    return failed;
  }

  return {
    async submit(input, opts = {}) {
      const spec = toSpec(input);
      const priority = opts.priority ?? 'normal';
      if (!PRIORITIES.includes(priority))
        throw new TaskSpecError(`priority must be one of ${PRIORITIES.join(', ')}`);
      return submit(spec, priority);
    },
    async get(id) {
      const t = await getScrapeTask(rt.db, id);
      return t ? settled(t) : null;
    },
    async list(q = {}) {
      return Promise.all((await listScrapeTasks(rt.db, q)).map(settled));
    },
    async cancel(id) {
      if (!(await cancelScrapeTask(rt.db, id))) return false;
      // The job too: a queued one never starts, a running one in this process stops its request at once
      // (elsewhere, the crawl sees the task cancelled before its next page).
      const task = await getScrapeTask(rt.db, id);
      if (task?.jobId) await jobs.cancel(task.jobId);
      // A target task that never started writes no result itself; a running one overwrites this.
      if (task?.kind === 'target') await recordTargetOutcome(rt.db, id, { cancelled: true });
      return true;
    },
    async health() {
      const counts = new Map((await scrapeSourceHealth(rt.db)).map((h) => [h.source, h]));
      const today = new Date().toISOString().slice(0, 10);
      const configured: Record<string, boolean> = {
        '1001tracklists': true,
        mixesdb: true,
        setlistfm: !!settings.setlistfm.apiKey,
        reddit: !!settings.reddit.clientId && !!settings.reddit.clientSecret,
      };
      const baseOf: Record<string, string> = {
        '1001tracklists': settings.tracklists1001.baseUrl,
        mixesdb: settings.mixesdb.baseUrl,
        setlistfm: settings.setlistfm.baseUrl,
        reddit: settings.reddit.baseUrl,
      };
      return Promise.all(
        SOURCE_NAMES.map(async (source) => {
          const h = counts.get(source);
          const total = (h?.successes ?? 0) + (h?.failures ?? 0);
          return {
            source,
            successes: h?.successes ?? 0,
            failures: h?.failures ?? 0,
            successRate: total > 0 ? (h?.successes ?? 0) / total : null,
            lastError: h?.lastError ?? null,
            lastErrorAt: h?.lastErrorAt ?? null,
            lastSuccessAt: h?.lastSuccessAt ?? null,
            breaker: rt.client.breakerState(new URL(baseOf[source]!).host),
            quotaLeft:
              source === 'setlistfm'
                ? Math.max(0, settings.setlistfm.dailyQuota - (await scrapeQuotaUsed(rt.db, source, today)))
                : null,
            configured: configured[source]!,
          };
        }),
      );
    },
    async schedule(name, cron, input, opts = {}) {
      const spec = toSpec(input);
      taskIdentity(spec, rt); // refuses a URL no source reads, now rather than at 3 a.m.
      await jobs.schedule(def, cron, { spec, priority: opts.priority ?? 'low' }, { key: name });
    },
    unschedule: (name) => jobs.unschedule(def, name),
    async schedules() {
      return (await jobs.schedules(def)).map((s) => ({
        name: s.key,
        cron: s.cron,
        spec: (s.data as TaskPayload).spec!,
      }));
    },
    searchTargets: (targets, o = {}) => searchTargets(rt.db, submit, targets, o.priority ?? 'normal'),
    async deadLetters() {
      return (await jobs.deadLetters(def)).map((d) => ({
        jobId: d.sourceId ?? d.id,
        taskId: typeof (d.data as TaskPayload)?.taskId === 'number' ? (d.data as TaskPayload).taskId! : null,
      }));
    },
  };
}
