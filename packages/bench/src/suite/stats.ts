// Summary statistics of repeated measurements. Pure functions, shared by every section of the suite.

/** Median of the values (mean of the two middle ones for an even count). */
export function median(xs: readonly number[]): number {
  if (xs.length === 0) throw new Error('median of no values');
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 === 1 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/** Nearest-rank percentile, q in [0, 1]: the smallest value with at least q of the values at or below it. */
export function percentile(xs: readonly number[], q: number): number {
  if (xs.length === 0) throw new Error('percentile of no values');
  if (!(q >= 0 && q <= 1)) throw new Error(`percentile: q must be within [0, 1], got ${q}`);
  const s = [...xs].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil(q * s.length));
  return s[rank - 1]!;
}
