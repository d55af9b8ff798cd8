// One filter shape for every query (neighbourhoods, subgraphs, rankings): node conditions on the
// track, edge conditions on the transition's evidence. A condition on an unknown value (BPM, key,
// genre, dates, sources not loaded) excludes the item: unknown never silently matches.
import type { GraphIndex } from './graph-index.ts';
import { keyCode } from './keys.ts';
import { dayNumber, sourceMask } from './records.ts';
import { NO_DAY } from './snapshot.ts';

export interface GraphFilter {
  /** Track BPM within [min, max]. */
  bpm?: { min?: number; max?: number };
  /** Track key is one of these Camelot keys ('8A', …). */
  keys?: string[];
  /** Track genre is one of these. */
  genres?: string[];
  /** Transition seen within these years: its [first, last] date range overlaps [from, to]. */
  years?: { from?: number; to?: number };
  minCount?: number;
  minDjs?: number;
  /** Transition seen in at least one of these sources. */
  sources?: string[];
}

export interface CompiledFilter {
  node(u: number): boolean;
  edge(e: number): boolean;
  /** True when the filter has no node conditions (callers can skip the check). */
  readonly allNodes: boolean;
}

export function compileFilter(g: GraphIndex, f: GraphFilter = {}): CompiledFilter {
  const bpmMin = f.bpm?.min ?? Number.NEGATIVE_INFINITY;
  const bpmMax = f.bpm?.max ?? Number.POSITIVE_INFINITY;
  const hasBpm = f.bpm !== undefined;
  const keySet = f.keys ? new Set(f.keys.map(keyCode)) : null;
  const genreSet = f.genres ? new Set(f.genres.map((n) => g.genres.indexOf(n)).filter((c) => c >= 0)) : null;
  const dayFrom = f.years?.from !== undefined ? dayNumber(String(f.years.from)) : null;
  const dayTo = f.years?.to !== undefined ? dayNumber(String(f.years.to + 1)) - 1 : null;
  const minCount = f.minCount ?? 0;
  const minDjs = f.minDjs ?? 0;
  const mask = f.sources ? sourceMask(f.sources, g.sourceNames) : null;
  const allNodes = !hasBpm && !keySet && !genreSet;
  return {
    allNodes,
    node(u) {
      if (hasBpm) {
        const b = g.bpm[u]!;
        if (Number.isNaN(b) || b < bpmMin || b > bpmMax) return false;
      }
      if (keySet && !keySet.has(g.key[u]!)) return false;
      if (genreSet && !genreSet.has(g.genre[u]!)) return false;
      return true;
    },
    edge(e) {
      const c = g.e;
      if (c.count[e]! < minCount || c.djs[e]! < minDjs) return false;
      if (mask !== null && (c.sources[e]! & mask) === 0) return false;
      if (dayFrom !== null || dayTo !== null) {
        const first = c.firstDay[e]!;
        const last = c.lastDay[e]!;
        if (first === NO_DAY || last === NO_DAY) return false;
        if (dayFrom !== null && last < dayFrom) return false;
        if (dayTo !== null && first > dayTo) return false;
      }
      return true;
    },
  };
}
