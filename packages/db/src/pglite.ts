import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';
import { copyStatement, copyText } from './copy.ts';
import type { Database, Queryable, Row } from './database.ts';
import { DatabaseUnavailableError } from './database.ts';
import { acquireDataDirLock, type DataDirLock } from './lock.ts';
import { type PgliteThread, startPgliteThread } from './pglite-thread.ts';

/** The engine as pg-boss's fromPglite adapter uses it: a PGlite instance, or its worker-thread proxy. */
export interface PgliteHandle {
  query<R = Row>(text: string, params?: unknown[]): Promise<{ rows: R[] }>;
  exec(text: string): Promise<{ rows: Row[] }[]>;
  listen(channel: string, callback: (payload: string) => void): Promise<() => Promise<void>>;
}

export interface PgliteDatabase extends Database {
  readonly kind: 'pglite';
  /** Where the engine runs: this thread, or a worker thread of its own (see pglite-thread.ts). */
  readonly thread: 'main' | 'worker';
  /** The engine, for pg-boss's fromPglite adapter. */
  readonly pglite: PgliteHandle;
  /** Records in the folder lock where this process serves, so a second process can point there. */
  announce(url: string): void;
}

export interface PgliteOptions {
  /** Folder of the data; omitted means in memory (tests). */
  dataDir?: string;
  /** What holds the folder, written into the lock so a second process can say who. */
  holder?: { role: string; url?: string };
  /**
   * PostgreSQL's shared_buffers (default 128MB). A short CLI command that touches a few pages does
   * better with '32MB': measured on an empty folder, the engine's peak RSS drops from 264 to 166 MB
   * with no change in time.
   */
  sharedBuffers?: string;
  /**
   * Where the engine runs (default 'main'). 'worker': in a worker thread, so that its statements, each
   * synchronous WebAssembly, never hold up this thread's event loop — what a server wants, whose health
   * checks and in-memory reads must answer while an import runs. A short CLI command does not need it.
   * Without it, the environment's SONGNODES_PGLITE_THREAD=worker asks for the worker.
   */
  thread?: 'main' | 'worker';
}

const wrap = (q: { query: PGlite['query']; exec: PGlite['exec'] }): Queryable => ({
  async query<R extends Row>(text: string, params?: unknown[]) {
    return (await q.query<R>(text, params)).rows;
  },
  async exec(text: string) {
    await q.exec(text);
  },
  async copyRows(table, columns, values) {
    if ((values[0]?.length ?? 0) === 0) return;
    // PGlite's virtual /dev/blob device hands the attached Blob to COPY FROM.
    await q.query(copyStatement(table, columns, "'/dev/blob'"), [], { blob: new Blob([copyText(values)]) });
  },
});

/** Opens (creating if needed) an embedded PostgreSQL in dataDir. One process per folder: a lock says so. */
export async function openPglite(opts: PgliteOptions = {}): Promise<PgliteDatabase> {
  const location = opts.dataDir ?? 'memory://';
  let lock: DataDirLock | undefined;
  if (opts.dataDir) lock = acquireDataDirLock(opts.dataDir, opts.holder ?? { role: 'songnodes' });
  // SONGNODES_PGLITE_THREAD sets the default: the test suites run once with it to cover the worker.
  const env = process.env.SONGNODES_PGLITE_THREAD;
  if ((opts.thread ?? (env === 'worker' ? 'worker' : 'main')) === 'worker')
    return openInWorker(opts, location, lock);
  let pglite: PGlite;
  try {
    pglite = await PGlite.create({
      dataDir: opts.dataDir,
      extensions: { pg_trgm, unaccent },
      ...(opts.sharedBuffers
        ? { startParams: [...PGlite.defaultStartParams, '-c', `shared_buffers=${opts.sharedBuffers}`] }
        : {}),
    });
  } catch (e) {
    lock?.release();
    throw new DatabaseUnavailableError(location, e);
  }
  const base = wrap(pglite);
  return {
    kind: 'pglite',
    thread: 'main',
    location,
    pglite,
    announce: (url) => lock?.announce(url),
    query: base.query,
    exec: base.exec,
    copyRows: base.copyRows,
    transaction: (fn) => pglite.transaction((tx) => fn(wrap(tx))),
    // One connection, shared; PGlite queues callers itself.
    poolStats: () => ({ total: 1, idle: 1, waiting: 0 }),
    async close() {
      try {
        if (!pglite.closed) await pglite.close();
      } finally {
        lock?.release();
      }
    },
  };
}

/** The same database with its engine in a worker thread: every call is a message to it. */
async function openInWorker(
  opts: PgliteOptions,
  location: string,
  lock: DataDirLock | undefined,
): Promise<PgliteDatabase> {
  let engine: PgliteThread;
  try {
    engine = await startPgliteThread({ dataDir: opts.dataDir, sharedBuffers: opts.sharedBuffers });
  } catch (e) {
    lock?.release();
    throw new DatabaseUnavailableError(location, e);
  }
  const on = (tx: number | undefined): Queryable => ({
    async query<R extends Row>(text: string, params?: unknown[]) {
      return (await engine.query<R>(text, params, tx)).rows;
    },
    async exec(text: string) {
      await engine.exec(text, tx);
    },
    async copyRows(table, columns, values) {
      if ((values[0]?.length ?? 0) === 0) return;
      await engine.query(copyStatement(table, columns, "'/dev/blob'"), [], tx, copyText(values));
    },
  });
  const base = on(undefined);
  let transactions = 0;
  return {
    kind: 'pglite',
    thread: 'worker',
    location,
    pglite: engine,
    announce: (url) => lock?.announce(url),
    query: base.query,
    exec: base.exec,
    copyRows: base.copyRows,
    async transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T> {
      const tx = ++transactions;
      await engine.call({ op: 'begin', tx });
      let result: T;
      try {
        result = await fn(on(tx));
      } catch (e) {
        await engine.call({ op: 'end', tx, commit: false }).catch(() => {});
        throw e;
      }
      await engine.call({ op: 'end', tx, commit: true });
      return result;
    },
    poolStats: () => ({ total: 1, idle: 1, waiting: 0 }),
    async close() {
      try {
        await engine.close();
      } finally {
        lock?.release();
      }
    },
  };
}
