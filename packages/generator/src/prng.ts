// Seeded randomness for the generator. Everything the generator produces comes from here, so a seed
// fixes the output byte for byte; Math.random is never used.

/** Mixes two 32-bit integers into a well-spread 32-bit hash (murmur3 finaliser over a combined word). */
export function hash2(a: number, b: number): number {
  let h = Math.imul(a ^ 0x9e3779b9, 0x85ebca6b) ^ Math.imul(b + 0x7f4a7c15, 0xc2b2ae35);
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

export function hash3(a: number, b: number, c: number): number {
  return hash2(hash2(a, b), c);
}

/**
 * mulberry32: a tiny 32-bit PRNG, fast and good enough for synthetic data (not for cryptography).
 * A class with one number of state so that many short-lived generators (one per track, per set) are cheap.
 */
export class Rng {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** Uniform in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) | 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** Integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.next() * n);
  }

  /** Integer in [lo, hi] inclusive. */
  range(lo: number, hi: number): number {
    return lo + this.int(hi - lo + 1);
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)] as T;
  }

  /** Index drawn with probability proportional to weights[i]. */
  weighted(weights: readonly number[]): number {
    let total = 0;
    for (const w of weights) total += w;
    let u = this.next() * total;
    for (let i = 0; i < weights.length; i++) {
      u -= weights[i] as number;
      if (u < 0) return i;
    }
    return weights.length - 1;
  }

  /** Index drawn from running totals (cumulative[i] = w0 + … + wi): binary search, for hot paths. */
  fromCumulative(cumulative: readonly number[]): number {
    const u = this.next() * (cumulative[cumulative.length - 1] as number);
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((cumulative[mid] as number) > u) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  }

  /** Standard normal (Box–Muller). */
  normal(): number {
    const u = 1 - this.next();
    const v = this.next();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }

  /**
   * Rank in [0, n) from a bounded power law P(rank r) ∝ (r+1)^-s, by inverting the continuous CDF:
   * O(1) per draw however large n is, which is what lets the catalogue be huge without being stored.
   */
  zipf(n: number, s: number): number {
    const u = this.next();
    let x: number;
    if (Math.abs(s - 1) < 1e-9) x = Math.exp(u * Math.log(n + 1));
    else {
      const a = 1 - s;
      x = ((n + 1) ** a - 1) * u + 1;
      x = x ** (1 / a);
    }
    const r = Math.floor(x) - 1;
    return r < 0 ? 0 : r >= n ? n - 1 : r;
  }
}
