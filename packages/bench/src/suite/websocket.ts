// WebSocket section: one `songnodes start` (embedded database) holding 5,000 idle connections on /ws,
// 1,000 of them subscribed to a busy import's job room (issue 14's load; both profiles, the full one
// with a larger import). Reports the server's memory per connection, its resident memory while the
// import's progress fans out, and the latency of progress messages (from the server stamping one to a
// client reading it; both on this machine's clock).
import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import type { SuiteContext } from './context.ts';
import { writeGeneratedFile } from './ingest.ts';
import { measurement } from './measurement.ts';
import { removeFolder, spawnTracked, stopChild, tempFolder } from './resources.ts';
import type { SectionResult } from './results.ts';
import { CSRF_HEADERS, residentBytes, startSongnodes } from './songnodes-process.ts';

const KB = 1024;

/** The server's JavaScript heap in use (from its /metrics) and its resident set. */
async function memory(url: string, pid: number): Promise<{ heap: number; rss: number }> {
  const text = await (await fetch(`${url}/metrics`)).text();
  const heap = Number(/^songnodes_nodejs_heap_size_used_bytes (\d+)/m.exec(text)?.[1] ?? Number.NaN);
  return { heap, rss: residentBytes(pid) };
}

/** The soft limit on open files of this process (and so of the children it starts); null off Linux. */
export function openFilesLimit(limits = '/proc/self/limits'): number | null {
  try {
    const m = /^Max open files\s+(\d+|unlimited)/m.exec(readFileSync(limits, 'utf8'));
    if (!m) return null;
    return m[1] === 'unlimited' ? Number.POSITIVE_INFINITY : Number(m[1]);
  } catch {
    return null;
  }
}

export async function websocketSection(ctx: SuiteContext): Promise<SectionResult> {
  const section: SectionResult = {
    id: 'websocket',
    title: 'WebSocket (/ws, embedded database)',
    measurements: [],
    notes: [],
  };
  const full = ctx.profile === 'full';
  // Opening 5,000 sockets takes a few seconds: the profiles differ in the import's size only.
  const n = 5000;
  const m = 1000;
  // Each connection is a file descriptor in the server and one in the load generator; with the
  // common default of 1,024 the sockets would fail part-way with EMFILE.
  const fds = openFilesLimit();
  if (fds !== null && fds < n + 1000)
    throw new Error(
      `the open-files limit is ${fds}: ${n} WebSocket connections need at least ${n + 1000} (run \`ulimit -n ${n * 2}\` in this shell first)`,
    );
  const dir = tempFolder('ws');
  try {
    const file = join(dir, 'import.ndjson');
    const entries = await writeGeneratedFile(file, full ? 2000 : 500);
    const perConnection: number[] = [];
    const perConnectionRss: number[] = [];
    const idleRss: number[] = [];
    const peakRss: number[] = [];
    const p50: number[] = [];
    const p95: number[] = [];
    const p99: number[] = [];
    for (let run = 0; run < ctx.runs; run++) {
      const p = await startSongnodes({ dataDir: join(dir, `data-${run}`), demo: false });
      try {
        await new Promise((r) => setTimeout(r, 3000));
        const before = await memory(p.url, p.child.pid!);
        const script = fileURLToPath(new URL('./ws-load.ts', import.meta.url));
        const load = spawnTracked(
          process.execPath,
          [
            script,
            '--url',
            `${p.url.replace('http', 'ws')}/ws`,
            '--connections',
            String(n),
            '--subscribers',
            String(m),
          ],
          { stdio: ['pipe', 'pipe', 'inherit'] },
        );
        const lines = createInterface({ input: load.stdout! });
        const next = async () =>
          JSON.parse(((await once(lines, 'line')) as [string])[0]) as Record<string, number>;
        const ready = await next();
        await new Promise((r) => setTimeout(r, 2000));
        const idle = await memory(p.url, p.child.pid!);
        perConnection.push((idle.heap - before.heap) / KB / ready.ready!);
        perConnectionRss.push((idle.rss - before.rss) / KB / ready.ready!);
        idleRss.push(idle.rss / KB / KB);
        const res = await fetch(`${p.url}/api/v1/imports?filename=bench.ndjson`, {
          method: 'POST',
          headers: CSRF_HEADERS,
          body: readFileSync(file),
        });
        const { jobId } = (await res.json()) as { jobId: string };
        load.stdin!.write(`${jobId}\n`);
        // Bounded memory: the server's resident set, sampled while the progress fans out.
        let peak = idle.rss;
        const sampler = setInterval(() => {
          try {
            peak = Math.max(peak, residentBytes(p.child.pid!));
          } catch {
            // The process ended: the run fails below.
          }
        }, 200);
        const result = await next().finally(() => clearInterval(sampler));
        peakRss.push(peak / KB / KB);
        await stopChild(load);
        if (result.completed !== m)
          section.notes.push(`run ${run + 1}: ${result.completed} of ${m} subscribers saw the job end`);
        p50.push(result.p50!);
        p95.push(result.p95!);
        p99.push(result.p99!);
        ctx.log(
          `websocket: run ${run + 1}/${ctx.runs}: ${ready.ready} connections, ${perConnection.at(-1)!.toFixed(1)} KB heap, ${perConnectionRss.at(-1)!.toFixed(1)} KB RSS each; RSS ${idleRss.at(-1)!.toFixed(0)} MB idle, ${peakRss.at(-1)!.toFixed(0)} MB at most during the import; ${result.messages} messages to ${m} subscribers, p50 ${result.p50} ms, p95 ${result.p95} ms, p99 ${result.p99} ms`,
        );
      } finally {
        await p.stop();
      }
    }
    section.measurements.push(
      measurement({
        section: 'websocket',
        label: `${n} idle connections: server JavaScript heap per connection`,
        unit: 'KB',
        better: 'lower',
        runs: perConnection,
      }),
      measurement({
        section: 'websocket',
        label: `${n} idle connections: server resident memory (whole process)`,
        unit: 'MB',
        better: 'lower',
        runs: idleRss,
      }),
      measurement({
        section: 'websocket',
        label: `${n} connections, ${m} subscribers of a busy import: server resident memory at most`,
        unit: 'MB',
        better: 'lower',
        runs: peakRss,
      }),
      measurement({
        section: 'websocket',
        label: `${m} subscribers of a busy import: message latency p50`,
        unit: 'ms',
        better: 'lower',
        runs: p50,
      }),
      measurement({
        section: 'websocket',
        label: `${m} subscribers of a busy import: message latency p95`,
        unit: 'ms',
        better: 'lower',
        runs: p95,
      }),
      measurement({
        section: 'websocket',
        label: `${m} subscribers of a busy import: message latency p99`,
        unit: 'ms',
        better: 'lower',
        runs: p99,
      }),
    );
    section.notes.push(
      `connections opened by a separate process (ws-load.ts); memory = growth of the server's JavaScript heap in use (its /metrics) and of its VmRSS, from before the connections to 2 s after (no forced GC: the heap figure includes garbage not yet collected; the VmRSS difference moves with the collector and is only logged); resident memory at most = the highest VmRSS sampled every 200 ms while the import ran; the import is ${entries.toLocaleString('en-US')} generated entries uploaded through POST /api/v1/imports; latency = client receive time − the progress record's updatedAt (same machine clock, millisecond resolution)`,
    );
  } finally {
    removeFolder(dir);
  }
  return section;
}
