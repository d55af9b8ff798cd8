// An EventBus across processes through Redis pub/sub, for deployments that run Redis (REDIS_URL):
// the same contract as PostgresEventBus — every event is delivered in this process at once and
// published for the others, which deliver it to their own subscribers; a process ignores its own
// messages. Redis has no 8,000-byte payload limit, so events travel whole. Pub/sub needs a connection
// of its own for subscribing (a subscribed connection can issue no other command).
import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';
import type { DomainEvent, EventBus } from './events.ts';
import { LocalEventBus } from './events.ts';
import { EVENT_CHANNEL } from './postgres-event-bus.ts';
import { connectRedis } from './redis-connect.ts';

type Envelope = { o: string; e: DomainEvent };

export class RedisEventBus implements EventBus {
  private readonly local = new LocalEventBus();
  private readonly origin = randomUUID();
  /** Messages on their way: close() waits for them, so a short-lived CLI command's events leave. */
  private readonly pending = new Set<Promise<unknown>>();
  private readonly pub: Redis;
  private readonly sub: Redis;
  private readonly onError: (e: Error) => void;

  private constructor(pub: Redis, sub: Redis, onError: (e: Error) => void) {
    this.pub = pub;
    this.sub = sub;
    this.onError = onError;
  }

  /** Connects (publisher and subscriber) and subscribes; rejects when Redis cannot be reached. */
  static async start(
    url: string,
    o: { password?: string; onError?: (e: Error) => void } = {},
  ): Promise<RedisEventBus> {
    const onError = o.onError ?? (() => {});
    // Pub/sub needs a connection of its own: a subscribed connection can issue no other command.
    const pub = await connectRedis(url, { password: o.password, onError });
    let sub: Redis | null = null;
    try {
      sub = await connectRedis(url, { password: o.password, onError });
      await sub.subscribe(EVENT_CHANNEL);
    } catch (e) {
      pub.disconnect();
      sub?.disconnect();
      throw e;
    }
    const bus = new RedisEventBus(pub, sub, onError);
    sub.on('message', (_channel: string, payload: string) => bus.receive(payload));
    return bus;
  }

  private receive(payload: string): void {
    let m: Envelope;
    try {
      m = JSON.parse(payload) as Envelope;
    } catch {
      return;
    }
    if (m.o !== this.origin && m.e && typeof m.e.type === 'string') this.local.publish(m.e);
  }

  publish(e: DomainEvent): void {
    this.local.publish(e);
    const sent = this.pub
      .publish(EVENT_CHANNEL, JSON.stringify({ o: this.origin, e } satisfies Envelope))
      .catch((err: Error) => this.onError(err));
    this.pending.add(sent);
    void sent.finally(() => this.pending.delete(sent));
  }

  subscribe(fn: (e: DomainEvent) => void): () => void {
    return this.local.subscribe(fn);
  }

  async close(): Promise<void> {
    await Promise.all(this.pending);
    await Promise.allSettled([this.sub.quit(), this.pub.quit()]);
    await this.local.close();
  }
}
