// Login back-off on a moved clock: free attempts, then 1 s, 2 s, 4 s … capped; per account and per
// address; a success clears the account's count but not the address's.
import { describe, expect, it } from 'vitest';
import { backoffMs, LoginThrottle, MemoryThrottleStore } from '../src/auth/login-throttle.ts';
import { ServiceError } from '../src/errors.ts';

function clock() {
  let t = 1_800_000_000_000;
  return { now: () => t, advance: (ms: number) => (t += ms) };
}

async function retryAfter(p: Promise<unknown>): Promise<number | null> {
  try {
    await p;
    return null;
  } catch (e) {
    expect(e).toBeInstanceOf(ServiceError);
    expect((e as ServiceError).kind).toBe('too_many');
    return (e as ServiceError & { details: { retryAfterSeconds: number } }).details.retryAfterSeconds;
  }
}

describe('login throttle', () => {
  it('backs off exponentially after 5 failures, capped at 15 minutes', () => {
    expect([0, 4, 5, 6, 7, 8].map((n) => backoffMs(n))).toEqual([0, 0, 1000, 2000, 4000, 8000]);
    expect(backoffMs(40)).toBe(15 * 60 * 1000);
    expect(backoffMs(10_000)).toBe(15 * 60 * 1000);
  });

  it('lets 5 failures through, then makes the account wait, longer each time', async () => {
    const c = clock();
    const t = new LoginThrottle(new MemoryThrottleStore(c.now), { now: c.now });
    const a = { email: 'dj@example.org', ip: '10.0.0.1' };
    for (let i = 0; i < 5; i++) {
      expect(await retryAfter(t.check(a))).toBeNull();
      await t.failure(a);
    }
    expect(await retryAfter(t.check(a))).toBe(1);
    c.advance(1000);
    expect(await retryAfter(t.check(a))).toBeNull();
    await t.failure(a);
    expect(await retryAfter(t.check(a))).toBe(2);
    c.advance(2000);
    await t.failure(a);
    expect(await retryAfter(t.check(a))).toBe(4);
  });

  it('counts per address across accounts and per account across addresses', async () => {
    const c = clock();
    const t = new LoginThrottle(new MemoryThrottleStore(c.now), { now: c.now });
    for (let i = 0; i < 5; i++) await t.failure({ email: `victim${i}@example.org`, ip: '10.0.0.9' });
    expect(await retryAfter(t.check({ email: 'someone-else@example.org', ip: '10.0.0.9' }))).toBe(1);
    expect(await retryAfter(t.check({ email: 'someone-else@example.org', ip: '10.0.0.10' }))).toBeNull();
    for (let i = 0; i < 5; i++) await t.failure({ email: 'target@example.org', ip: `10.1.0.${i}` });
    expect(await retryAfter(t.check({ email: 'target@example.org', ip: '10.2.0.1' }))).toBe(1);
  });

  it('a success clears the account, not the address', async () => {
    const c = clock();
    const t = new LoginThrottle(new MemoryThrottleStore(c.now), { now: c.now });
    const a = { email: 'dj@example.org', ip: '10.0.0.1' };
    for (let i = 0; i < 5; i++) await t.failure(a);
    c.advance(1000);
    await t.success(a);
    expect(await retryAfter(t.check({ email: 'dj@example.org', ip: '10.0.0.2' }))).toBeNull();
    expect(await retryAfter(t.check({ email: 'other@example.org', ip: '10.0.0.1' }))).toBeNull();
    await t.failure({ email: 'other@example.org', ip: '10.0.0.1' });
    // The address kept its five earlier failures: the sixth makes it wait.
    expect(await retryAfter(t.check({ email: 'third@example.org', ip: '10.0.0.1' }))).toBe(2);
  });

  it('forgets failures after a quiet period', async () => {
    const c = clock();
    const t = new LoginThrottle(new MemoryThrottleStore(c.now), { now: c.now });
    const a = { email: 'dj@example.org', ip: null };
    for (let i = 0; i < 9; i++) await t.failure(a);
    expect(await retryAfter(t.check(a))).toBe(16);
    c.advance(31 * 60 * 1000);
    for (let i = 0; i < 5; i++) await t.failure(a);
    expect(await retryAfter(t.check(a))).toBe(1);
  });
});
