// The database a CLI test points the real command at: a PGlite data folder in the pglite project, a
// database of the test server in the postgres one, seeded with sets. The command reaches it through
// `env`; the test reads what the command wrote through `open`.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ParsedSet } from '@songnodes/core';
import { type Database, migrate, openPglite } from '@songnodes/db';
import { importItems } from '@songnodes/ingest';
import { engine, testDatabase } from '../../../test/db.ts';

export interface CliDatabase {
  env: Record<string, string>;
  open: () => Promise<{ db: Database; close: () => Promise<void> }>;
  cleanup: () => Promise<void>;
}

export async function cliDatabase(name: string, sets: ParsedSet[]): Promise<CliDatabase> {
  if (engine === 'pglite') {
    const dir = mkdtempSync(join(tmpdir(), `songnodes-cli-${name}-`));
    const db = await openPglite({ dataDir: dir });
    await migrate(db);
    await importItems(db, sets);
    await db.close();
    return {
      env: { LOG_LEVEL: 'silent', SONGNODES_DATA_DIR: dir },
      open: async () => {
        const d = await openPglite({ dataDir: dir });
        return { db: d, close: () => d.close() };
      },
      cleanup: async () => rmSync(dir, { recursive: true, force: true }),
    };
  }
  const t = await testDatabase();
  await importItems(t.db, sets);
  return {
    env: { LOG_LEVEL: 'silent', DATABASE_URL: t.url! },
    open: async () => ({ db: t.db, close: async () => {} }),
    cleanup: () => t.drop(),
  };
}
