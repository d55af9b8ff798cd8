// Preparation off the main thread: parsing and identity resolution are pure CPU work, and the database
// write of the previous batch (PGlite runs on the main thread; node-postgres waits on the socket) can go
// on meanwhile. One worker: the machines this runs on have two cores, one for each side.
import { Worker } from 'node:worker_threads';
import type { ImportIssue, ParsedSet } from '@songnodes/core';
import { type PrepareContext, type PreparedSet, prepareSet } from './prepare.ts';
import type { PrepareRequest } from './prepare-worker.ts';

export type PrepareResult = PreparedSet | { error: ImportIssue };

export interface Preparer {
  prepare(sets: ParsedSet[]): Promise<PrepareResult[]>;
  close(): Promise<void>;
}

/** Prepares on the calling thread: for small inputs, where starting a worker costs more than it saves. */
export function inProcessPreparer(ctx: PrepareContext): Preparer {
  return {
    prepare: async (sets) => sets.map((s) => prepareSet(s, ctx)),
    close: async () => {},
  };
}

/** Prepares in a worker thread, one request at a time, results in request order. */
export function workerPreparer(ctx: PrepareContext): Preparer {
  const worker = new Worker(new URL('./prepare-worker.ts', import.meta.url));
  const waiting = new Map<number, { resolve(r: PrepareResult[]): void; reject(e: unknown): void }>();
  let next = 0;
  const failAll = (e: unknown) => {
    for (const w of waiting.values()) w.reject(e);
    waiting.clear();
  };
  worker.on('message', (m: { id: number; results: PrepareResult[] }) => {
    waiting.get(m.id)?.resolve(m.results);
    waiting.delete(m.id);
  });
  worker.on('error', failAll);
  worker.on('exit', (code) => failAll(new Error(`the prepare worker stopped (exit code ${code})`)));
  return {
    prepare(sets) {
      const id = next++;
      return new Promise((resolve, reject) => {
        waiting.set(id, { resolve, reject });
        const req: PrepareRequest = { id, sets, ctx: { file: ctx.file, source: ctx.source } };
        worker.postMessage(req);
      });
    },
    async close() {
      worker.removeAllListeners('exit');
      await worker.terminate();
    },
  };
}
