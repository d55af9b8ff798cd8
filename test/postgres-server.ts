// Vitest global setup for the `db-postgres` suite: a real PostgreSQL server.
// TEST_DATABASE_URL points at one if you have it; otherwise, when PostgreSQL's server binaries are
// installed (Debian: /usr/lib/postgresql/<v>/bin), a throwaway cluster is started in a temp folder.
// Without either the suite is skipped with a message — except under CI, where it must run.
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';

// /usr/sbin is not on every PATH (CI runs with the machine's plain environment).
const RUNUSER =
  ['/usr/sbin/runuser', '/sbin/runuser', '/usr/bin/runuser'].find((p) => existsSync(p)) ?? 'runuser';

function findPgBin(): string | null {
  const fromEnv = process.env.PG_BIN;
  if (fromEnv && existsSync(join(fromEnv, 'initdb'))) return fromEnv;
  const base = '/usr/lib/postgresql';
  if (!existsSync(base)) return null;
  const versions = readdirSync(base)
    .filter((v) => existsSync(join(base, v, 'bin', 'initdb')))
    .sort((a, b) => Number(b) - Number(a));
  return versions[0] ? join(base, versions[0], 'bin') : null;
}

const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const a = s.address();
      s.close(() => (typeof a === 'object' && a ? resolve(a.port) : reject(new Error('no port'))));
    });
  });

export default async function setup(project: TestProject) {
  if (process.env.TEST_DATABASE_URL) {
    project.provide('postgresUrl', process.env.TEST_DATABASE_URL);
    return;
  }
  const bin = findPgBin();
  if (!bin) {
    if (process.env.CI)
      throw new Error('CI needs PostgreSQL: set TEST_DATABASE_URL or install the server binaries');
    console.warn(
      'db-postgres: no PostgreSQL server found (TEST_DATABASE_URL unset, no initdb): suite skipped',
    );
    project.provide('postgresUrl', '');
    return;
  }
  const dir = mkdtempSync(join(tmpdir(), 'songnodes-pg-'));
  const data = join(dir, 'data');
  // PostgreSQL refuses to run as root: run it as the owner of the temp folder (postgres when root).
  const asRoot = process.getuid?.() === 0;
  const user = asRoot ? 'postgres' : undefined;
  const runAs = (cmd: string, args: string[]) =>
    user ? ([RUNUSER, ['-u', user, '--', cmd, ...args]] as const) : ([cmd, args] as const);
  if (user) execFileSync('chown', ['-R', `${user}:`, dir]);
  const [c1, a1] = runAs(join(bin, 'initdb'), [
    '-D',
    data,
    '-U',
    'songnodes',
    '--auth=trust',
    '-E',
    'UTF8',
    '--no-sync',
  ]);
  execFileSync(c1, [...a1], { stdio: 'ignore' });
  const port = await freePort();
  const [c2, a2] = runAs(join(bin, 'postgres'), [
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
  ]);
  const server = spawn(c2, [...a2], { stdio: 'ignore' });
  const url = `postgres://songnodes@127.0.0.1:${port}/postgres`;
  const pg = (await import('pg')).default;
  for (let i = 0; ; i++) {
    const c = new pg.Client({ connectionString: url });
    try {
      await c.connect();
      await c.end();
      break;
    } catch (e) {
      await c.end().catch(() => {});
      if (i > 100) throw new Error(`PostgreSQL did not start on port ${port}: ${String(e)}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  project.provide('postgresUrl', url);
  return async () => {
    // runuser does not pass signals on: stop the server through pg_ctl, which signals postgres itself.
    const [c3, a3] = runAs(join(bin, 'pg_ctl'), ['-D', data, '-m', 'immediate', '-w', '-t', '20', 'stop']);
    try {
      execFileSync(c3, [...a3], { stdio: 'ignore' });
    } catch {
      server.kill('SIGKILL');
    }
    rmSync(dir, { recursive: true, force: true });
  };
}

declare module 'vitest' {
  export interface ProvidedContext {
    postgresUrl: string;
  }
}
