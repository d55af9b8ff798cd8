// The one interface the rest of SongNodes uses to reach PostgreSQL, whichever engine is behind it:
// PGlite (PostgreSQL compiled to WASM, embedded, one connection) or a PostgreSQL server (node-postgres pool).
import type { CopyValue } from './copy.ts';

export type Row = Record<string, unknown>;

/** Something that runs SQL: the database itself, or one transaction of it. */
export interface Queryable {
  query<R extends Row = Row>(text: string, params?: unknown[]): Promise<R[]>;
  /** Several statements, no parameters (migrations, DDL). */
  exec(text: string): Promise<void>;
  /**
   * Appends rows to a table with COPY (see copy.ts): rows given as columns, one array per column.
   * Plain appends only (no ON CONFLICT, no RETURNING); inside a transaction, part of it.
   */
  copyRows(
    table: string,
    columns: readonly string[],
    values: readonly (readonly CopyValue[])[],
  ): Promise<void>;
}

export interface PoolStats {
  total: number;
  idle: number;
  waiting: number;
}

export interface Database extends Queryable {
  readonly kind: 'pglite' | 'postgres';
  /** Where the data lives, safe to print: a folder, or a URL without its password. */
  readonly location: string;
  /** All of fn or nothing. On PGlite, transactions are serialised (one connection). */
  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>;
  poolStats(): PoolStats;
  close(): Promise<void>;
}

/** A connection problem, with the place that failed named for the user. */
export class DatabaseUnavailableError extends Error {
  readonly location: string;
  constructor(location: string, cause: unknown) {
    const why = cause instanceof Error ? cause.message || cause.name : String(cause);
    super(`cannot reach the database at ${location}: ${why}`, { cause });
    this.name = 'DatabaseUnavailableError';
    this.location = location;
  }
}

/** A URL without its password, for messages and logs. */
export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return '(an unparseable DATABASE_URL)';
  }
}
