// Layout jobs: ForceAtlas2 for the whole graph in a worker thread (so the API keeps answering),
// and incremental extension of a stored layout for nodes added by patches.
import { Worker } from 'node:worker_threads';
import type { ForceAtlas2Settings } from 'graphology-layout-forceatlas2';
import type { GraphIndex } from '../graph-index.ts';
import { seededRandom } from '../random.ts';
import type { Fa2Job, Fa2Message } from './fa2-worker.ts';
import { defaultSettings, fa2Matrices } from './forceatlas2.ts';

export interface LayoutOptions {
  /** Default 100. */
  iterations?: number;
  settings?: ForceAtlas2Settings;
  seed?: number;
  onProgress?: (done: number, total: number) => void;
  progressEvery?: number;
}

export interface Layout {
  /** Graph version the layout was computed at. */
  version: number;
  /** x, y per node index. */
  positions: Float32Array;
}

function runInWorker(
  g: GraphIndex,
  o: LayoutOptions,
  matrices: { initial?: Float32Array; fixed?: Uint8Array },
): Promise<Layout> {
  const version = g.version;
  const m = fa2Matrices(g, { ...matrices, seed: o.seed });
  const job: Fa2Job = {
    nodes: m.nodes,
    edges: m.edges,
    iterations: o.iterations ?? 100,
    settings: { ...defaultSettings(g.nodeCount), ...o.settings },
    progressEvery: o.progressEvery ?? 10,
  };
  const worker = new Worker(new URL('./fa2-worker.ts', import.meta.url), {
    workerData: job,
    transferList: [m.nodes.buffer as ArrayBuffer, m.edges.buffer as ArrayBuffer],
  });
  return new Promise((resolve, reject) => {
    worker.on('message', (msg: Fa2Message) => {
      if (msg.type === 'progress') o.onProgress?.(msg.done, msg.total);
      else {
        resolve({ version, positions: msg.positions });
        void worker.terminate();
      }
    });
    worker.on('error', reject);
    worker.on('exit', (code) => {
      if (code !== 0) reject(new Error(`layout worker exited with code ${code}`));
    });
  });
}

/** ForceAtlas2 layout of the whole graph, computed in a worker thread. */
export function forceAtlas2Layout(g: GraphIndex, o: LayoutOptions = {}): Promise<Layout> {
  return runInWorker(g, o, {});
}

/**
 * Extends a layout to nodes added since it was computed. `previous` holds x, y for the first
 * previous.length / 2 node indices (indices never change, see graph-index.ts); those settled nodes
 * stay fixed. Each new node starts at the mean position of its already-placed neighbours (plus a
 * little seeded jitter), or at a random point of the layout's extent when it has none; then a few
 * iterations (default 30) settle the new nodes among the fixed ones.
 */
export function extendLayout(g: GraphIndex, previous: Float32Array, o: LayoutOptions = {}): Promise<Layout> {
  const settled = Math.min(previous.length / 2, g.nodeCount);
  const initial = new Float32Array(2 * g.nodeCount).fill(Number.NaN);
  initial.set(previous.subarray(0, 2 * settled));
  const fixed = new Uint8Array(g.nodeCount);
  fixed.fill(1, 0, settled);
  let extent = 1;
  for (let i = 0; i < 2 * settled; i++) extent = Math.max(extent, Math.abs(previous[i]!));
  const rnd = seededRandom(o.seed ?? 1);
  for (let u = settled; u < g.nodeCount; u++) {
    let sx = 0;
    let sy = 0;
    let n = 0;
    const visit = (v: number) => {
      const x = initial[2 * v]!;
      if (!Number.isNaN(x)) {
        sx += x;
        sy += initial[2 * v + 1]!;
        n++;
      }
    };
    g.forEachOut(u, visit);
    g.forEachIn(u, visit);
    const jitter = extent * 0.01;
    initial[2 * u] = n > 0 ? sx / n + (rnd() - 0.5) * jitter : (rnd() * 2 - 1) * extent;
    initial[2 * u + 1] = n > 0 ? sy / n + (rnd() - 0.5) * jitter : (rnd() * 2 - 1) * extent;
  }
  return runInWorker(g, { iterations: 30, ...o }, { initial, fixed });
}
