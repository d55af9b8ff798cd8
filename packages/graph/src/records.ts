// Conversions between the row form (NodeRecord/EdgeRecord: deltas, tests, small graphs) and the
// columnar snapshot, plus day numbers for dates.
import { keyCode } from './keys.ts';
import type { EdgeRecord, GraphSnapshot, NodeRecord } from './snapshot.ts';
import { allocateSnapshot, NO_DAY } from './snapshot.ts';

const DAY_MS = 86_400_000;

/** Days since 1970-01-01 (UTC) of an ISO date `YYYY-MM-DD` (or `YYYY-MM`, `YYYY`: first day); NO_DAY for null. */
export function dayNumber(iso: string | null | undefined): number {
  if (iso === null || iso === undefined || iso === '') return NO_DAY;
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(iso);
  if (!m) throw new Error(`not an ISO date: ${JSON.stringify(iso)}`);
  return Math.floor(Date.UTC(Number(m[1]), Number(m[2] ?? 1) - 1, Number(m[3] ?? 1)) / DAY_MS);
}

/** ISO date of a day number, or null for NO_DAY. */
export function isoDate(day: number): string | null {
  return day === NO_DAY ? null : new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** Year of a day number, or NaN for NO_DAY. */
export function dayYear(day: number): number {
  return day === NO_DAY ? Number.NaN : new Date(day * DAY_MS).getUTCFullYear();
}

/** Bitmask of source names, each looked up in sourceNames (unknown names are an error). */
export function sourceMask(names: readonly string[] | undefined, sourceNames: readonly string[]): number {
  let mask = 0;
  for (const name of names ?? []) {
    const bit = sourceNames.indexOf(name);
    if (bit < 0 || bit > 31)
      throw new Error(`unknown source ${JSON.stringify(name)} (known: ${sourceNames.join(', ')})`);
    mask |= 1 << bit;
  }
  return mask >>> 0;
}

/** Builds a snapshot from rows: for tests, small graphs and tools. Genres and sources are collected in order of appearance. */
export function snapshotFromRecords(
  nodes: readonly NodeRecord[],
  edges: readonly EdgeRecord[],
  options: { version?: number; sourceNames?: string[] } = {},
): GraphSnapshot {
  const links = nodes.reduce((n, r) => n + (r.artistIds?.length ?? 0), 0);
  const s = allocateSnapshot(nodes.length, edges.length, links);
  s.version = options.version ?? 0;
  s.sourceNames = options.sourceNames ?? [...new Set(edges.flatMap((e) => e.sources ?? []))];
  const genreCodes = new Map<string, number>();
  let link = 0;
  nodes.forEach((r, i) => {
    s.nodes.trackId[i] = r.trackId;
    s.nodes.bpm[i] = r.bpm ?? Number.NaN;
    s.nodes.key[i] = keyCode(r.key);
    if (r.genre !== null) {
      if (!genreCodes.has(r.genre)) {
        genreCodes.set(r.genre, s.genres.length);
        s.genres.push(r.genre);
      }
      s.nodes.genre[i] = genreCodes.get(r.genre)!;
    }
    s.nodes.year[i] = r.year ?? 0;
    s.nodes.durationSeconds[i] = r.durationSeconds ?? Number.NaN;
    s.nodes.plays[i] = r.plays ?? 0;
    for (const a of r.artistIds ?? []) s.nodes.artistIds[link++] = a;
    s.nodes.artistOffsets[i + 1] = link;
  });
  edges.forEach((r, i) => {
    s.edges.from[i] = r.from;
    s.edges.to[i] = r.to;
    s.edges.count[i] = r.count;
    s.edges.sets[i] = r.sets;
    s.edges.djs[i] = r.djs;
    s.edges.firstDay[i] = dayNumber(r.firstDate);
    s.edges.lastDay[i] = dayNumber(r.lastDate);
    s.edges.sources[i] = sourceMask(r.sources, s.sourceNames);
  });
  return s;
}
