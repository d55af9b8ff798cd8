// The HTTP harness: autocannon in a separate process (so the load generator's work is not counted in the
// server's process), loopback only, for a bounded duration. Later issues plug their routes in by calling
// httpBench with their URL.
import { createRequire } from 'node:module';
import { spawnTracked, stopChild } from './resources.ts';

export interface HttpBenchOptions {
  url: string;
  /** Seconds. */
  duration: number;
  connections: number;
  /** GET unless given; a POST sends `body` as JSON. */
  method?: 'GET' | 'POST';
  body?: string;
  /** Sent with every request (`authorization`, `x-api-key`, the CSRF header). */
  headers?: Record<string, string>;
}

export interface HttpBenchResult {
  requestsPerSecond: number;
  latencyP50Ms: number;
  latencyP99Ms: number;
  requests: number;
  /** Connection errors and timeouts. */
  errors: number;
  /** Responses other than 2xx. */
  non2xx: number;
}

const AUTOCANNON = createRequire(import.meta.url).resolve('autocannon');

/** Only loopback: the harness must never load a host on the network. */
export function assertLoopback(url: string): void {
  const host = new URL(url).hostname;
  if (!['127.0.0.1', 'localhost', '[::1]', '::1'].includes(host))
    throw new Error(`httpBench: ${url} is not a loopback address`);
}

/** The figures of autocannon's --json report. */
export function readAutocannonReport(json: string): HttpBenchResult {
  const r = JSON.parse(json) as {
    requests: { average: number; total: number };
    latency: { p50: number; p99: number };
    errors: number;
    timeouts: number;
    non2xx: number;
  };
  return {
    requestsPerSecond: r.requests.average,
    latencyP50Ms: r.latency.p50,
    latencyP99Ms: r.latency.p99,
    requests: r.requests.total,
    errors: r.errors + r.timeouts,
    non2xx: r.non2xx,
  };
}

export async function httpBench(opts: HttpBenchOptions): Promise<HttpBenchResult> {
  assertLoopback(opts.url);
  const child = spawnTracked(
    process.execPath,
    [
      AUTOCANNON,
      '--json',
      '--connections',
      String(opts.connections),
      '--duration',
      String(opts.duration),
      ...(opts.method === 'POST'
        ? ['--method', 'POST', '--headers', 'content-type=application/json', '--body', opts.body ?? '{}']
        : []),
      ...Object.entries(opts.headers ?? {}).flatMap(([k, v]) => ['--headers', `${k}=${v}`]),
      opts.url,
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let out = '';
  let err = '';
  child.stdout?.setEncoding('utf8').on('data', (d: string) => {
    out += d;
  });
  child.stderr?.setEncoding('utf8').on('data', (d: string) => {
    err = (err + d).slice(-2000);
  });
  // autocannon ends on its own after `duration`; the guard only catches a hung load generator.
  const guard = setTimeout(() => void stopChild(child), (opts.duration + 30) * 1000);
  const code = await new Promise<number | null>((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', resolve);
  });
  clearTimeout(guard);
  if (code !== 0) throw new Error(`autocannon failed (exit ${code}): ${err.trim()}`);
  return readAutocannonReport(out);
}
