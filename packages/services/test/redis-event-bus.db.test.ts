// The Redis event bus against a real redis-server: two buses stand for two processes. Each delivers
// its own events at once and the other's through Redis, never its own twice; a graph change of any
// size travels whole; close() waits for what is on its way; a wrong address fails start().
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabase } from '../../../test/db.ts';
import { redisBinary, startRedis, type TestRedis } from '../../../test/redis-server.ts';
import { type DomainEvent, LocalEventBus } from '../src/events.ts';
import { openEventBus } from '../src/open-event-bus.ts';
import { PostgresEventBus } from '../src/postgres-event-bus.ts';
import { RedisEventBus } from '../src/redis-event-bus.ts';

const until = async (ok: () => boolean, ms = 5000) => {
  const end = Date.now() + ms;
  while (!ok()) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 10));
  }
};

describe.skipIf(!redisBinary)('RedisEventBus', () => {
  let redis: TestRedis;
  beforeAll(async () => {
    redis = await startRedis({ password: 'test-only-redis-password' });
  });
  afterAll(() => redis?.stop());

  it('carries events between processes, each delivered once everywhere', async () => {
    const a = await RedisEventBus.start(redis.url);
    const b = await RedisEventBus.start(redis.url);
    const gotA: DomainEvent[] = [];
    const gotB: DomainEvent[] = [];
    a.subscribe((e) => gotA.push(e));
    b.subscribe((e) => gotB.push(e));
    const big: [number, number][] = Array.from({ length: 5000 }, (_, i) => [i + 1, i + 2]);
    a.publish({ type: 'graph.changed', newTrackIds: [7], changedPairs: big, cause: 'import' });
    b.publish({ type: 'session.update', session: 's1', fields: { selected: 3 }, at: 1 });
    await until(() => gotA.length === 2 && gotB.length === 2);
    // Give an echo time to arrive if it were going to: still exactly two each.
    await new Promise((r) => setTimeout(r, 100));
    expect(gotA.map((e) => e.type).sort()).toEqual(['graph.changed', 'session.update']);
    expect(gotB.map((e) => e.type).sort()).toEqual(['graph.changed', 'session.update']);
    const change = gotB.find((e) => e.type === 'graph.changed');
    expect(change?.type === 'graph.changed' && change.changedPairs).toEqual(big);
    await a.close();
    await b.close();
  });

  it('is the bus of every process when REDIS_URL is set; else LISTEN/NOTIFY on PostgreSQL, else in-process', async () => {
    const t = await testDatabase();
    try {
      const viaRedis = await openEventBus({ db: t.db, redisUrl: redis.url });
      expect(viaRedis).toBeInstanceOf(RedisEventBus);
      await viaRedis.close();
      const without = await openEventBus({ db: t.db });
      expect(without).toBeInstanceOf(t.db.kind === 'postgres' ? PostgresEventBus : LocalEventBus);
      await without.close();
    } finally {
      await t.drop();
    }
  });

  it('refuses to start on a wrong password or an address with nothing listening', async () => {
    const wrong = redis.url.replace('test-only-redis-password', 'wrong');
    const refused = await RedisEventBus.start(wrong).catch((e: Error) => e);
    expect((refused as Error).message).toMatch(
      /^cannot use Redis at redis:\/\/\*\*\*@127\.0\.0\.1:\d+: .*(WRONGPASS|invalid)/,
    );
    // The password never appears in what is said.
    expect((refused as Error).message).not.toContain('wrong');
    await expect(RedisEventBus.start('redis://127.0.0.1:1')).rejects.toThrow(/ECONNREFUSED|connect/i);
  });
});
