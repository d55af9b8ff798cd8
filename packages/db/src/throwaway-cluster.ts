// A throwaway PostgreSQL server for the test suites and the benchmarks: a temp folder, trust auth on
// loopback, fsync off, run as `postgres` when we are root (PostgreSQL refuses root). Dev tooling only.
import { type ChildProcess, execFileSync, type SpawnOptions, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';

// /usr/sbin is not on every PATH (CI runs with the machine's plain environment).
const RUNUSER =
  ['/usr/sbin/runuser', '/sbin/runuser', '/usr/bin/runuser'].find((p) => existsSync(p)) ?? 'runuser';

/** PostgreSQL's server binaries: PG_BIN, or the newest /usr/lib/postgresql/<v>/bin (Debian). */
export function findPgBin(): string | null {
  const fromEnv = process.env.PG_BIN;
  if (fromEnv && existsSync(join(fromEnv, 'initdb'))) return fromEnv;
  const base = '/usr/lib/postgresql';
  if (!existsSync(base)) return null;
  const versions = readdirSync(base)
    .filter((v) => existsSync(join(base, v, 'bin', 'initdb')))
    .sort((a, b) => Number(b) - Number(a));
  return versions[0] ? join(base, versions[0], 'bin') : null;
}

/** A free TCP port on loopback (asked of the OS, then released). */
export const freePort = (): Promise<number> =>
  new Promise<number>((resolve, reject) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const a = s.address();
      s.close(() => (typeof a === 'object' && a ? resolve(a.port) : reject(new Error('no free port'))));
    });
  });

export interface ThrowawayCluster {
  /** postgres://songnodes@127.0.0.1:<port>/postgres */
  url: string;
  version: string;
  bin: string;
  stop(): Promise<void>;
}

export interface ClusterOptions {
  /** How to start the server process (the bench suite tracks its children). Must start a process group. */
  spawn?: (command: string, args: string[], opts: SpawnOptions) => ChildProcess;
  /** Folder to hold the cluster; a new temp folder when omitted. Removed on stop. */
  dir?: string;
}

export async function startThrowawayCluster(
  bin: string,
  opts: ClusterOptions = {},
): Promise<ThrowawayCluster> {
  const dir = opts.dir ?? mkdtempSync(join(tmpdir(), 'songnodes-pg-'));
  const data = join(dir, 'data');
  const user = process.getuid?.() === 0 ? 'postgres' : undefined;
  const as = (cmd: string, args: string[]): [string, string[]] =>
    user ? [RUNUSER, ['-u', user, '--', cmd, ...args]] : [cmd, args];
  if (user) execFileSync('chown', ['-R', `${user}:`, dir]);
  execFileSync(
    ...as(join(bin, 'initdb'), ['-D', data, '-U', 'songnodes', '--auth=trust', '-E', 'UTF8', '--no-sync']),
    { stdio: 'ignore' },
  );
  const port = await freePort();
  const settings = [
    'listen_addresses=127.0.0.1',
    'fsync=off',
    'synchronous_commit=off',
    'full_page_writes=off',
  ];
  const [cmd, args] = as(join(bin, 'postgres'), [
    '-D',
    data,
    '-p',
    String(port),
    '-k',
    dir,
    ...settings.flatMap((s) => ['-c', s]),
  ]);
  // Its own process group: runuser does not pass signals on, so stop() signals the whole group.
  const server = (opts.spawn ?? spawn)(cmd, args, { stdio: 'ignore', detached: true });
  const stop = async () => {
    if (server.exitCode === null && server.signalCode === null && server.pid !== undefined) {
      const exited = new Promise((r) => server.once('exit', r));
      try {
        process.kill(-server.pid, 'SIGINT'); // fast shutdown
      } catch {
        // Already gone.
      }
      const kill = setTimeout(() => {
        try {
          process.kill(-server.pid!, 'SIGKILL');
        } catch {
          // Already gone.
        }
      }, 10_000);
      await exited;
      clearTimeout(kill);
    }
    rmSync(dir, { recursive: true, force: true });
  };
  const url = `postgres://songnodes@127.0.0.1:${port}/postgres`;
  for (let i = 0; ; i++) {
    const c = new pg.Client({ connectionString: url });
    try {
      await c.connect();
      const r = await c.query<{ server_version: string }>('SHOW server_version');
      await c.end();
      return { url, version: r.rows[0]!.server_version, bin, stop };
    } catch (e) {
      await c.end().catch(() => {});
      if (i > 150) {
        await stop();
        throw new Error(`PostgreSQL did not start on port ${port}: ${String(e)}`);
      }
      await new Promise((r) => setTimeout(r, 100));
    }
  }
}
