// PostgreSQL LISTEN/NOTIFY, for events that must reach every process on one database (graph changes,
// job progress). A listener holds one dedicated connection outside the pool (a pooled connection
// would be handed to other queries and lose its LISTEN); it reconnects with back-off when the server
// goes away. Payloads are limited to 8,000 bytes by PostgreSQL: callers keep messages small.
import pg from 'pg';
import type { Database } from './database.ts';
import type { PostgresDatabase } from './postgres.ts';

export const NOTIFY_MAX_BYTES = 7900;

export async function notify(db: Database, channel: string, payload: string): Promise<void> {
  await db.query('SELECT pg_notify($1, $2)', [channel, payload]);
}

export interface Listener {
  close(): Promise<void>;
}

export async function listen(
  db: PostgresDatabase,
  channel: string,
  onMessage: (payload: string) => void,
  onError: (e: Error) => void = () => {},
): Promise<Listener> {
  let client: pg.Client | null = null;
  let closed = false;
  let retry: NodeJS.Timeout | undefined;
  let delay = 500;
  const connect = async () => {
    const c = new pg.Client({ connectionString: db.connectionString });
    c.on('notification', (m) => {
      if (m.channel === channel && m.payload !== undefined) onMessage(m.payload);
    });
    c.on('error', (e) => {
      onError(e);
      reconnect();
    });
    await c.connect();
    // The channel is an identifier: quoted, so any name is taken literally.
    await c.query(`LISTEN "${channel.replace(/"/g, '""')}"`);
    client = c;
    delay = 500;
  };
  const reconnect = () => {
    if (closed || retry) return;
    const old = client;
    client = null;
    void old?.end().catch(() => {});
    retry = setTimeout(async () => {
      retry = undefined;
      try {
        await connect();
      } catch (e) {
        onError(e as Error);
        delay = Math.min(delay * 2, 10_000);
        reconnect();
      }
    }, delay);
    retry.unref();
  };
  await connect();
  return {
    async close() {
      closed = true;
      if (retry) clearTimeout(retry);
      await client?.end().catch(() => {});
    },
  };
}
