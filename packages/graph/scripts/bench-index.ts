// Benchmark of the graph module on a random power-law graph (default 100K tracks / 1M transitions):
// index build time and memory, neighbourhood and planner latency, delta patching; optionally Louvain
// (--communities) and the ForceAtlas2 layout job (--layout[=iterations]), which take minutes.
// Run: node packages/graph/scripts/bench-index.ts [--nodes N] [--edges M] [--communities] [--layout=100] [--json]
// --json adds one JSON object of the figures as the last line (read by the bench suite, packages/bench).
import { parseArgs } from 'node:util';
import type { PlanRequest } from '../src/index.ts';
import {
  detectCommunities,
  forceAtlas2Layout,
  GraphIndex,
  neighbourhood,
  planSet,
  randomSnapshot,
  seededRandom,
} from '../src/index.ts';

const { values } = parseArgs({
  options: {
    nodes: { type: 'string', default: '100000' },
    edges: { type: 'string', default: '1000000' },
    communities: { type: 'boolean', default: false },
    layout: { type: 'string' },
    json: { type: 'boolean', default: false },
  },
});
const N = Number(values.nodes);
const E = Number(values.edges);

function percentiles(xs: number[]): { p50: number; p95: number } {
  const s = [...xs].sort((a, b) => a - b);
  const at = (q: number) => Number(s[Math.min(s.length - 1, Math.floor(q * s.length))]!.toFixed(2));
  return { p50: at(0.5), p95: at(0.95) };
}

/** Figures for --json, by name; `…Ms` are milliseconds. */
const figures: Record<string, number> = {};

function time<T>(f: () => T): [T, number] {
  const t = performance.now();
  const r = f();
  return [r, performance.now() - t];
}

const [snapshot, genMs] = time(() => randomSnapshot({ nodes: N, edges: E, seed: 1 }));
const [g, buildMs] = time(() => GraphIndex.fromSnapshot(snapshot));
const mem = g.memoryBreakdown();
console.log(`graph: ${N} tracks, ${E} transitions (generated in ${(genMs / 1000).toFixed(1)} s)`);
console.log(`build: ${(buildMs / 1000).toFixed(2)} s`);
figures.buildMs = Math.round(buildMs);
figures.bytesPerEdge = Number((mem.edges / g.edgeCount).toFixed(1));
figures.bytesPerNode = Number((mem.nodes / g.nodeCount).toFixed(1));
console.log(
  `memory: ${(mem.edges / g.edgeCount).toFixed(1)} bytes/edge, ${(mem.nodes / g.nodeCount).toFixed(1)} bytes/node`,
);

const rnd = seededRandom(99);
const pick = () => 1 + Math.floor(rnd() * N);
for (const hops of [1, 2]) {
  const times: number[] = [];
  for (let i = 0; i < 300; i++)
    times.push(time(() => neighbourhood(g, { trackId: pick(), hops, limit: 25 }))[1]);
  const p = percentiles(times.slice(20));
  figures[`neighbourhood${hops}HopP50Ms`] = p.p50;
  figures[`neighbourhood${hops}HopP95Ms`] = p.p95;
  console.log(`neighbourhood (${hops} hop${hops > 1 ? 's' : ''}, top 25 per node):`, p);
}

function planBench(label: string, name: string, make: () => PlanRequest, runs = 120): void {
  const times: number[] = [];
  let found = 0;
  let relaxed = 0;
  for (let i = 0; i < runs; i++) {
    const req = make();
    if (req.from === req.to) continue;
    const [r, ms] = time(() => planSet(g, req));
    times.push(ms);
    if (r.sets.length) found++;
    else if (r.relaxation) relaxed++;
  }
  const p = percentiles(times.slice(10));
  figures[`${name}P50Ms`] = p.p50;
  figures[`${name}P95Ms`] = p.p95;
  console.log(`plan ${label}:`, p, `sets found ${found}, relaxation offered ${relaxed}, of ${times.length}`);
}
planBench('20 tracks, any key, ±6%', 'plan20', () => ({ from: pick(), to: pick(), length: 20 }));
planBench(
  '20 tracks, any key, ±6%, k=3',
  'plan20K3',
  () => ({ from: pick(), to: pick(), length: 20, k: 3 }),
  60,
);
planBench(
  '20 tracks, harmonic relative, ±6%',
  'plan20Relative',
  () => ({ from: pick(), to: pick(), length: 20, harmonic: 'relative' }),
  60,
);

// Patching: 1,000 changed or new transitions and 100 new tracks.
const d = {
  version: 2,
  nodes: Array.from({ length: 100 }, (_x, i) => ({
    trackId: N + 1 + i,
    bpm: 124,
    key: '8A',
    genre: 'House',
    year: 2025,
  })),
  edges: Array.from({ length: 1000 }, (_x, i) => ({
    from: pick(),
    to: i % 10 === 0 ? N + 1 + (i % 100) : pick(),
    count: 1 + (i % 7),
    sets: 1,
    djs: 1,
  })),
};
const [, patchMs] = time(() => g.applyDelta(d));
const [, compactMs] = time(() => g.compact());
figures.patchMs = Number(patchMs.toFixed(1));
figures.compactMs = Math.round(compactMs);
console.log(
  `patch 1,000 transitions + 100 tracks: ${patchMs.toFixed(1)} ms; compaction: ${(compactMs / 1000).toFixed(2)} s`,
);

if (values.communities) {
  const [c, ms] = time(() => detectCommunities(g, { seed: 1 }));
  figures.louvainMs = Math.round(ms);
  console.log(
    `louvain: ${(ms / 1000).toFixed(1)} s, ${c.count} communities, modularity ${c.modularity.toFixed(3)}`,
  );
}
if (values.layout !== undefined) {
  const iterations = Number(values.layout || 100);
  const t = performance.now();
  let last = 0;
  await forceAtlas2Layout(g, {
    iterations,
    progressEvery: 10,
    onProgress: (done, total) => {
      const now = performance.now();
      if (now - last > 30_000 || done === total) {
        console.log(`  layout ${done}/${total} iterations, ${((now - t) / 1000).toFixed(0)} s`);
        last = now;
      }
    },
  });
  figures.layoutMs = Math.round(performance.now() - t);
  console.log(
    `forceatlas2 (Barnes-Hut, worker): ${iterations} iterations in ${((performance.now() - t) / 1000).toFixed(0)} s`,
  );
}
if (values.json) console.log(JSON.stringify(figures));
