// The PostgreSQL server the suite measures: BENCH_DATABASE_URL / TEST_DATABASE_URL when given, otherwise a
// throwaway cluster started the way test/postgres-server.ts starts one (temp folder, trust auth, fsync
// off, run as `postgres` when we are root). Every run gets a fresh database, dropped afterwards.
import { randomBytes } from 'node:crypto';
import { findPgBin, startThrowawayCluster } from '@songnodes/db';
import pg from 'pg';
import { spawnTracked, tempFolder } from './resources.ts';

export interface BenchPostgres {
  /** Where the server came from, for the notes. */
  origin: string;
  version: string;
  /** A new empty database on the server; drop() removes it. */
  freshDatabase(): Promise<{ url: string; drop(): Promise<void> }>;
  stop(): Promise<void>;
}

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
  // The cluster's folder and process are tracked like every other resource of the suite.
  const cluster = await startThrowawayCluster(bin, { dir: tempFolder('pg'), spawn: spawnTracked });
  return onServer(cluster.url, `a throwaway cluster (${bin}, fsync off)`, cluster.version, cluster.stop);
}
