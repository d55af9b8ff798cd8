// Graph commands: neighbours, plan, next, communities, layout. Each loads the graph index from the
// database (time on stderr), names tracks by id or `Artist - Title` (import identity rules), and
// prints a readable table, or JSON with --json. An ambiguous or unknown track name exits non-zero
// with the candidates listed.
import { graphStore } from '@songnodes/db';
import {
  type Direction,
  describeBlocked,
  type EnergyCurve,
  GraphService,
  HARMONIC_LADDER,
  type HarmonicRule,
  type PlannedSet,
  type TrackName,
  type TrackNames,
  trackLabel,
  type UnknownKeys,
} from '@songnodes/graph';
import { openCliDatabase } from '../database.ts';
import { ArgumentError, UsageError } from '../errors.ts';
import { progressLine } from '../progress.ts';

/** The harmonic rule named on the command line, checked against the planner's ladder. */
function harmonicRule(v: string | undefined): HarmonicRule | undefined {
  if (v === undefined || (HARMONIC_LADDER as readonly string[]).includes(v))
    return v as HarmonicRule | undefined;
  throw new ArgumentError(`--harmonic must be one of ${HARMONIC_LADDER.join(', ')}, got "${v}"`);
}

/** Opens the database, builds the graph service, runs `body`, closes. */
async function withGraph<T>(body: (g: GraphService) => Promise<T>): Promise<T> {
  const db = await openCliDatabase();
  try {
    const started = performance.now();
    const g = await GraphService.start(graphStore(db));
    const s = g.status();
    process.stderr.write(
      `graph: ${s.tracks.toLocaleString('en')} tracks, ${s.transitions.toLocaleString('en')} transitions, ` +
        `loaded in ${((performance.now() - started) / 1000).toFixed(1)} s\n`,
    );
    return await body(g);
  } finally {
    await db.close();
  }
}

/** A track id for a reference, or a UsageError naming the candidates (exit 1). */
async function trackId(g: GraphService, ref: string): Promise<number> {
  const r = await g.resolveTrack(ref);
  if (r.status === 'found') return r.track.trackId;
  if (r.status === 'unknown') throw new UsageError(r.message);
  const lines = r.candidates.map((c) => `  ${String(c.trackId).padStart(8)}  ${trackLabel(c)}`);
  throw new UsageError(
    `"${ref}" matches ${r.candidates.length} tracks; name one by id:\n${lines.join('\n')}`,
  );
}

const print = (text: string) => process.stdout.write(`${text}\n`);
const json = (value: unknown) => print(JSON.stringify(value));
const nameOf = (names: TrackNames, id: number) => {
  const n: TrackName | undefined = names[id];
  return n ? trackLabel(n) : `track ${id}`;
};

/** Rows as aligned columns; the last column is left ragged. */
function table(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (r: string[]) =>
    r
      .map((c, i) => (i === r.length - 1 ? c : c.padEnd(widths[i]!)))
      .join('  ')
      .trimEnd();
  return [line(header), ...rows.map(line)].join('\n');
}

export async function neighboursCommand(
  ref: string,
  o: { direction: Direction; hops: number; limit: number; json?: boolean },
): Promise<number> {
  return withGraph(async (g) => {
    const id = await trackId(g, ref);
    const n = await g.neighbours({ trackId: id, direction: o.direction, hops: o.hops, limit: o.limit });
    if (o.json) {
      json(n);
      return 0;
    }
    print(`${nameOf(n.tracks, id)}\n`);
    const hop = new Map(n.nodes.map((x) => [x.trackId, x.hop]));
    print(
      table(
        ['hop', 'count', 'DJs', 'p', 'transition'],
        n.edges.map((e) => [
          String(Math.max(hop.get(e.from) ?? 0, hop.get(e.to) ?? 0)),
          String(e.count),
          String(e.djs),
          e.probability.toFixed(2),
          `${nameOf(n.tracks, e.from)} → ${nameOf(n.tracks, e.to)}`,
        ]),
      ),
    );
    return 0;
  });
}

function printSet(s: PlannedSet, i: number, names: TrackNames): void {
  const t = s.totals;
  print(
    `\nset ${i + 1}: ${s.tracks.length} tracks, ${t.observedSteps} observed steps, ${t.bridges} bridges, ` +
      `cost ${t.cost.toFixed(2)}${t.maxBpmChangePercent !== null ? `, largest tempo change ${t.maxBpmChangePercent.toFixed(1)}%` : ''}`,
  );
  print(
    table(
      ['#', 'track', 'step'],
      s.tracks.map((id, p) => [
        String(p + 1),
        nameOf(names, id),
        p === 0 ? 'start' : (s.steps[p - 1]?.text ?? ''),
      ]),
    ),
  );
}

