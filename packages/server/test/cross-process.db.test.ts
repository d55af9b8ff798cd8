// The scale-out recipe on one PostgreSQL server: `songnodes migrate` (a real process) on a fresh
// database, then two `api` roles and one `worker`. An upload to api A is imported by the worker; the
// graph change and the job's progress reach api B's in-memory graph and its WebSocket through
// PostgreSQL LISTEN/NOTIFY. A worker serves health and metrics only.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engine, noServer, type TestDatabase, testDatabase } from '../../../test/db.ts';
import { loadConfig, type Running, runRole } from '../src/index.ts';
import { CSRF } from './local-owner.ts';

const CLI = fileURLToPath(new URL('../../cli/src/main.ts', import.meta.url));

const cleanEnv = () =>
  Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^(SONGNODES_|DATABASE_URL|PORT)/.test(k)));

const until = async (what: string, check: () => Promise<boolean>, ms = 30_000) => {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`timed out waiting for ${what}`);
};

describe.runIf(engine === 'postgres' && !noServer)('api ×2 + worker on one PostgreSQL server', () => {
  let t: TestDatabase;
  let dir: string;
  const roles: Running[] = [];
  beforeAll(async () => {
    t = await testDatabase({ migrate: false });
    dir = mkdtempSync(join(tmpdir(), 'songnodes-scale-'));
    const migrated = spawnSync(process.execPath, [CLI, 'migrate'], {
      env: { ...cleanEnv(), DATABASE_URL: t.url!, LOG_LEVEL: 'warn' },
      encoding: 'utf8',
    });
    expect(migrated.stderr).toBe('');
    expect(migrated.status).toBe(0);
    expect(migrated.stdout).toMatch(/schema up to date/);
    const config = loadConfig({
      PORT: '0',
      DATABASE_URL: t.url!,
      SONGNODES_DATA_DIR: dir,
      LOG_LEVEL: 'silent',
    });
    roles.push(await runRole('api', config));
    roles.push(await runRole('api', config));
    roles.push(await runRole('worker', config));
  });
  afterAll(async () => {
    for (const r of roles.reverse()) await r.stop().catch(() => {});
    await t?.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('an import run by the worker reaches the graph and the sockets of both api processes', async () => {
    const [a, b, worker] = roles as [Running, Running, Running];
    const ws = new WebSocket(`${b.url.replace('http', 'ws')}/api/v1/events`);
    const seen: { type: string; job?: { jobId: string; state: string } }[] = [];
    ws.onmessage = (m) => seen.push(JSON.parse(String(m.data)));
    await new Promise((r, j) => {
      ws.onopen = r;
      ws.onerror = j;
    });
    const upload = await fetch(`${a.url}/api/v1/imports?filename=set.txt`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain', ...CSRF },
      body: '01. Kay Loom - Sundial\n02. Mira Vale - Tide\n03. Ora - Drift\n',
    });
    expect(upload.status).toBe(202);
    const { jobId } = (await upload.json()) as { jobId: string };
    await until('the job to complete on api B’s socket', async () =>
      seen.some((m) => m.job?.jobId === jobId && m.job.state === 'completed'),
    );
    expect(seen.some((m) => m.type === 'graph.changed')).toBe(true);
    ws.close();
    for (const api of [a, b])
      await until(`${api.url} to hold the new transitions`, async () => {
        const r = await fetch(
          `${api.url}/api/v1/tracks/${encodeURIComponent('Kay Loom - Sundial')}/played-after`,
        );
        if (r.status !== 200) return false;
        const body = (await r.json()) as { transitions: unknown[] };
        return body.transitions.length === 1;
      });
    // A merge made from the command line reaches both api processes' graphs too.
    const idOf = async (name: string) =>
      (
        (await (await fetch(`${a.url}/api/v1/search?q=${encodeURIComponent(name)}`)).json()) as {
          tracks: { id: number; title: string }[];
        }
      ).tracks.find((t) => name.endsWith(t.title))!.id;
    const tide = await idOf('Mira Vale - Tide');
    const drift = await idOf('Ora - Drift');
    const merged = spawnSync(process.execPath, [CLI, 'dedupe', 'merge', String(drift), String(tide)], {
      env: { ...cleanEnv(), DATABASE_URL: t.url!, LOG_LEVEL: 'warn' },
      encoding: 'utf8',
    });
    expect(merged.stderr).toBe('');
    expect(merged.status).toBe(0);
    for (const api of [a, b])
      await until(`${api.url} to see the merge`, async () => {
        const r = await fetch(
          `${api.url}/api/v1/tracks/${encodeURIComponent('Kay Loom - Sundial')}/played-after`,
        );
        const body = (await r.json()) as { transitions: { to: number }[] };
        return body.transitions.length === 1 && body.transitions[0]!.to === drift;
      });

    // The worker serves health and metrics, and nothing of the API.
    expect((await fetch(`${worker.url}/health/live`)).status).toBe(200);
    expect((await fetch(`${worker.url}/metrics`)).status).toBe(200);
    for (const path of ['/api/v1/stats', '/api/v1/events', '/api/v1/imports', '/'])
      expect((await fetch(`${worker.url}${path}`)).status, path).toBe(404);
  });
});
