// Responsiveness section: does the server keep answering while it imports? `songnodes start` on the
// embedded database takes an upload of generated sets through POST /api/v1/imports (the job imports
// it, then dedupes its new tracks) while this process probes /health/live (the liveness probe an
// orchestrator would send) and three read routes (stats, a track's neighbours, search) until the job ends.
// Every probe's latency counts; a probe that gets no answer within PROBE_TIMEOUT_MS counts as that.
// Targets (issue 13): liveness p99 < 100 ms, reads p95 < 250 ms.
import { createReadStream, statSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import type { SuiteContext } from './context.ts';
import { writeGeneratedFile } from './ingest.ts';
import { measurement } from './measurement.ts';
import { removeFolder, tempFolder } from './resources.ts';
import type { Measurement, SectionResult } from './results.ts';
import { CSRF_HEADERS, startSongnodes } from './songnodes-process.ts';
import { percentile } from './stats.ts';

const PROBE_TIMEOUT_MS = 30_000;
const LIVE_EVERY_MS = 100;
const READ_EVERY_MS = 250;
const SEARCH_WORDS = ['drift', 'temples', 'tide', 'groove method', 'island', 'believe', 'drfit', 'templse'];
const LIVE_TARGET_P99_MS = 100;
const READ_TARGET_P95_MS = 250;

/** Latency of one GET in ms (PROBE_TIMEOUT_MS when it got no answer in time). */
async function probe(url: string): Promise<number> {
  const started = performance.now();
  try {
    const r = await fetch(url, { signal: AbortSignal.timeout(PROBE_TIMEOUT_MS) });
    await r.arrayBuffer();
  } catch {
    return PROBE_TIMEOUT_MS;
  }
  return performance.now() - started;
}

/** Probes `url` every `everyMs` (one at a time: a slow answer delays the next probe) until stopped. */
function prober(url: () => string, everyMs: number) {
  const latencies: number[] = [];
  /** The route of each probe (its path) and when it was sent, for the figures per route and stage in the log. */
  const routes: string[] = [];
  const sentAt: number[] = [];
  let running = true;
  const done = (async () => {
    while (running) {
      const t = performance.now();
      const u = url();
      routes.push(new URL(u).pathname);
      sentAt.push(t);
      latencies.push(await probe(u));
      const wait = everyMs - (performance.now() - t);
      if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    }
  })();
  return {
    latencies,
    routes,
    sentAt,
    async stop() {
      running = false;
      await done;
    },
  };
}

interface Run {
  live: number[];
  reads: number[];
  readRoutes: string[];
  readSentAt: number[];
  /** When the job's progress first said it was deduplicating (null: never seen). */
  dedupeFrom: number | null;
  jobSeconds: number;
  state: string;
}

async function oneRun(file: string, dir: string, importOnly: boolean): Promise<Run> {
  const p = await startSongnodes({ dataDir: dir, demo: false });
  try {
    const res = await fetch(`${p.url}/api/v1/imports?filename=sets.ndjson`, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-ndjson',
        'content-length': String(statSync(file).size),
        ...CSRF_HEADERS,
      },
      body: createReadStream(file) as unknown as BodyInit,
      duplex: 'half',
    } as RequestInit);
    if (res.status !== 202) throw new Error(`upload answered ${res.status}: ${await res.text()}`);
    const { jobId } = (await res.json()) as { jobId: string };
    const started = performance.now();
    const live = prober(() => `${p.url}/health/live`, LIVE_EVERY_MS);
    let read = 0;
    // Track 1 exists once the first batch is stored; before that the route answers 404, quickly too.
    // Search words of the generator's names (a typo in every other one), varied so no cache answers.
    const reads = prober(() => {
      const k = read++;
      if (k % 3 === 0) return `${p.url}/api/v1/stats`;
      if (k % 3 === 1) return `${p.url}/api/v1/tracks/1/neighbours`;
      const q = SEARCH_WORDS[Math.floor(k / 3) % SEARCH_WORDS.length]!;
      return `${p.url}/api/v1/search?q=${encodeURIComponent(q)}&limit=10`;
    }, READ_EVERY_MS);
    let state = 'queued';
    let dedupeFrom: number | null = null;
    for (;;) {
      await new Promise((r) => setTimeout(r, 1000));
      const j = await fetch(`${p.url}/api/v1/jobs/${jobId}`, {
        signal: AbortSignal.timeout(PROBE_TIMEOUT_MS),
      })
        .then((r) => r.json() as Promise<{ state: string; progress?: { stage?: string } }>)
        .catch(() => null);
      if (dedupeFrom === null && j?.progress?.stage === 'dedupe') dedupeFrom = performance.now();
      if (importOnly && dedupeFrom !== null) {
        state = 'imported (dedupe not awaited)';
        break;
      }
      if (j && (j.state === 'completed' || j.state === 'failed')) {
        state = j.state;
        break;
      }
    }
    const jobSeconds = (performance.now() - started) / 1000;
    await Promise.all([live.stop(), reads.stop()]);
    return {
      live: live.latencies,
      reads: reads.latencies,
      readRoutes: reads.routes,
      readSentAt: reads.sentAt,
      dedupeFrom,
      jobSeconds,
      state,
    };
  } finally {
    await p.stop();
  }
}

