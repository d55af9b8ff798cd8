import type { Database } from './database.ts';
import { openPglite } from './pglite.ts';
import { openPostgres } from './postgres.ts';

export interface OpenOptions {
  /** postgres://… to use a PostgreSQL server; otherwise the embedded PGlite in dataDir. */
  databaseUrl?: string;
  /** Folder of the embedded database; omitted (with no URL) means in memory. */
  dataDir?: string;
  /** Who opens it, recorded in the PGlite folder lock. */
  holder?: { role: string; url?: string };
  poolSize?: number;
  /** PGlite only: see PgliteOptions.sharedBuffers. */
  sharedBuffers?: string;
  /** PGlite only: where its engine runs (see PgliteOptions.thread). */
  pgliteThread?: 'main' | 'worker';
}

/** Opens the database the configuration points at. */
export async function openDatabase(opts: OpenOptions): Promise<Database> {
  if (opts.databaseUrl) return openPostgres({ url: opts.databaseUrl, max: opts.poolSize });
  return openPglite({
    dataDir: opts.dataDir,
    holder: opts.holder,
    sharedBuffers: opts.sharedBuffers,
    thread: opts.pgliteThread,
  });
}
