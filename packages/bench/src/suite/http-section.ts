// HTTP section: routes of a running `songnodes start` holding the demo data — stats, a track's
// neighbourhood, search, the planner and a GraphQL query — each against a bare Fastify route returning
// the same bytes (the baseline), loaded by httpBench in turn.

import type { ChildProcess } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { SuiteContext } from './context.ts';
import { type HttpBenchResult, httpBench } from './http.ts';
import { measurement } from './measurement.ts';
import { removeFolder, spawnTracked, stopChild, tempFolder } from './resources.ts';
import type { SectionResult } from './results.ts';
import { CSRF_HEADERS, type SongnodesProcess, startSongnodes } from './songnodes-process.ts';

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

interface Target {
  /** What is measured, e.g. `GET /api/v1/tracks/{id}/neighbours`. */
  label: string;
  method: 'GET' | 'POST';
  path: string;
  body?: string;
}

async function startBare(routesFile: string): Promise<{ child: ChildProcess; url: string }> {
  const script = fileURLToPath(new URL('./bare-server.ts', import.meta.url));
  const child = spawnTracked(process.execPath, [script, '--routes-file', routesFile], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
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

/** The routes measured, on the demo data: a busy track's neighbourhood, a search for its title, a plan. */
async function chooseTargets(url: string): Promise<Target[]> {
  const get = async (path: string) =>
    (await (await fetch(`${url}${path}`)).json()) as Record<string, unknown>;
  const top = (await get('/api/v1/graph/rankings/most-played?limit=20')) as {
    ranked: { trackId: number }[];
    tracks: Record<string, { title: string }>;
  };
  const first = top.ranked[0]!.trackId;
  const word = top.tracks[first]!.title.split(' ')[0]!;
  const targets: Target[] = [
    { label: 'GET /api/v1/stats', method: 'GET', path: '/api/v1/stats' },
    {
      label: 'GET /api/v1/tracks/{id}/neighbours',
      method: 'GET',
      path: `/api/v1/tracks/${first}/neighbours`,
    },
    { label: 'GET /api/v1/search', method: 'GET', path: `/api/v1/search?q=${encodeURIComponent(word)}` },
  ];
  // A plan between two tracks that the planner can join: the first one of the most played that works.
  for (const r of top.ranked.slice(1)) {
    const body = JSON.stringify({ from: first, to: r.trackId, length: 6 });
    const res = await fetch(`${url}/api/v1/plan`, {
      method: 'POST',
      body,
      headers: { 'content-type': 'application/json', ...CSRF_HEADERS },
    });
    if (res.status === 200) {
      targets.push({ label: 'POST /api/v1/plan (6 tracks)', method: 'POST', path: '/api/v1/plan', body });
      break;
    }
  }
  const gql = JSON.stringify({
    query: `{ track(id: "${first}") { id title artist artists { artist { name } } transitionsOut(first: 10) { count to { id title } } } }`,
  });
  const res = await fetch(`${url}/graphql`, {
    method: 'POST',
    body: gql,
    headers: { 'content-type': 'application/json', ...CSRF_HEADERS },
  });
  // A query the schema refuses answers 200 with `errors` (GraphQL over HTTP): check the body too, and
  // say so rather than leave the row out silently.
  const answer = (await res.json().catch(() => null)) as { errors?: { message: string }[] } | null;
  if (res.status !== 200 || !answer || answer.errors)
    console.error(
      `bench http: the GraphQL query failed (${res.status}): ${JSON.stringify(answer?.errors ?? answer)}`,
    );
  else
    targets.push({
      label: 'POST /graphql (a track with its transitions)',
      method: 'POST',
      path: '/graphql',
      body: gql,
    });
  return targets;
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
    const targets = await chooseTargets(songnodes.url);
    // Each route's bytes, served again by the bare server at the same path.
    const routes = [];
    for (const [i, t] of targets.entries()) {
      const res = await fetch(`${songnodes.url}${t.path}`, {
        method: t.method,
        ...(t.body ? { body: t.body, headers: { 'content-type': 'application/json', ...CSRF_HEADERS } } : {}),
      });
      if (res.status !== 200) throw new Error(`${t.label} answered ${res.status}: ${await res.text()}`);
      const bodyFile = join(dir, `body-${i}`);
      writeFileSync(bodyFile, Buffer.from(await res.arrayBuffer()));
      routes.push({
        method: t.method,
        path: t.path.split('?')[0],
        bodyFile,
        contentType: res.headers.get('content-type') ?? 'application/json',
      });
    }
    writeFileSync(join(dir, 'routes.json'), JSON.stringify(routes));
    bare = await startBare(join(dir, 'routes.json'));

    for (const t of targets) {
      const pair = [
        { label: `bare Fastify route, same bytes as ${t.label}`, url: `${bare.url}${t.path}` },
        { label: `${t.label} (songnodes start)`, url: `${songnodes.url}${t.path}` },
      ];
      // Writes as the local owner carry the CSRF header, as the web app's do.
      const load = {
        duration,
        connections: CONNECTIONS,
        method: t.method,
        body: t.body,
        headers: t.method === 'POST' ? { ...CSRF_HEADERS } : undefined,
      };
      // One short warm-up each (JIT, connection pools, caches), not counted.
      for (const p of pair) await httpBench({ ...load, url: p.url, duration: 1 });
      const results: HttpBenchResult[][] = [[], []];
      // Alternating runs, so a burst of load from others on the machine hits both alike.
      for (let i = 0; i < ctx.runs; i++) {
        for (const [k, p] of pair.entries()) {
          const r = await httpBench({ ...load, url: p.url });
          if (r.errors || r.non2xx)
            section.notes.push(`${p.label} run ${i + 1}: ${r.errors} errors, ${r.non2xx} non-2xx responses`);
          ctx.log(
            `http: ${p.label} run ${i + 1}/${ctx.runs}: ${Math.round(r.requestsPerSecond)} req/s, p99 ${r.latencyP99Ms} ms`,
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
          label: `${pair[0]!.label}: ${name}`,
          short: 'bare route',
          unit,
          better,
          runs: metric(0, what),
        });
        const route = measurement(
          { section: 'http', label: `${pair[1]!.label}: ${name}`, unit, better, runs: metric(1, what) },
          { baseline: base },
        );
        section.measurements.push(base, route);
      }
    }
    await authCost(ctx, section, songnodes.url, duration);
    section.notes.push(
      `autocannon in its own process, ${CONNECTIONS} connections, ${duration} s per run, runs alternating between the two servers; songnodes start with its demo data (${sets} generated sets), default log level (info: each request is logged at debug, so not here)`,
      'graph reads repeat one URL: after the first they are answered from the per-graph-version cache, which keeps the encoded bytes and the ETag (as repeated reads are in use; every graph read — neighbours, played-after/before, subgraph, rankings, communities, layout — takes that path); search, the planner and GraphQL compute every answer',
      'autocannon records latency in whole milliseconds: 0 means under 1 ms, and no ratio is given against a 0 ms baseline',
      "the servers and autocannon share the machine's cores with each other (and with other engineers' work)",
      'before the request-path changes of 11-30 (85a50a9) the cached neighbours read was 0.18× the bare route (10,914 vs 61,021 req/s) and stats 0.22×; where the time went and what changed: docs/http-hot-path.md',
    );
  } finally {
    if (bare) await stopChild(bare.child);
    await songnodes?.stop();
    removeFolder(dir);
  }
  return section;
}

/**
 * What the auth check costs per request: one read route (GET /api/v1/stats, answered from a
 * one-second cache, so the check is a visible part of it) without credentials (the local owner: no
 * verification, no rate limit), with an access token (verified once, then remembered until it
 * expires; the user's budget counted) and with an API key (read from the database at most every 5 s;
 * budget counted), alternating in one run.
 */
async function authCost(ctx: SuiteContext, section: SectionResult, url: string, duration: number) {
  const post = async (path: string, body: unknown, headers: Record<string, string> = {}) => {
    const res = await fetch(`${url}/api/v1${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...CSRF_HEADERS, ...headers },
      body: JSON.stringify(body),
    });
    if (!res.ok) throw new Error(`POST ${path} answered ${res.status}: ${await res.text()}`);
    return (await res.json()) as Record<string, unknown>;
  };
  // The first admin, made from this machine as `npm start` offers; then a read-only key of theirs.
  const session = await post('/auth/setup', { email: 'bench@example.org', password: 'bench password 1' });
  const token = String(session.accessToken);
  const key = await post(
    '/account/api-keys',
    { name: 'bench', permissions: ['read:graph'] },
    { authorization: `Bearer ${token}` },
  );
  const path = '/api/v1/stats';
  const variants: { label: string; short?: string; headers: Record<string, string> }[] = [
    { label: `GET ${path}, no credentials (local owner)`, short: 'no credentials', headers: {} },
    {
      label: `GET ${path}, Bearer access token (verified once, budget counted)`,
      headers: { authorization: `Bearer ${token}` },
    },
    {
      label: `GET ${path}, X-API-Key (checked key kept 5 s, budget counted)`,
      headers: { 'x-api-key': String(key.key) },
    },
  ];
  const load = { url: `${url}${path}`, duration, connections: CONNECTIONS };
  for (const v of variants) await httpBench({ ...load, headers: v.headers, duration: 1 });
  const results: HttpBenchResult[][] = variants.map(() => []);
  for (let i = 0; i < ctx.runs; i++)
    for (const [k, v] of variants.entries()) {
      const r = await httpBench({ ...load, headers: v.headers });
      if (r.errors || r.non2xx)
        section.notes.push(`${v.label} run ${i + 1}: ${r.errors} errors, ${r.non2xx} non-2xx responses`);
      ctx.log(
        `http: ${v.label} run ${i + 1}/${ctx.runs}: ${Math.round(r.requestsPerSecond)} req/s, p99 ${r.latencyP99Ms} ms`,
      );
      results[k]!.push(r);
    }
  for (const [what, unit, better, name] of [
    ['requestsPerSecond', 'req/s', 'higher', 'throughput'],
    ['latencyP50Ms', 'ms', 'lower', 'latency p50'],
    ['latencyP99Ms', 'ms', 'lower', 'latency p99'],
  ] as const) {
    const runs = (k: number) => results[k]!.map((r) => r[what]);
    const base = measurement({
      section: 'http',
      label: `${variants[0]!.label}: ${name}`,
      short: variants[0]!.short,
      unit,
      better,
      runs: runs(0),
    });
    section.measurements.push(base);
    for (const k of [1, 2])
      section.measurements.push(
        measurement(
          { section: 'http', label: `${variants[k]!.label}: ${name}`, unit, better, runs: runs(k) },
          { baseline: base },
        ),
      );
  }
  section.notes.push(
    'auth cost: the same read without credentials (local owner), with a Bearer access token and with an API key, runs alternating; the difference in throughput is what the auth check (and the rate-limit count it brings) costs per request',
  );
}
