// Login throttling: after 5 failed sign-ins for one account, or from one IP address, each further
// attempt must wait 1 s, then 2 s, 4 s, … up to 15 minutes after the last failure. The answer is the
// same whether or not the account exists, so the throttle tells an attacker nothing either.
import { ServiceError } from '../errors.ts';

export interface ThrottleRecord {
  failures: number;
  /** Milliseconds since the epoch. */
  lastFailureAt: number;
}

/**
 * Where failure counts live: in memory for one process (MemoryThrottleStore), or a shared store
 * (Redis) so several API processes count together. `fail` must be atomic.
 */
export interface ThrottleStore {
  get(key: string): Promise<ThrottleRecord | null>;
  /** Adds a failure and returns the new record; the record is forgotten `ttlMs` after this failure. */
  fail(key: string, now: number, ttlMs: number): Promise<ThrottleRecord>;
  clear(key: string): Promise<void>;
}

export class MemoryThrottleStore implements ThrottleStore {
  private readonly records = new Map<string, ThrottleRecord & { expiresAt: number }>();
  private readonly now: () => number;

  /** @param now milliseconds since the epoch; give the throttle's clock when tests move it. */
  constructor(now: () => number = Date.now) {
    this.now = now;
  }

  async get(key: string): Promise<ThrottleRecord | null> {
    const r = this.records.get(key);
    if (!r) return null;
    if (r.expiresAt <= this.now()) {
      this.records.delete(key);
      return null;
    }
    return { failures: r.failures, lastFailureAt: r.lastFailureAt };
  }

  async fail(key: string, now: number, ttlMs: number): Promise<ThrottleRecord> {
    const before = await this.get(key);
    const r = { failures: (before?.failures ?? 0) + 1, lastFailureAt: now, expiresAt: now + ttlMs };
    this.records.set(key, r);
    // Bounded: an attacker cycling through addresses must not grow memory without end.
    if (this.records.size > 100_000) this.sweep();
    return { failures: r.failures, lastFailureAt: r.lastFailureAt };
  }

  async clear(key: string): Promise<void> {
    this.records.delete(key);
  }

  private sweep(): void {
    const now = this.now();
    for (const [k, r] of this.records) if (r.expiresAt <= now) this.records.delete(k);
    // Still too many live records: drop the oldest (Map keeps insertion order).
    for (const k of this.records.keys()) {
      if (this.records.size <= 100_000) break;
      this.records.delete(k);
    }
  }
}

export interface ThrottleOptions {
  /** Failures allowed before the back-off starts. */
  freeFailures?: number;
  /** The longest wait, in milliseconds. */
  maxDelayMs?: number;
  /** Milliseconds since the epoch (tests move the clock). */
  now?: () => number;
}

/** Who is trying: the account (lower-cased email, known or not) and the client address. */
export interface LoginAttempt {
  email: string;
  ip: string | null;
}

export const FREE_FAILURES = 5;
export const MAX_DELAY_MS = 15 * 60 * 1000;

/** How long to wait after the last failure, given the failures so far: 0 up to 5, then 1 s, 2 s, 4 s, … */
export function backoffMs(failures: number, freeFailures = FREE_FAILURES, maxDelayMs = MAX_DELAY_MS): number {
  if (failures < freeFailures) return 0;
  return Math.min(1000 * 2 ** Math.min(failures - freeFailures, 30), maxDelayMs);
}

export class LoginThrottle {
  private readonly store: ThrottleStore;
  private readonly freeFailures: number;
  private readonly maxDelayMs: number;
  private readonly now: () => number;

  constructor(store: ThrottleStore = new MemoryThrottleStore(), o: ThrottleOptions = {}) {
    this.store = store;
    this.freeFailures = o.freeFailures ?? FREE_FAILURES;
    this.maxDelayMs = o.maxDelayMs ?? MAX_DELAY_MS;
    this.now = o.now ?? Date.now;
  }

  private keys(a: LoginAttempt): string[] {
    return a.ip ? [`login:account:${a.email}`, `login:ip:${a.ip}`] : [`login:account:${a.email}`];
  }

  /** Throws `too_many` (with `retryAfterSeconds`) while either the account or the address must wait. */
  async check(a: LoginAttempt): Promise<void> {
    const now = this.now();
    let waitMs = 0;
    for (const key of this.keys(a)) {
      const r = await this.store.get(key);
      if (!r) continue;
      const until = r.lastFailureAt + backoffMs(r.failures, this.freeFailures, this.maxDelayMs);
      waitMs = Math.max(waitMs, until - now);
    }
    if (waitMs > 0) {
      const retryAfterSeconds = Math.ceil(waitMs / 1000);
      throw new ServiceError('too_many', `too many failed sign-ins; try again in ${retryAfterSeconds} s`, {
        details: { retryAfterSeconds },
      });
    }
  }

  async failure(a: LoginAttempt): Promise<void> {
    // Kept for the longest wait and then a quiet quarter of an hour, after which the count starts over.
    const ttl = this.maxDelayMs + 15 * 60 * 1000;
    for (const key of this.keys(a)) await this.store.fail(key, this.now(), ttl);
  }

  /**
   * A successful sign-in clears the account's count. Not the address's: otherwise an attacker who
   * owns one account could sign into it between guesses at others and never be slowed down.
   */
  async success(a: LoginAttempt): Promise<void> {
    await this.store.clear(`login:account:${a.email}`);
  }
}
