// The database of a CLI tool, opened without the server: a command that only reads or imports must
// not pay for loading Fastify (see main.ts). The rule is the one `songnodes start` keeps: a tool on the
// embedded folder is the user's own data and migrates it; on a shared server only `songnodes migrate`
// changes the schema, and a tool refuses a schema that is behind or ahead of it.
import {
  type Database,
  migrate,
  migrationStatus,
  openDatabase,
  SchemaNotCurrentError,
  SchemaTooNewError,
} from '@songnodes/db';
import { type Config, loadConfig } from '@songnodes/server/config';

export async function openCliDatabase(config: Config = loadConfig()): Promise<Database> {
  const db = await openDatabase({
    databaseUrl: config.DATABASE_URL,
    dataDir: config.dataDir,
    holder: { role: 'cli' },
    poolSize: config.DATABASE_POOL_SIZE,
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
export async function withDatabase<T>(body: (db: Database) => Promise<T>, config?: Config): Promise<T> {
  const db = await openCliDatabase(config);
  try {
    return await body(db);
  } finally {
    await db.close();
  }
}
