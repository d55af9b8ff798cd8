import { describe, expect, it } from 'vitest';
import { MemoryBudgets } from '../src/api/auth/budgets.ts';

describe('MemoryBudgets (in-memory request budgets)', () => {
  it('counts per key within a window that starts at the first request, then starts again', () => {
    let now = 1_000;
    const b = new MemoryBudgets({ now: () => now });
    expect(b.spend('a', 60_000)).toEqual({ count: 1, resetMs: 60_000 });
    now += 10_000;
    expect(b.spend('a', 60_000)).toEqual({ count: 2, resetMs: 50_000 });
    expect(b.spend('b', 60_000)).toEqual({ count: 1, resetMs: 60_000 });
    now += 50_000; // a's window has ended
    expect(b.spend('a', 60_000)).toEqual({ count: 1, resetMs: 60_000 });
    expect(b.spend('b', 60_000)).toEqual({ count: 2, resetMs: 10_000 });
  });

  it('forgets ended windows, so memory holds only recent callers', () => {
    let now = 0;
    const b = new MemoryBudgets({ now: () => now });
    for (let i = 0; i < 1000; i++) b.spend(`ip:${i}`, 60_000);
    expect(b.size).toBe(1000);
    now += 60_001;
    b.spend('ip:new', 60_000);
    expect(b.size).toBe(1);
  });

  it('keeps at most maxKeys windows, dropping the oldest', () => {
    const now = 0;
    const b = new MemoryBudgets({ now: () => now, maxKeys: 3 });
    for (const k of ['a', 'b', 'c', 'd']) b.spend(k, 60_000);
    expect(b.size).toBe(3);
    // 'a' was dropped: it starts again; 'd' is still counted.
    expect(b.spend('a', 60_000).count).toBe(1);
    expect(b.spend('d', 60_000).count).toBe(2);
  });
});
