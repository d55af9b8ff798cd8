// Building Measurement records from runs: the median, the ratio to a same-run baseline, a target check.
import type { Measurement } from './results.ts';
import { median } from './stats.ts';

export function measurement(
  m: Omit<Measurement, 'median' | 'baseline' | 'target'>,
  opts: { baseline?: Measurement; target?: number } = {},
): Measurement {
  const result: Measurement = { ...m, median: median(m.runs) };
  // A baseline of 0 (a latency under the tool's 1 ms resolution) gives no meaningful ratio.
  if (opts.baseline && opts.baseline.median > 0)
    result.baseline = {
      label: opts.baseline.short ?? opts.baseline.label,
      ratio: result.median / opts.baseline.median,
    };
  if (opts.target !== undefined) {
    const met = m.better === 'higher' ? result.median >= opts.target : result.median <= opts.target;
    result.target = { value: opts.target, met };
  }
  return result;
}
