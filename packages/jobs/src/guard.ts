// The process-level guard: an error that escapes every handler (a stream's 'error' nobody listened to,
// a promise nobody awaited, a throw in a timer) must not end a server that runs other people's jobs.
// Each job runs inside an AsyncLocalStorage scope; Node runs the 'unhandledRejection' and
// 'uncaughtException' listeners in the async context where the error arose, so the guard knows which
// job it came from and fails that job. An error from outside any job is reported and the process goes on.
import { AsyncLocalStorage } from 'node:async_hooks';

export interface JobScope {
  jobId: string;
  queue: string;
  /** Fails the job with this error (first call wins). */
  fail(e: unknown): void;
}

const scope = new AsyncLocalStorage<JobScope>();

/** Runs `f` as the body of a job: errors escaping it are routed to `s.fail`. */
export function runInJobScope<T>(s: JobScope, f: () => Promise<T>): Promise<T> {
  return scope.run(s, f);
}

export type StrayErrorListener = (e: unknown, job: { jobId: string; queue: string } | null) => void;

const listeners = new Set<StrayErrorListener>();
let installed = false;

function onStray(e: unknown): void {
  const job = scope.getStore();
  job?.fail(e);
  const who = job ? { jobId: job.jobId, queue: job.queue } : null;
  if (listeners.size === 0) {
    // Nobody to tell: at least leave a trace on stderr (never a silent swallow).
    process.stderr.write(
      `songnodes: error outside any request${who ? ` in job ${who.jobId}` : ''}: ${e instanceof Error ? e.message : String(e)}\n`,
    );
  }
  for (const l of listeners) l(e, who);
}

/**
 * Installs the guard (once per process) and adds a listener that hears every stray error, with the
 * job it came from. Returns a function that removes the listener (the guard stays installed).
 */
export function guardProcess(listener?: StrayErrorListener): () => void {
  if (!installed) {
    installed = true;
    process.on('unhandledRejection', onStray);
    process.on('uncaughtException', onStray);
  }
  if (listener) listeners.add(listener);
  return () => {
    if (listener) listeners.delete(listener);
  };
}
