// WebSocket section: one `songnodes start` (embedded database) holding N idle connections on /ws
// (quick 1,000, full 5,000), M of them (quick 200, full 1,000) subscribed to a busy import's job
// room. Reports the server's resident memory per connection and the latency of progress messages
// (from the server stamping one to a client reading it; both on this machine's clock).
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

export async function websocketSection(ctx: SuiteContext): Promise<SectionResult> {
  const section: SectionResult = {
    id: 'websocket',
    title: 'WebSocket (/ws, embedded database)',
    measurements: [],
    notes: [],
  };
  const full = ctx.profile === 'full';
  const n = full ? 5000 : 1000;
  const m = full ? 1000 : 200;
  const dir = tempFolder('ws');
  try {
    const file = join(dir, 'import.ndjson');
    const entries = await writeGeneratedFile(file, full ? 2000 : 500);
    const perConnection: number[] = [];
    const perConnectionRss: number[] = [];
    const p50: number[] = [];
    const p95: number[] = [];
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
        const res = await fetch(`${p.url}/api/v1/imports?filename=bench.ndjson`, {
          method: 'POST',
          headers: CSRF_HEADERS,
          body: readFileSync(file),
        });
        const { jobId } = (await res.json()) as { jobId: string };
        load.stdin!.write(`${jobId}\n`);
        const result = await next();
        await stopChild(load);
        if (result.completed !== m)
          section.notes.push(`run ${run + 1}: ${result.completed} of ${m} subscribers saw the job end`);
        p50.push(result.p50!);
        p95.push(result.p95!);
        ctx.log(
          `websocket: run ${run + 1}/${ctx.runs}: ${ready.ready} connections, ${perConnection.at(-1)!.toFixed(1)} KB heap, ${perConnectionRss.at(-1)!.toFixed(1)} KB RSS each; ${result.messages} messages to ${m} subscribers, p50 ${result.p50} ms, p95 ${result.p95} ms`,
        );
      } finally {
        await p.stop();
      }
    }
    section.measurements.push(
      measurement({
        section: 'websocket',
        label: `${n} idle connections: server memory per connection`,
        unit: 'KB',
        better: 'lower',
        runs: perConnection,
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
    );
    section.notes.push(
      `connections opened by a separate process (ws-load.ts); memory = growth of the server's JavaScript heap in use (its /metrics) and of its VmRSS, from before the connections to 2 s after (no forced GC: the heap figure includes garbage not yet collected); the import is ${entries.toLocaleString('en-US')} generated entries uploaded through POST /api/v1/imports; latency = client receive time − the progress record's updatedAt (same machine clock, millisecond resolution)`,
    );
  } finally {
    removeFolder(dir);
  }
  return section;
}
