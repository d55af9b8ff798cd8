// Which event bus a process uses, decided in one place for the server roles and the CLI: Redis
// pub/sub when REDIS_URL is set (every process of a deployment must then have it), else PostgreSQL's
// LISTEN/NOTIFY on a PostgreSQL server, else the in-process bus (the embedded database serves one
// process). A CLI command that merges tracks reaches the running servers the same way their jobs do.
import type { Database, PostgresDatabase } from '@songnodes/db';
import { type EventBus, LocalEventBus } from './events.ts';
import { PostgresEventBus } from './postgres-event-bus.ts';
import { RedisEventBus } from './redis-event-bus.ts';

export async function openEventBus(o: {
  db: Database;
  redisUrl?: string;
  redisPassword?: string;
  onError?: (e: Error) => void;
}): Promise<EventBus> {
  if (o.redisUrl) return RedisEventBus.start(o.redisUrl, { password: o.redisPassword, onError: o.onError });
  if (o.db.kind === 'postgres') return PostgresEventBus.start(o.db as PostgresDatabase, o.onError);
  return new LocalEventBus();
}
