// Worker-thread entry of the ForceAtlas2 layout job: receives the matrices (transferred, not
// copied), iterates, posts progress, and transfers the positions back.
import { parentPort, workerData } from 'node:worker_threads';
import type { ForceAtlas2Settings } from 'graphology-layout-forceatlas2';
import { positionsOf, runForceAtlas2 } from './forceatlas2.ts';

export interface Fa2Job {
  nodes: Float32Array;
  edges: Float32Array;
  iterations: number;
  settings: Required<ForceAtlas2Settings>;
  progressEvery: number;
}

export type Fa2Message =
  | { type: 'progress'; done: number; total: number }
  | { type: 'done'; positions: Float32Array };

const job = workerData as Fa2Job;
const port = parentPort!;
const post = (msg: Fa2Message, transfer: ArrayBuffer[] = []) => port.postMessage(msg, transfer);
runForceAtlas2(
  { nodes: job.nodes, edges: job.edges },
  job.iterations,
  job.settings,
  (done, total) => post({ type: 'progress', done, total }),
  job.progressEvery,
);
const positions = positionsOf(job.nodes);
post({ type: 'done', positions }, [positions.buffer as ArrayBuffer]);
