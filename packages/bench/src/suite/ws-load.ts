// The WebSocket load generator, in its own process so its memory and CPU are not the server's:
// opens N connections to /ws, subscribes M of them to the rooms of one job, and measures how long each
// of that job's progress messages took from the server stamping it to a client reading it.
//   node ws-load.ts --url ws://127.0.0.1:PORT/ws --connections N --subscribers M
// Prints {"ready": N} once connected; then reads a job id from stdin, subscribes, waits for the job to
// finish, and prints the latencies as the last JSON line.
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';

const { values } = parseArgs({
  options: { url: { type: 'string' }, connections: { type: 'string' }, subscribers: { type: 'string' } },
});
const url = values.url!;
if (!/^ws:\/\/(127\.0\.0\.1|localhost)[:/]/.test(url)) throw new Error('ws-load: loopback URLs only');
const n = Number(values.connections);
const m = Number(values.subscribers);

const sockets: WebSocket[] = [];
const latencies: number[] = [];
let completed = 0;
const open = (): Promise<WebSocket> =>
  new Promise((resolve, reject) => {
    const ws = new WebSocket(url);
    ws.onopen = () => resolve(ws);
    ws.onerror = () => reject(new Error('connection failed'));
  });
// In batches, so the listen backlog is not flooded.
for (let i = 0; i < n; i += 200)
  sockets.push(...(await Promise.all(Array.from({ length: Math.min(200, n - i) }, open))));
process.stdout.write(`${JSON.stringify({ ready: sockets.length })}\n`);

const jobId = await new Promise<string>((resolve) => {
  createInterface({ input: process.stdin }).once('line', (l) => resolve(l.trim()));
});
const done = new Promise<void>((resolve) => {
  for (const [i, ws] of sockets.slice(0, m).entries()) {
    ws.onmessage = (e) => {
      const msg = JSON.parse(String(e.data)) as { type: string; job?: { state: string; updatedAt: string } };
      if (msg.type !== 'job.progress' || !msg.job) return;
      latencies.push(Date.now() - Date.parse(msg.job.updatedAt));
      if (msg.job.state === 'completed' || msg.job.state === 'failed') {
        completed++;
        if (completed === m) resolve();
      }
    };
    ws.send(JSON.stringify({ v: 1, id: i, type: 'subscribe', room: `job:${jobId}` }));
  }
});
await Promise.race([done, new Promise((r) => setTimeout(r, 10 * 60_000))]);
latencies.sort((a, b) => a - b);
const at = (q: number) => latencies[Math.max(0, Math.ceil(q * latencies.length) - 1)] ?? null;
process.stdout.write(
  `${JSON.stringify({ connections: sockets.length, subscribers: m, messages: latencies.length, completed, p50: at(0.5), p95: at(0.95), p99: at(0.99) })}\n`,
);
for (const ws of sockets) ws.close();
process.exit(0);
