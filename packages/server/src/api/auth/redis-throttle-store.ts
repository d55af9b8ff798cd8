// Sign-in failures counted in Redis, so every API process slows down the same attacker: with the
// in-memory store each process would grant its own five free guesses per account and address.
import type { ThrottleRecord, ThrottleStore } from '@songnodes/services';
import type { Redis } from 'ioredis';

/** One atomic step: count the failure, note when, keep the record `ttl` ms after it. */
const FAIL = `
local failures = redis.call('HINCRBY', KEYS[1], 'failures', 1)
redis.call('HSET', KEYS[1], 'last', ARGV[1])
redis.call('PEXPIRE', KEYS[1], ARGV[2])
return failures
`;

export class RedisThrottleStore implements ThrottleStore {
  private readonly redis: Redis;
  private readonly prefix: string;

  constructor(redis: Redis, prefix = 'songnodes-throttle:') {
    this.redis = redis;
    this.prefix = prefix;
  }

  async get(key: string): Promise<ThrottleRecord | null> {
    const h = await this.redis.hgetall(this.prefix + key);
    if (!h.failures) return null;
    return { failures: Number(h.failures), lastFailureAt: Number(h.last) };
  }

  async fail(key: string, now: number, ttlMs: number): Promise<ThrottleRecord> {
    const failures = await this.redis.eval(FAIL, 1, this.prefix + key, String(now), String(ttlMs));
    return { failures: Number(failures), lastFailureAt: now };
  }

  async clear(key: string): Promise<void> {
    await this.redis.del(this.prefix + key);
  }
}
