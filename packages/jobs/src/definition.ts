// A job is declared once, with its payload type, its retry policy and its handler. Ingest, layout,
// scrape and export work are all declared this way and run by whichever process works the queue.

export interface JobProgress {
  /** Units done so far (sets, entries, iterations: the job says which in `unit`). */
  done: number;
  total?: number;
  unit?: string;
  message?: string;
  /** Anything else worth showing (warnings so far, entries imported…). */
  [detail: string]: unknown;
}

export interface JobContext {
  jobId: string;
  /** Aborted when the worker stops or the job expires; long handlers check it between steps. */
  signal: AbortSignal;
  /** Records progress durably (readable by the API) and announces it to listeners (WebSocket). */
  progress(p: JobProgress): Promise<void>;
  /** True on the last attempt pg-boss will make: a failure now is final (clean up what retries would need). */
  finalAttempt: boolean;
  /** On a retry, the last progress an earlier attempt saved (what it had done); null on the first attempt. */
  previous: JobProgress | null;
}

export interface RetryPolicy {
  /** Retries after the first attempt. */
  limit: number;
  /** Seconds before the first retry; doubled each time (with jitter) when backoff is on. */
  delaySeconds: number;
  backoff: boolean;
}

export interface JobDefinition<P, R = unknown> {
  /** Queue name; its dead letters go to `<queue>__dead`. */
  queue: string;
  /** Checks and narrows a payload at the boundary (payloads come back from the database as JSON). */
  parse(data: unknown): P;
  retry?: Partial<RetryPolicy>;
  /** Seconds a single attempt may run before it counts as failed. */
  expireInSeconds?: number;
  /**
   * The worker refreshes a heartbeat every half of this; a job whose heartbeat is older (its process
   * died) is failed by the next supervision round of any worker and retried (default 20, minimum 10).
   */
  heartbeatSeconds?: number;
  handler(payload: P, ctx: JobContext): Promise<R>;
}

export const DEFAULT_RETRY: RetryPolicy = { limit: 3, delaySeconds: 5, backoff: true };

/** Heartbeat of every queue unless its definition says otherwise (see JobDefinition.heartbeatSeconds). */
export const DEFAULT_HEARTBEAT_SECONDS = 20;

export const deadLetterQueue = (queue: string) => `${queue}__dead`;

/** Identity helper so definitions get their payload type inferred. */
export function defineJob<P, R>(def: JobDefinition<P, R>): JobDefinition<P, R> {
  return def;
}
