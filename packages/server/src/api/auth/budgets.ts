// Where request budgets are counted: a window per key that starts at the key's first request and
// lasts `windowMs`. In this process's memory (one Map lookup, no promise: it runs on every request
// of a caller with a budget), or in Redis when REDIS_URL is set, so that every API process draws on
// the same budget.
import type { Redis } from 'ioredis';

/** A request counted: how many the key has spent in its window, and when that window ends. */
export interface Spent {
  count: number;
  /** Milliseconds until the window ends and the budget is whole again. */
  resetMs: number;
}

export interface BudgetStore {
  /** Counts one request against `key`. */
  spend(key: string, windowMs: number): Spent | Promise<Spent>;
}

/** Keys kept at most: past it the oldest window goes (as the LRU of @fastify/rate-limit did). */
const MAX_KEYS = 100_000;

export class MemoryBudgets implements BudgetStore {
  private readonly windows = new Map<string, { count: number; endsAt: number }>();
  private nextSweep = 0;
  private readonly now: () => number;
  private readonly maxKeys: number;

  constructor(o: { now?: () => number; maxKeys?: number } = {}) {
    this.now = o.now ?? Date.now;
    this.maxKeys = o.maxKeys ?? MAX_KEYS;
  }

  spend(key: string, windowMs: number): Spent {
    const now = this.now();
    // Ended windows are dropped once per window length: O(1) per request on average, and memory
    // holds only the callers seen in the last window or two.
    if (now >= this.nextSweep) {
      for (const [k, w] of this.windows) if (w.endsAt <= now) this.windows.delete(k);
      this.nextSweep = now + windowMs;
    }
    let w = this.windows.get(key);
    if (!w || w.endsAt <= now) {
      if (w) this.windows.delete(key);
      // A Map keeps insertion order: the first key's window is the oldest.
      else if (this.windows.size >= this.maxKeys)
        this.windows.delete(this.windows.keys().next().value as string);
      w = { count: 0, endsAt: now + windowMs };
      this.windows.set(key, w);
    }
    w.count++;
    return { count: w.count, resetMs: w.endsAt - now };
  }

  /** Keys with a window (for tests). */
  get size(): number {
    return this.windows.size;
  }
}

/** One atomic step: count, start the window on the first request, say how long it has left. */
const SPEND = `
local count = redis.call('INCR', KEYS[1])
if count == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
local ttl = redis.call('PTTL', KEYS[1])
if ttl < 0 then
  redis.call('PEXPIRE', KEYS[1], ARGV[1])
  ttl = tonumber(ARGV[1])
end
return {count, ttl}
`;

export class RedisBudgets implements BudgetStore {
  private readonly redis: Redis;
  private readonly prefix: string;

  constructor(redis: Redis, prefix = 'songnodes-rate:') {
    this.redis = redis;
    this.prefix = prefix;
  }

  async spend(key: string, windowMs: number): Promise<Spent> {
    const [count, ttl] = (await this.redis.eval(SPEND, 1, this.prefix + key, String(windowMs))) as [
      number,
      number,
    ];
    return { count: Number(count), resetMs: Number(ttl) };
  }
}
