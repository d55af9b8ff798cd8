// The database of a CLI tool, opened without the server: a command that only reads or imports must
// not pay for loading Fastify (see main.ts). The rule is the one `songnodes start` keeps: a tool on the
// embedded folder is the user's own data and migrates it; on a shared server only `songnodes migrate`
// changes the schema, and a tool refuses a schema that is behind or ahead of it.

import { setFlagsFromString } from 'node:v8';
import {
  type Database,
  migrate,
  migrationStatus,
  openDatabase,
  SchemaNotCurrentError,
  SchemaTooNewError,
} from '@songnodes/db';
import { type Config, loadConfig } from '@songnodes/server/config';

/**
 * How much work a command will give the database. The embedded engine is PostgreSQL compiled to
 * WebAssembly; V8 compiles the functions a query runs hot with its optimising compiler, in the
 * background, and on this engine that costs ~400 MB of transient memory and most of a second of
 * CPU — worth it for an import of thousands of sets, pure cost for a command that reads a few rows.
 * `light` raises V8's tier-up budget (by ~75×, so only functions that run very hot are optimised)
 * and takes a smaller buffer cache. Measured with /usr/bin/time on a 4-line CSV into a folder that
 * already exists (2 cores, other work running): 1.2–1.5 s and 670 MB peak RSS before; 0.9–1.1 s and
 * 219 MB with this and without the Drizzle runtime (db no longer loads an ORM nobody used: 0.5 s and
 * ~200 MB of module loading on its own). Heavy imports keep V8's defaults: 2,000 generated sets
 * took 6.4 s with them and 9.7 s with the light budget.
 */
export type Workload = 'light' | 'heavy';

/** V8's wasm tiering budget for light commands (V8's own default is 13,000,000). */
const LIGHT_TIERING_BUDGET = 1_000_000_000;

export async function openCliDatabase(
  config: Config = loadConfig(),
  workload: Workload = 'heavy',
): Promise<Database> {
  // Before the engine's module is compiled: the flag applies to code compiled from now on.
  if (workload === 'light' && !config.DATABASE_URL)
    setFlagsFromString(`--wasm-tiering-budget=${LIGHT_TIERING_BUDGET}`);
  const db = await openDatabase({
    databaseUrl: config.DATABASE_URL,
    dataDir: config.dataDir,
    holder: { role: 'cli' },
    poolSize: config.DATABASE_POOL_SIZE,
    sharedBuffers: workload === 'light' ? '32MB' : undefined,
  });
  try {
    if (db.kind === 'pglite') {
      await migrate(db);
    } else {
      const s = await migrationStatus(db);
      if (s.unknownApplied > 0)
        throw new SchemaTooNewError(db.location, s.applied + s.unknownApplied, s.known);
      if (s.pending > 0) throw new SchemaNotCurrentError(db.location, s.pending);
    }
    return db;
  } catch (e) {
    await db.close();
    throw e;
  }
}

/** Opens the database, runs `body`, closes it whatever happens. */
export async function withDatabase<T>(
  body: (db: Database) => Promise<T>,
  config?: Config,
  workload: Workload = 'heavy',
): Promise<T> {
  const db = await openCliDatabase(config, workload);
  try {
    return await body(db);
  } finally {
    await db.close();
  }
}
