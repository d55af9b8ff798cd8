// HTTP section: /api/v1/stats of a running `songnodes start` holding the demo data, against a bare
// Fastify route returning the same bytes (the baseline), both loaded by httpBench in turn.

import type { ChildProcess } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { SuiteContext } from './context.ts';
import { type HttpBenchResult, httpBench } from './http.ts';
import { measurement } from './measurement.ts';
import { removeFolder, spawnTracked, stopChild, tempFolder } from './resources.ts';
import type { SectionResult } from './results.ts';
import { type SongnodesProcess, startSongnodes } from './songnodes-process.ts';

const DEMO_SETS = 400;
const CONNECTIONS = 8;
const SETTLE_MS = 5000;

/** Waits until the demo job has stored its sets (or the count stops moving), returns the count. */
async function waitForDemo(url: string, timeoutMs = 300_000): Promise<number> {
  const started = performance.now();
  let last = -1;
  let stableSince = performance.now();
  for (;;) {
    const stats = (await (await fetch(`${url}/api/v1/stats`)).json()) as { sets: number };
    if (stats.sets >= DEMO_SETS) return stats.sets;
    if (stats.sets !== last) {
      last = stats.sets;
      stableSince = performance.now();
    } else if (stats.sets > 0 && performance.now() - stableSince > 15_000) return stats.sets;
    if (performance.now() - started > timeoutMs)
      throw new Error(`demo data not loaded after ${timeoutMs} ms (${stats.sets} sets)`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

async function startBare(
  bodyFile: string,
  contentType: string,
): Promise<{ child: ChildProcess; url: string }> {
  const script = fileURLToPath(new URL('./bare-server.ts', import.meta.url));
  const child = spawnTracked(
    process.execPath,
    [script, '--body-file', bodyFile, '--content-type', contentType],
    {
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  const line = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout?.setEncoding('utf8').on('data', (d: string) => {
      out += d;
      if (out.includes('\n')) resolve(out.split('\n')[0]!);
    });
    child.once('exit', (c) => reject(new Error(`bare server exited (${c}) before listening`)));
  });
  return { child, url: (JSON.parse(line) as { url: string }).url };
}

export async function httpSection(ctx: SuiteContext): Promise<SectionResult> {
  const section: SectionResult = {
    id: 'http',
    title: 'HTTP (autocannon, loopback)',
    measurements: [],
    notes: [],
  };
  const duration = ctx.profile === 'full' ? 20 : 5;
  const dir = tempFolder('http');
  let songnodes: SongnodesProcess | undefined;
  let bare: { child: ChildProcess; url: string } | undefined;
  try {
    songnodes = await startSongnodes({ dataDir: join(dir, 'data'), demo: true, demoSets: DEMO_SETS });
    const sets = await waitForDemo(songnodes.url);
    // Let the work that follows an import (job bookkeeping, graph updates) finish before loading it.
    await new Promise((r) => setTimeout(r, SETTLE_MS));
    const res = await fetch(`${songnodes.url}/api/v1/stats`);
    const body = Buffer.from(await res.arrayBuffer());
    const contentType = res.headers.get('content-type') ?? 'application/json';
    writeFileSync(join(dir, 'stats.json'), body);
    bare = await startBare(join(dir, 'stats.json'), contentType);
    const check = Buffer.from(await (await fetch(`${bare.url}/api/v1/stats`)).arrayBuffer());
    if (!check.equals(body)) throw new Error('the bare route does not return the bytes of /api/v1/stats');

    const targets = [
      { label: 'bare Fastify route, same bytes', url: `${bare.url}/api/v1/stats` },
      { label: '/api/v1/stats (songnodes start)', url: `${songnodes.url}/api/v1/stats` },
    ];
    // One short warm-up each (JIT, connection pools), not counted.
    for (const t of targets) await httpBench({ url: t.url, duration: 1, connections: CONNECTIONS });
    const results: HttpBenchResult[][] = targets.map(() => []);
    // Alternating runs, so a burst of load from others on the machine hits both alike.
    for (let i = 0; i < ctx.runs; i++) {
      for (const [k, t] of targets.entries()) {
        const r = await httpBench({ url: t.url, duration, connections: CONNECTIONS });
        if (r.errors || r.non2xx)
          section.notes.push(`${t.label} run ${i + 1}: ${r.errors} errors, ${r.non2xx} non-2xx responses`);
        ctx.log(
          `http: ${t.label} run ${i + 1}/${ctx.runs}: ${Math.round(r.requestsPerSecond)} req/s, p99 ${r.latencyP99Ms} ms`,
        );
        results[k]!.push(r);
      }
    }
    const metric = (k: number, what: 'requestsPerSecond' | 'latencyP50Ms' | 'latencyP99Ms') =>
      results[k]!.map((r) => r[what]);
    for (const [what, unit, better, name] of [
      ['requestsPerSecond', 'req/s', 'higher', 'throughput'],
      ['latencyP50Ms', 'ms', 'lower', 'latency p50'],
      ['latencyP99Ms', 'ms', 'lower', 'latency p99'],
    ] as const) {
      const base = measurement({
        section: 'http',
        label: `${targets[0]!.label}: ${name}`,
        short: 'bare route',
        unit,
        better,
        runs: metric(0, what),
      });
      const route = measurement(
        { section: 'http', label: `${targets[1]!.label}: ${name}`, unit, better, runs: metric(1, what) },
        { baseline: base },
      );
      section.measurements.push(base, route);
    }
    section.notes.push(
      `autocannon in its own process, ${CONNECTIONS} connections, ${duration} s per run, runs alternating between the two servers; songnodes start with its demo data (${sets} generated sets), default log level`,
      'autocannon records latency in whole milliseconds: 0 means under 1 ms, and no ratio is given against a 0 ms baseline',
      "the servers and autocannon share the machine's cores with each other (and with other engineers' work)",
    );
  } finally {
    if (bare) await stopChild(bare.child);
    await songnodes?.stop();
    removeFolder(dir);
  }
  return section;
}
