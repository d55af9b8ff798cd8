// The worker side of parallel preparation (see prepare-pool.ts): prepares the sets it is sent and posts
// the results back in the same order. Pure CPU work, so it runs while the main thread writes.
import { parentPort } from 'node:worker_threads';
import type { ParsedSet } from '@songnodes/core';
import { type PrepareContext, prepareSet } from './prepare.ts';

export interface PrepareRequest {
  id: number;
  sets: ParsedSet[];
  ctx: PrepareContext;
}

parentPort?.on('message', (req: PrepareRequest) => {
  parentPort!.postMessage({ id: req.id, results: req.sets.map((s) => prepareSet(s, req.ctx)) });
});