export interface PlanArgs {
  from: string;
  to: string;
  via?: string[];
  length?: number;
  minutes?: number;
  maxBpmChange?: number;
  halfDouble?: boolean;
  harmonic?: string;
  unknownKeys?: UnknownKeys;
  versions?: 'avoid' | 'allow';
  energy?: EnergyCurve;
  trust?: number;
  bridges: boolean;
  k?: number;
  json?: boolean;
}

export async function planCommand(o: PlanArgs): Promise<number> {
  if (o.length === undefined && o.minutes === undefined)
    throw new ArgumentError('give --length (tracks) or --minutes');
  const harmonic = harmonicRule(o.harmonic);
  return withGraph(async (g) => {
    const started = performance.now();
    const result = await g.plan({
      from: await trackId(g, o.from),
      to: await trackId(g, o.to),
      via: o.via ? await Promise.all(o.via.map((v) => trackId(g, v))) : undefined,
      length: o.length,
      minutes: o.minutes,
      maxBpmChangePercent: o.maxBpmChange,
      halfDoubleTime: o.halfDouble,
      harmonic,
      unknownKeys: o.unknownKeys,
      versions: o.versions,
      energy: o.energy,
      trust: o.trust,
      allowBridges: o.bridges,
      k: o.k,
    });
    const code = result.sets.length > 0 ? 0 : 1;
    if (o.json) {
      json(result);
      return code;
    }
    process.stderr.write(`planned in ${(performance.now() - started).toFixed(0)} ms\n`);
    for (const [i, s] of result.sets.entries()) printSet(s, i, result.tracks);
    if (result.blocked) {
      print(`\n${describeBlocked(result, (id) => nameOf(result.tracks, id))}`);
      if (result.relaxation) {
        print(`best loosening: ${result.relaxation.change}`);
        for (const [i, s] of result.relaxation.sets.entries()) printSet(s, i, result.tracks);
      }
    }
    return code;
  });
}

export async function nextCommand(
  ref: string,
  o: { limit: number; harmonic?: string; maxBpmChange?: number; bridges: boolean; json?: boolean },
): Promise<number> {
  const harmonic = harmonicRule(o.harmonic);
  return withGraph(async (g) => {
    const r = await g.next({
      trackId: await trackId(g, ref),
      limit: o.limit,
      harmonic,
      maxBpmChangePercent: o.maxBpmChange,
      allowBridges: o.bridges,
    });
    if (o.json) {
      json(r);
      return 0;
    }
    print(`after ${nameOf(r.tracks, r.trackId)}:\n`);
    print(
      table(
        ['#', 'cost', 'track', 'why'],
        r.recommendations.map((x, i) => [String(i + 1), x.cost.toFixed(2), nameOf(r.tracks, x.to), x.text]),
      ),
    );
    return 0;
  });
}

export async function communitiesCommand(o: {
  seed?: number;
  resolution?: number;
  json?: boolean;
}): Promise<number> {
  return withGraph(async (g) => {
    const bar = progressLine();
    const c = await g.computeCommunities({
      seed: o.seed,
      resolution: o.resolution,
      onProgress: (p) => bar.update(`${p.message ?? ''} (${p.done}/${p.total})`),
    });
    bar.done();
    const summary = {
      id: c.id,
      graphVersion: c.graphVersion,
      communities: c.labels.length,
      modularity: c.modularity,
      largest: c.labels.slice(0, 10),
    };
    if (o.json) {
      json(summary);
      return 0;
    }
    print(
      `${c.labels.length} communities, modularity ${c.modularity?.toFixed(3) ?? 'unknown'} (stored as graph version ${c.graphVersion})\n`,
    );
    print(
      table(
        ['community', 'tracks', 'label'],
        summary.largest.map((l) => [String(l.community), String(l.size), l.label]),
      ),
    );
    return 0;
  });
}

/** `[#####-----] 40/100 iterations`: the layout's progress line. */
export function progressBar(done: number, total: number, width = 24): string {
  const filled = total > 0 ? Math.round((done / total) * width) : 0;
  return `[${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${done}/${total}`;
}

export async function layoutCommand(o: {
  iterations?: number;
  full?: boolean;
  json?: boolean;
}): Promise<number> {
  return withGraph(async (g) => {
    const bar = progressLine();
    const r = await g.computeLayout({
      iterations: o.iterations,
      incremental: !o.full,
      onProgress: (p) => bar.update(`layout ${progressBar(p.done, p.total)} ${p.unit}`),
    });
    bar.done();
    const summary = {
      id: r.layout.id,
      graphVersion: r.layout.graphVersion,
      mode: r.mode,
      settled: r.settled,
      tracks: r.layout.trackIds.length,
      params: r.layout.params,
    };
    if (o.json) {
      json(summary);
      return 0;
    }
    print(
      `${r.mode} layout of ${summary.tracks.toLocaleString('en')} tracks stored as graph version ${summary.graphVersion}` +
        (r.mode === 'incremental' ? ` (${r.settled.toLocaleString('en')} kept their positions)` : ''),
    );
    return 0;
  });
}
