// The PostgreSQL server the suite measures: BENCH_DATABASE_URL / TEST_DATABASE_URL when given, otherwise a
// throwaway cluster started the way test/postgres-server.ts starts one (temp folder, trust auth, fsync
// off, run as `postgres` when we are root). Every run gets a fresh database, dropped afterwards.
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, readdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import pg from 'pg';
import { removeFolder, spawnTracked, stopChild, tempFolder } from './resources.ts';

// /usr/sbin is not on every PATH (CI runs with the machine's plain environment).
const RUNUSER =
  ['/usr/sbin/runuser', '/sbin/runuser', '/usr/bin/runuser'].find((p) => existsSync(p)) ?? 'runuser';

export interface BenchPostgres {
  /** Where the server came from, for the notes. */
  origin: string;
  version: string;
  /** A new empty database on the server; drop() removes it. */
  freshDatabase(): Promise<{ url: string; drop(): Promise<void> }>;
  stop(): Promise<void>;
}

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

export const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const a = s.address();
      s.close(() => (typeof a === 'object' && a ? resolve(a.port) : reject(new Error('no free port'))));
    });
  });

async function adminQuery(url: string, sql: string): Promise<pg.QueryResult> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return await c.query(sql);
  } finally {
    await c.end();
  }
}

function onServer(url: string, origin: string, version: string, stop: () => Promise<void>): BenchPostgres {
  return {
    origin,
    version,
    async freshDatabase() {
      const name = `songnodes_bench_${randomBytes(5).toString('hex')}`;
      await adminQuery(url, `CREATE DATABASE ${name}`);
      const u = new URL(url);
      u.pathname = `/${name}`;
      return {
        url: u.toString(),
        drop: async () => {
          await adminQuery(url, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        },
      };
    },
    stop,
  };
}

async function waitForServer(url: string, port: number): Promise<string> {
  for (let i = 0; ; i++) {
    try {
      return String((await adminQuery(url, 'SHOW server_version')).rows[0]?.server_version);
    } catch (e) {
      if (i > 150) throw new Error(`PostgreSQL did not start on port ${port}: ${String(e)}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }
}

/** The server to measure, or why there is none. */
export async function openBenchPostgres(): Promise<BenchPostgres | { skipped: string }> {
  const given = process.env.BENCH_DATABASE_URL || process.env.TEST_DATABASE_URL;
  if (given) {
    const version = String((await adminQuery(given, 'SHOW server_version')).rows[0]?.server_version);
    return onServer(given, 'the server at BENCH_DATABASE_URL/TEST_DATABASE_URL', version, async () => {});
  }
  const bin = findPgBin();
  if (!bin)
    return { skipped: 'no PostgreSQL: BENCH_DATABASE_URL/TEST_DATABASE_URL unset and no initdb installed' };
  const dir = tempFolder('pg');
  const data = join(dir, 'data');
  // PostgreSQL refuses to run as root: run it as `postgres`, the owner of the temp folder.
  const user = process.getuid?.() === 0 ? 'postgres' : undefined;
  const as = (cmd: string, args: string[]): [string, string[]] =>
    user ? [RUNUSER, ['-u', user, '--', cmd, ...args]] : [cmd, args];
  if (user) execFileSync('chown', ['-R', `${user}:`, dir]);
  execFileSync(
    ...as(join(bin, 'initdb'), ['-D', data, '-U', 'songnodes', '--auth=trust', '-E', 'UTF8', '--no-sync']),
    {
      stdio: 'ignore',
    },
  );
  const port = await freePort();
  const server = spawnTracked(
    ...as(join(bin, 'postgres'), [
      '-D',
      data,
      '-p',
      String(port),
      '-k',
      dir,
      '-c',
      'listen_addresses=127.0.0.1',
      '-c',
      'fsync=off',
      '-c',
      'synchronous_commit=off',
      '-c',
      'full_page_writes=off',
    ]),
    { stdio: 'ignore' },
  );
  const url = `postgres://songnodes@127.0.0.1:${port}/postgres`;
  try {
    const version = await waitForServer(url, port);
    return onServer(url, `a throwaway cluster (${bin}, fsync off)`, version, async () => {
      // SIGINT is PostgreSQL's fast shutdown.
      await stopChild(server, 'SIGINT');
      removeFolder(dir);
    });
  } catch (e) {
    await stopChild(server, 'SIGINT');
    removeFolder(dir);
    throw e;
  }
}
