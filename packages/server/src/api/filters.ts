import type { GraphFilter } from '@songnodes/graph';
import { list } from './schemas.ts';

export interface FilterParams {
  bpmMin?: number;
  bpmMax?: number;
  keys?: string;
  genres?: string;
  yearFrom?: number;
  yearTo?: number;
  minCount?: number;
  minDjs?: number;
  sources?: string;
}

/** The graph filter of a query string (lists comma-separated); undefined when none is set. */
export function filterOf(q: FilterParams): GraphFilter | undefined {
  const f: GraphFilter = {};
  if (q.bpmMin !== undefined || q.bpmMax !== undefined) f.bpm = { min: q.bpmMin, max: q.bpmMax };
  if (q.keys !== undefined) f.keys = list(q.keys);
  if (q.genres !== undefined) f.genres = list(q.genres);
  if (q.yearFrom !== undefined || q.yearTo !== undefined) f.years = { from: q.yearFrom, to: q.yearTo };
  if (q.minCount !== undefined) f.minCount = q.minCount;
  if (q.minDjs !== undefined) f.minDjs = q.minDjs;
  if (q.sources !== undefined) f.sources = list(q.sources);
  return Object.keys(f).length > 0 ? f : undefined;
}
