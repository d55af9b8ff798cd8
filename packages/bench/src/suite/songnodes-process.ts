// `songnodes start` as the suite runs it: a separate process on a data folder of its own, with the time
// from spawn until /health/ready answers 200, and its resident memory read from /proc.
import type { ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { freePort } from '@songnodes/db';
import { spawnTracked, stopChild } from './resources.ts';

const CLI = fileURLToPath(new URL('../../../cli/src/main.ts', import.meta.url));

/**
 * The suite is the laptop's owner (local mode on loopback, as `npm start`): its writes carry the CSRF
 * header the web app sends (docs/security.md).
 */
export const CSRF_HEADERS = { 'x-songnodes-csrf': '1' } as const;

export interface SongnodesProcess {
  child: ChildProcess;
  url: string;
  /** Milliseconds from spawn until /health/ready answered 200. */
  readyMs: number;
  stop(): Promise<void>;
}

/** Resident memory of a process now (VmRSS), in bytes; Linux only. */
export function residentBytes(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = /^VmRSS:\s+(\d+)\s+kB/m.exec(status)?.[1];
  if (!kb) throw new Error(`no VmRSS in /proc/${pid}/status`);
  return Number(kb) * 1024;
}

export async function startSongnodes(opts: {
  dataDir: string;
  demo: boolean;
  demoSets?: number;
  timeoutMs?: number;
  /** Serve this PostgreSQL database instead of the embedded one (the search section measures both). */
  databaseUrl?: string;
}): Promise<SongnodesProcess> {
  const port = await freePort();
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(port),
    HOST: '127.0.0.1',
    SONGNODES_DATA_DIR: opts.dataDir,
    SONGNODES_DEMO: String(opts.demo),
    NODE_ENV: 'production',
    // Production needs a signing key; local mode keeps the loopback owner free of sign-in and of
    // rate limits, as on a laptop; a signed-in admin (the http section's auth-cost rows) gets a budget
    // no benchmark reaches, so what is measured is the counting, not refusals.
    SONGNODES_AUTH: 'local',
    SONGNODES_JWT_SECRET: randomBytes(48).toString('base64url'),
    RATE_LIMIT_ADMIN: '1000000000',
  };
  if (opts.demoSets) env.SONGNODES_DEMO_SETS = String(opts.demoSets);
  // The embedded database is what is measured: a DATABASE_URL from the caller's shell must not leak in.
  delete env.DATABASE_URL;
  if (opts.databaseUrl) env.DATABASE_URL = opts.databaseUrl;
  mkdirSync(opts.dataDir, { recursive: true });
  const started = performance.now();
  // cwd = the data folder, so no .env of the caller's checkout is read.
  const child = spawnTracked(process.execPath, [CLI, 'start'], {
    cwd: opts.dataDir,
    env,
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  let spawnError: Error | undefined;
  child.once('error', (e) => {
    spawnError = e;
  });
  child.stderr?.setEncoding('utf8').on('data', (d: string) => {
    stderr = (stderr + d).slice(-4000);
  });
  const url = `http://127.0.0.1:${port}`;
  const deadline = started + (opts.timeoutMs ?? 300_000);
  try {
    for (;;) {
      if (spawnError) throw new Error(`songnodes start could not be spawned: ${spawnError.message}`);
      if (child.exitCode !== null || child.signalCode !== null)
        throw new Error(
          `songnodes start exited (${child.exitCode ?? child.signalCode}) before ready: ${stderr.trim()}`,
        );
      if (performance.now() > deadline)
        throw new Error(`songnodes start not ready after ${opts.timeoutMs ?? 300_000} ms`);
      const status = await fetch(`${url}/health/ready`).then(
        (r) => r.status,
        () => 0,
      );
      if (status === 200) break;
      await new Promise((r) => setTimeout(r, 20));
    }
  } catch (e) {
    await stopChild(child);
    throw e;
  }
  const readyMs = performance.now() - started;
  return { child, url, readyMs, stop: () => stopChild(child, 'SIGTERM', 20_000) };
}