/** Reads p95 in one stage of the job (the dedupe stage as first seen by the once-a-second poll). */
function stageP95(r: Run, dedupe: boolean): string {
  const from = r.dedupeFrom ?? Number.POSITIVE_INFINITY;
  const ms = r.reads.filter((_, k) => r.readSentAt[k]! >= from === dedupe);
  return ms.length === 0 ? '-' : `${percentile(ms, 0.95).toFixed(0)} ms (${ms.length} probes)`;
}

export async function responsivenessSection(ctx: SuiteContext): Promise<SectionResult> {
  // BENCH_RESPONSIVENESS_SETS: another size, for a quicker look while changing the import path.
  const sets = Number(process.env.BENCH_RESPONSIVENESS_SETS) || (ctx.profile === 'full' ? 20_000 : 2_000);
  // BENCH_RESPONSIVENESS_IMPORT_ONLY=1: stop when the dedupe starts, for a quicker look at the import.
  // (Until dedupe blocking, the dedupe of 20,000 generated sets took hours; it now takes minutes.)
  const importOnly = process.env.BENCH_RESPONSIVENESS_IMPORT_ONLY === '1';
  // Minutes per run at 20,000 sets: one run in either profile.
  const runs = 1;
  const section: SectionResult = {
    id: 'responsiveness',
    title: `Responsiveness during an upload import of ${sets.toLocaleString('en')} sets${importOnly ? ' (up to its dedupe)' : ' and its dedupe'} (embedded database)`,
    measurements: [],
    notes: [
      `probes: /health/live every ${LIVE_EVERY_MS} ms, /api/v1/stats, /api/v1/tracks/1/neighbours and /api/v1/search in turn every ${READ_EVERY_MS} ms, one at a time each, from the upload's 202 until the job ends; no answer within ${PROBE_TIMEOUT_MS / 1000} s counts as ${PROBE_TIMEOUT_MS / 1000} s`,
    ],
  };
  const dir = tempFolder('responsiveness');
  try {
    const file = join(dir, 'sets.ndjson');
    const entries = await writeGeneratedFile(file, sets);
    const runsOf: Run[] = [];
    for (let i = 0; i < runs; i++) {
      const loadBefore = loadavg()[0]!;
      const r = await oneRun(file, join(dir, `data-${i}`), importOnly);
      runsOf.push(r);
      // Two cores shared with other work: what else ran decides these figures as much as the code does.
      section.notes.push(
        `run ${i + 1}: load average (1 min) ${loadBefore.toFixed(2)} at the upload, ${loadavg()[0]!.toFixed(2)} when the job ended`,
      );
      ctx.log(
        `responsiveness: run ${i + 1}/${runs}: job ${r.state} in ${r.jobSeconds.toFixed(0)} s, ` +
          `live p99 ${percentile(r.live, 0.99).toFixed(0)} ms (max ${Math.max(...r.live).toFixed(0)}), ` +
          `reads p95 ${percentile(r.reads, 0.95).toFixed(0)} ms (max ${Math.max(...r.reads).toFixed(0)}; ` +
          [...new Set(r.readRoutes)]
            .map((route) => {
              const ms = r.reads.filter((_, k) => r.readRoutes[k] === route);
              return `${route} p95 ${percentile(ms, 0.95).toFixed(0)}`;
            })
            .join(', ') +
          `; while importing p95 ${stageP95(r, false)}, while deduplicating p95 ${stageP95(r, true)})`,
      );
      if (r.state !== 'completed' && !importOnly)
        section.notes.push(`run ${i + 1}: the import job ended ${r.state}`);
    }
    const of = (f: (r: Run) => number) => runsOf.map(f);
    const m = (label: string, runsV: number[], target?: number, unit = 'ms'): Measurement =>
      measurement(
        { section: 'responsiveness', label, unit, better: 'lower', runs: runsV },
        target === undefined ? {} : { target },
      );
    section.measurements.push(
      m(
        '/health/live p99',
        of((r) => percentile(r.live, 0.99)),
        LIVE_TARGET_P99_MS,
      ),
      m(
        '/health/live max',
        of((r) => Math.max(...r.live)),
      ),
      m(
        'reads (stats, neighbours, search) p95',
        of((r) => percentile(r.reads, 0.95)),
        READ_TARGET_P95_MS,
      ),
      m(
        'reads max',
        of((r) => Math.max(...r.reads)),
      ),
      m(
        `${importOnly ? 'import' : 'import + dedupe'} of ${entries.toLocaleString('en')} entries`,
        of((r) => r.jobSeconds),
        undefined,
        's',
      ),
    );
  } finally {
    removeFolder(dir);
  }
  return section;
}
