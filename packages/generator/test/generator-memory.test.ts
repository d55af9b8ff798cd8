import { describe, expect, it } from 'vitest';
import { generateSets } from '../src/index.ts';

describe('generator memory', () => {
  it('streams 150,000 sets in bounded memory', { timeout: 60_000 }, () => {
    const sets = 150_000;
    const samples: number[] = [];
    let entries = 0;
    let n = 0;
    const before = process.memoryUsage().rss;
    for (const set of generateSets({ sets, seed: 9 })) {
      entries += set.entries.length;
      if (++n % 10_000 === 0) samples.push(process.memoryUsage().rss);
    }
    expect(n).toBe(sets);
    expect(entries).toBeGreaterThan(sets * 15);
    // Keeping the sets would cost well over 500 MB; a streaming generator stays at garbage-collector noise.
    const growth = Math.max(...samples) - before;
    expect(growth).toBeLessThan(100 * 1024 * 1024);
    // And it does not creep: the last samples are no higher than the early ones plus noise.
    const early = Math.max(...samples.slice(0, 5));
    const late = Math.max(...samples.slice(-5));
    expect(late - early).toBeLessThan(50 * 1024 * 1024);
  });
});
