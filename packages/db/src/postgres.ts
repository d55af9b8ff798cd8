import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { copyStatement, copyText } from './copy.ts';
import type { Database, Queryable, Row } from './database.ts';
import { DatabaseUnavailableError, redactUrl } from './database.ts';

export interface PostgresDatabase extends Database {
  readonly kind: 'postgres';
  readonly connectionString: string;
}

export interface PostgresOptions {
  url: string;
  /** Pool size; API replicas keep it small, bulk imports like a few more. */
  max?: number;
  /** Fail fast when the server is down, so start-up and readiness report it promptly. */
  connectionTimeoutMillis?: number;
}

// BIGINT and NUMERIC come back as strings by default; counts here stay far below 2^53.
pg.types.setTypeParser(20, (v) => Number.parseInt(v, 10));
// DATE stays a 'YYYY-MM-DD' string, as on PGlite: no time-zone shifts.
pg.types.setTypeParser(1082, (v) => v);

export async function openPostgres(opts: PostgresOptions): Promise<PostgresDatabase> {
  const location = redactUrl(opts.url);
  const pool = new pg.Pool({
    connectionString: opts.url,
    max: opts.max ?? 10,
    connectionTimeoutMillis: opts.connectionTimeoutMillis ?? 5000,
    application_name: 'songnodes',
  });
  // An idle client losing its server must not crash the process; the next query reports it.
  pool.on('error', () => {});
  try {
    await pool.query('SELECT 1');
  } catch (e) {
    await pool.end().catch(() => {});
    throw new DatabaseUnavailableError(location, e);
  }
  const on = (c: pg.Pool | pg.PoolClient): Queryable => ({
    async query<R extends Row>(text: string, params?: unknown[]) {
      return (await c.query<R>(text, params)).rows;
    },
    async exec(text: string) {
      await c.query(text);
    },
    async copyRows(table, columns, values) {
      if ((values[0]?.length ?? 0) === 0) return;
      const statement = copyStatement(table, columns, 'STDIN');
      // COPY needs one connection for its whole stream: a transaction's client, or one from the pool.
      const client = c instanceof pg.Pool ? await c.connect() : c;
      try {
        await pipeline(Readable.from([copyText(values)]), client.query(copyFrom(statement)));
      } finally {
        if (client !== c) (client as pg.PoolClient).release();
      }
    },
  });
  const base = on(pool);
  return {
    kind: 'postgres',
    location,
    connectionString: opts.url,
    query: base.query,
    exec: base.exec,
    copyRows: base.copyRows,
    async transaction(fn) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const result = await fn(on(client));
        await client.query('COMMIT');
        return result;
      } catch (e) {
        await client.query('ROLLBACK').catch(() => {});
        throw e;
      } finally {
        client.release();
      }
    },
    poolStats: () => ({ total: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount }),
    close: () => pool.end(),
  };
}
