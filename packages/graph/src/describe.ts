// Plain JSON views of nodes and transitions, shared by every query result.
import type { GraphIndex } from './graph-index.ts';
import { keyName } from './keys.ts';
import { isoDate } from './records.ts';
import { transitionProbability } from './weights.ts';

export interface TrackInfo {
  trackId: number;
  bpm: number | null;
  key: string | null;
  genre: string | null;
  year: number | null;
  plays: number;
  artistIds: number[];
}

export interface TransitionInfo {
  from: number;
  to: number;
  count: number;
  sets: number;
  djs: number;
  firstDate: string | null;
  lastDate: string | null;
  sources: string[];
  /** evidenceStrength(count, djs) — higher is stronger. */
  evidence: number;
  /** p(to | from) = count / total out-count of from. */
  probability: number;
}

/** A stored BPM for display: null when unknown, rounded to 2 decimals (the index keeps float32). */
export function bpmValue(bpm: number): number | null {
  return Number.isNaN(bpm) ? null : Math.round(bpm * 100) / 100;
}

export function trackInfo(g: GraphIndex, u: number): TrackInfo {
  const year = g.year[u]!;
  return {
    trackId: g.trackId[u]!,
    bpm: bpmValue(g.bpm[u]!),
    key: keyName(g.key[u]!),
    genre: g.genreName(u),
    year: year === 0 ? null : year,
    plays: g.plays[u]!,
    artistIds: Array.from(g.artistsOf(u)),
  };
}

export function transitionInfo(g: GraphIndex, e: number): TransitionInfo {
  const c = g.e;
  const from = c.from[e]!;
  const mask = c.sources[e]!;
  return {
    from: g.trackId[from]!,
    to: g.trackId[c.to[e]!]!,
    count: c.count[e]!,
    sets: c.sets[e]!,
    djs: c.djs[e]!,
    firstDate: isoDate(c.firstDay[e]!),
    lastDate: isoDate(c.lastDay[e]!),
    sources: g.sourceNames.filter((_n, i) => (mask & (1 << i)) !== 0),
    evidence: c.weight[e]!,
    probability: transitionProbability(c.count[e]!, g.outTotal[from]!),
  };
}

/** Node index of a track id, or a clear error. */
export function nodeOf(g: GraphIndex, trackId: number): number {
  const u = g.indexOf(trackId);
  if (u < 0) throw new Error(`track ${trackId} is not in the graph`);
  return u;
}
