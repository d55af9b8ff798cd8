// The embedded database in a worker thread (see pglite-thread.ts for why): this side owns the PGlite
// instance and runs what the main thread asks, one message per call. PGlite queues the calls itself
// (one connection), exactly as it does on the main thread; only the thread the WebAssembly runs on
// differs. A transaction stays open here until the main thread says how it ends.
import { parentPort, workerData } from 'node:worker_threads';
import { PGlite, type Transaction } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';
import type { EngineReply, EngineRequest, SerializedError, WorkerOptions } from './pglite-thread.ts';

const port = parentPort!;
const opts = workerData as WorkerOptions;

/** Error fields (code, detail, constraint…) that can cross to the main thread; params stay here. */
function serializeError(e: unknown): SerializedError {
  if (!(e instanceof Error)) return { name: 'Error', message: String(e), fields: {} };
  const fields: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(e)) {
    if (k === 'params' || v === undefined || typeof v === 'function') continue;
    try {
      fields[k] = structuredClone(v);
    } catch {
      // Not cloneable: left out.
    }
  }
  return { name: e.name, message: e.message, fields };
}

/** Thrown into PGlite's transaction to make it roll back when the main thread asks for that. */
const ROLLBACK = Symbol('rollback');

interface OpenTransaction {
  tx: Transaction;
  end(commit: boolean): void;
  done: Promise<void>;
}

async function main(): Promise<void> {
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
    port.postMessage({ ready: false, error: serializeError(e) });
    return;
  }
  const txs = new Map<number, OpenTransaction>();
  const unlisten = new Map<number, () => Promise<void>>();
  const on = (tx: number | undefined) => {
    if (tx === undefined) return pglite;
    const open = txs.get(tx);
    if (!open) throw new Error(`transaction ${tx} is not open`);
    return open.tx;
  };

  const handle = async (m: EngineRequest): Promise<unknown> => {
    switch (m.op) {
      case 'query': {
        const r = await on(m.tx).query(
          m.text,
          m.params,
          m.blob === undefined ? undefined : { blob: new Blob([m.blob]) },
        );
        return { rows: r.rows, affectedRows: r.affectedRows };
      }
      case 'exec':
        return (await on(m.tx).exec(m.text)).map((r) => ({ rows: r.rows, affectedRows: r.affectedRows }));
      case 'begin': {
        let opened!: () => void;
        const ready = new Promise<void>((r) => {
          opened = r;
        });
        let end!: (commit: boolean) => void;
        const ended = new Promise<boolean>((r) => {
          end = r;
        });
        const done = pglite.transaction(async (tx) => {
          txs.set(m.tx, { tx, end, done });
          opened();
          if (!(await ended)) throw ROLLBACK;
        });
        // Awaited by 'end'; until then a failure (only BEGIN can fail before that) is seen through race.
        done.catch(() => {});
        await Promise.race([ready, done]);
        return null;
      }
      case 'end': {
        const open = txs.get(m.tx);
        if (!open) throw new Error(`transaction ${m.tx} is not open`);
        txs.delete(m.tx);
        open.end(m.commit);
        try {
          await open.done;
        } catch (e) {
          if (e !== ROLLBACK) throw e;
        }
        return null;
      }
      case 'listen': {
        const stop = await pglite.listen(m.channel, (payload) => {
          port.postMessage({ event: 'notify', listener: m.listener, payload });
        });
        unlisten.set(m.listener, stop);
        return null;
      }
      case 'unlisten': {
        await unlisten.get(m.listener)?.();
        unlisten.delete(m.listener);
        return null;
      }
      case 'close':
        if (!pglite.closed) await pglite.close();
        return null;
    }
  };

  port.on('message', (m: EngineRequest) => {
    handle(m).then(
      (value) => port.postMessage({ id: m.id, ok: true, value } satisfies EngineReply),
      (e) => port.postMessage({ id: m.id, ok: false, error: serializeError(e) } satisfies EngineReply),
    );
  });
  port.postMessage({ ready: true });
}

await main();
