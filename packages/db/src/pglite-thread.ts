// The embedded database run in a worker thread, seen from the main thread. PGlite is PostgreSQL
// compiled to WebAssembly: each statement runs synchronously on the thread that owns the instance, so
// on the main thread nothing else runs until it ends — health checks, reads answered from memory,
// timers. Measured during an upload import and its dedupe (docs/operations.md, "Responsiveness"): single
// statements held that thread 100–500 ms (a trigram probe for one track's dedupe candidates, ANALYZE),
// and no batch size makes a one-track statement shorter. In a worker thread, the WebAssembly runs on
// the other core and the main thread only posts messages; the single connection and its queue are
// unchanged (calls wait for the transaction under way, as before).
import { Worker } from 'node:worker_threads';
import type { Row } from './database.ts';

/** What the worker is opened with. */
export interface WorkerOptions {
  dataDir?: string;
  sharedBuffers?: string;
}

export type EngineRequest = { id: number } & (
  | { op: 'query'; tx?: number; text: string; params?: unknown[]; blob?: string }
  | { op: 'exec'; tx?: number; text: string }
  | { op: 'begin'; tx: number }
  | { op: 'end'; tx: number; commit: boolean }
  | { op: 'listen'; channel: string; listener: number }
  | { op: 'unlisten'; listener: number }
  | { op: 'close' }
);

export interface SerializedError {
  name: string;
  message: string;
  /** PostgreSQL's error fields (code, detail, constraint…), as PGlite sets them on its errors. */
  fields: Record<string, unknown>;
}

export type EngineReply =
  | { id: number; ok: true; value: unknown }
  | { id: number; ok: false; error: SerializedError };

type WorkerMessage =
  | EngineReply
  | { ready: true }
  | { ready: false; error: SerializedError }
  | { event: 'notify'; listener: number; payload: string };

/** The error as the caller would have had it from PGlite on this thread: message, code, detail… */
function rebuildError(s: SerializedError): Error {
  const e = new Error(s.message);
  e.name = s.name;
  Object.assign(e, s.fields);
  return e;
}

type Request = EngineRequest extends infer R ? (R extends unknown ? Omit<R, 'id'> : never) : never;

/** A query result as pg-boss's PGlite adapter reads it. */
export interface EngineResult<R = Row> {
  rows: R[];
  affectedRows?: number;
}

export interface PgliteThread {
  call(req: Request): Promise<unknown>;
  query<R = Row>(text: string, params?: unknown[], tx?: number, blob?: string): Promise<EngineResult<R>>;
  exec(text: string, tx?: number): Promise<EngineResult[]>;
  listen(channel: string, callback: (payload: string) => void): Promise<() => Promise<void>>;
  readonly closed: boolean;
  close(): Promise<void>;
}

/** Starts the worker and opens the database in it; rejects with the engine's own error if that fails. */
export async function startPgliteThread(opts: WorkerOptions): Promise<PgliteThread> {
  const worker = new Worker(new URL('./pglite-worker.ts', import.meta.url), { workerData: opts });
  const waiting = new Map<number, { resolve(v: unknown): void; reject(e: unknown): void }>();
  const listeners = new Map<number, (payload: string) => void>();
  let next = 0;
  let closed = false;
  let stopped: Error | null = null;
  // The worker keeps the process alive only while a call is under way: an open but idle database
  // must not (as PGlite on the main thread does not), and a pending call must (a promise alone does not).
  worker.unref();
  const settle = (id: number) => {
    const w = waiting.get(id);
    waiting.delete(id);
    if (waiting.size === 0) worker.unref();
    return w;
  };
  const ready = new Promise<void>((resolve, reject) => {
    worker.on('message', (m: WorkerMessage) => {
      if ('ready' in m) {
        if (m.ready) resolve();
        else reject(rebuildError(m.error));
      } else if ('event' in m) {
        listeners.get(m.listener)?.(m.payload);
      } else if (m.ok) settle(m.id)?.resolve(m.value);
      else settle(m.id)?.reject(rebuildError(m.error));
    });
    const fail = (e: Error) => {
      stopped = e;
      reject(e);
      for (const id of [...waiting.keys()]) settle(id)?.reject(e);
    };
    worker.on('error', (e) => fail(new Error(`the database thread failed: ${e.message}`, { cause: e })));
    worker.on('exit', (code) => fail(new Error(`the database thread stopped (exit code ${code})`)));
  });
  await ready;

  const call = (req: Request): Promise<unknown> => {
    if (stopped) return Promise.reject(stopped);
    if (closed && req.op !== 'close') return Promise.reject(new Error('the database is closed'));
    const id = next++;
    return new Promise((resolve, reject) => {
      if (waiting.size === 0) worker.ref();
      waiting.set(id, { resolve, reject });
      worker.postMessage({ ...req, id });
    });
  };
  let listenerIds = 0;
  return {
    call,
    query: <R = Row>(text: string, params?: unknown[], tx?: number, blob?: string) =>
      call({ op: 'query', text, params, tx, blob }) as Promise<EngineResult<R>>,
    exec: (text: string, tx?: number) => call({ op: 'exec', text, tx }) as Promise<EngineResult[]>,
    async listen(channel, callback) {
      const listener = listenerIds++;
      listeners.set(listener, callback);
      await call({ op: 'listen', channel, listener });
      return async () => {
        listeners.delete(listener);
        await call({ op: 'unlisten', listener });
      };
    },
    get closed() {
      return closed;
    },
    async close() {
      if (closed) return;
      closed = true;
      try {
        if (!stopped) await call({ op: 'close' });
      } finally {
        worker.removeAllListeners('exit');
        await worker.terminate();
      }
    },
  };
}
