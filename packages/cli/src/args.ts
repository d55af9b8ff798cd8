// Parsers of option values. A bad value is commander's InvalidArgumentError: commander names the
// option, program.ts adds the usage line, and the command exits 2 without running (or a stack trace).
// The ranges are the API's (packages/server/src/api/routes): the same request is refused the same way
// from either door.
import { InvalidArgumentError } from 'commander';

export const whole =
  (min = 0, max = 2_147_483_647) =>
  (v: string): number => {
    if (!/^\d+$/.test(v) || Number(v) < min || Number(v) > max)
      throw new InvalidArgumentError(`must be a whole number from ${min} to ${max}`);
    return Number(v);
  };

export const decimal =
  (min: number, max: number) =>
  (v: string): number => {
    const n = Number(v);
    if (v.trim() === '' || !Number.isFinite(n) || n < min || n > max)
      throw new InvalidArgumentError(`must be a number from ${min} to ${max}`);
    return n;
  };

export const collect = (v: string, previous: string[] = []) => [...previous, v];

/** The API's limits, for the options that have one there. */
export const LIMITS = {
  planLength: { min: 2, max: 100 },
  planMinutes: { min: 1, max: 1440 },
  planAlternatives: { min: 1, max: 5 },
  bpmChangePercent: { min: 0.1, max: 100 },
  hops: { min: 1, max: 3 },
  neighbours: { min: 1, max: 200 },
  recommendations: { min: 1, max: 100 },
  layoutIterations: { min: 1, max: 5000 },
  resolution: { min: 0.01, max: 10 },
  listLimit: { min: 1, max: 1000 },
} as const;
