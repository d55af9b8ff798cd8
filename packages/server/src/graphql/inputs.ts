// Arguments as the services want them: ids checked to be PostgreSQL integers, list sizes bounded,
// filters in the graph engine's shape. Each refusal names the argument at fault.
import type { GraphFilter } from '@songnodes/graph';
import { invalid } from '@songnodes/services';

const MAX_ID = 2_147_483_647;

/** An `ID` argument as a database id; anything else is refused naming the argument. */
export function idOf(value: unknown, field: string): number {
  const text = String(value).trim();
  if (!/^\d{1,10}$/.test(text) || Number(text) < 1 || Number(text) > MAX_ID)
    throw invalid(field, `${field} must be a whole number from 1 to ${MAX_ID}, got ${JSON.stringify(value)}`);
  return Number(text);
}

export const optionalId = (value: unknown, field: string) =>
  value === undefined || value === null ? undefined : idOf(value, field);

/** The largest `first` any list field accepts; the complexity limit prices the rest. */
export const MAX_FIRST = 500;

export function firstOf(value: unknown, field = 'first', max = MAX_FIRST): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > max)
    throw invalid(field, `${field} must be a whole number from 0 to ${max}, got ${JSON.stringify(value)}`);
  return n;
}

export interface GraphFilterArgs {
  bpmMin?: number | null;
  bpmMax?: number | null;
  keys?: string[] | null;
  genres?: string[] | null;
  yearFrom?: number | null;
  yearTo?: number | null;
  minCount?: number | null;
  minDjs?: number | null;
  sources?: string[] | null;
}

const given = <T>(v: T | null | undefined): v is T => v !== undefined && v !== null;

/** The graph engine's filter; undefined when nothing is set. */
export function graphFilterOf(a: GraphFilterArgs | null | undefined): GraphFilter | undefined {
  if (!a) return undefined;
  const f: GraphFilter = {};
  if (given(a.bpmMin) || given(a.bpmMax)) f.bpm = { min: a.bpmMin ?? undefined, max: a.bpmMax ?? undefined };
  if (given(a.keys)) f.keys = a.keys;
  if (given(a.genres)) f.genres = a.genres;
  if (given(a.yearFrom) || given(a.yearTo))
    f.years = { from: a.yearFrom ?? undefined, to: a.yearTo ?? undefined };
  if (given(a.minCount)) f.minCount = a.minCount;
  if (given(a.minDjs)) f.minDjs = a.minDjs;
  if (given(a.sources)) f.sources = a.sources;
  return Object.keys(f).length > 0 ? f : undefined;
}

/** Drops null members (GraphQL's "not given") so services see undefined. */
export function withoutNulls<T extends object>(
  o: T | null | undefined,
): { [K in keyof T]?: NonNullable<T[K]> } {
  return Object.fromEntries(Object.entries(o ?? {}).filter(([, v]) => v !== null && v !== undefined)) as {
    [K in keyof T]?: NonNullable<T[K]>;
  };
}

/** A string argument within a length; refused naming the argument. */
export function textOf(value: unknown, field: string, max: number): string {
  const s = String(value);
  if (s.length > max) throw invalid(field, `${field} is longer than ${max} characters`);
  return s;
}

export interface PlanArgs {
  from: string;
  to: string;
  via?: string[] | null;
  length?: number | null;
  minutes?: number | null;
  averageTrackSeconds?: number | null;
  maxBpmChange?: number | null;
  maxBpmChangeBpm?: number | null;
  halfDoubleTime?: boolean | null;
  harmonic?: 'same' | 'adjacent' | 'relative' | 'energy_boost' | 'any' | null;
  unknownKeys?: 'allow' | 'refuse' | null;
  versions?: 'avoid' | 'allow' | null;
  energy?: 'rising' | 'falling' | 'peak' | 'flat' | null;
  trust?: number | null;
  allowBridges?: boolean | null;
  k?: number | null;
}

/** Numeric bounds of the planner's input: the same as POST /api/v1/plan's schema. */
const PLAN_BOUNDS: Partial<
  Record<keyof PlanArgs, { min: number; max: number; integer?: boolean; open?: boolean }>
> = {
  length: { min: 2, max: 100, integer: true },
  minutes: { min: 0, max: 1440, open: true },
  averageTrackSeconds: { min: 0, max: 3600, open: true },
  maxBpmChange: { min: 0, max: 100, open: true },
  maxBpmChangeBpm: { min: 0, max: 100, open: true },
  trust: { min: 0, max: 1 },
  k: { min: 1, max: 5, integer: true },
};

/** The planner's request (tracks still named by id or "Artist - Title"), every value checked. */
export function planRequestOf(input: PlanArgs) {
  const a = withoutNulls(input);
  for (const [name, b] of Object.entries(PLAN_BOUNDS)) {
    const v = a[name as keyof PlanArgs];
    if (v === undefined || !b) continue;
    const n = v as number;
    const low = b.open ? n <= b.min : n < b.min;
    if (low || n > b.max || (b.integer && !Number.isInteger(n)))
      throw invalid(
        `input.${name}`,
        `input.${name} must be ${b.integer ? 'a whole number ' : ''}${b.open ? 'above' : 'from'} ${b.min} ${b.open ? 'and at most' : 'to'} ${b.max}, got ${n}`,
      );
  }
  if ((a.via?.length ?? 0) > 20) throw invalid('input.via', 'input.via names more than 20 tracks');
  const ref = (s: string, field: string) => textOf(s, field, 500);
  const { maxBpmChange, maxBpmChangeBpm, from, to, via, ...rest } = a;
  return {
    ...rest,
    from: ref(from ?? '', 'input.from'),
    to: ref(to ?? '', 'input.to'),
    via: via?.map((v, i) => ref(v, `input.via[${i}]`)),
    maxBpmChangePercent: maxBpmChange,
    maxBpmChangeBpm,
  };
}
