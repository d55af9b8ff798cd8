// Opens a fresh, migrated database for one test file: an in-memory PGlite in the `db-pglite` suite,
// a new database on the test server in `db-postgres`. Test files are written once and run on both.
import { randomBytes } from 'node:crypto';
import { type Database, migrate, openPglite, openPostgres } from '@songnodes/db';
import { inject } from 'vitest';

export const engine = (process.env.SONGNODES_TEST_DB ?? 'pglite') as 'pglite' | 'postgres';

/** True when the postgres suite has no server to run against (only outside CI). */
export const noServer = engine === 'postgres' && !inject('postgresUrl');

export interface TestDatabase {
  db: Database;
  /** postgres:// URL of this test's database (postgres suite only). */
  url?: string;
  drop(): Promise<void>;
}

export async function testDatabase(opts: { migrate?: boolean } = {}): Promise<TestDatabase> {
  let result: TestDatabase;
  if (engine === 'pglite') {
    const db = await openPglite({});
    result = { db, drop: () => db.close() };
  } else {
    const server = inject('postgresUrl');
    const name = `t_${randomBytes(6).toString('hex')}`;
    const admin = await openPostgres({ url: server, max: 1 });
    await admin.exec(`CREATE DATABASE ${name}`);
    const url = server.replace(/\/[^/]*$/, `/${name}`);
    const db = await openPostgres({ url, max: 4 });
    result = {
      db,
      url,
      async drop() {
        await db.close();
        await admin.exec(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        await admin.close();
      },
    };
  }
  if (opts.migrate !== false) await migrate(result.db);
  return result;
}
