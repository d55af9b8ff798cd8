// The set planner: the k best sets from a start to an end track (through waypoints), each step
// explained; when nothing meets the constraints, which constraint blocks and the best relaxation.
import { nodeOf } from '../describe.ts';
import type { GraphIndex } from '../graph-index.ts';
import type { PathState, SearchSpace } from './beam.ts';
import { beamSearch, pathNodes, scoreStep } from './beam.ts';
import { bridgesFor } from './bridges.ts';
import type { PlanRequest } from './constraints.ts';
import { HARMONIC_LADDER, stepRules } from './constraints.ts';
import type { StepExplanation } from './explain.ts';
import { explainStep } from './explain.ts';

export interface PlanStep extends StepExplanation {
  /** 1-based position of `to` in the set. */
  position: number;
  /** This step's planner cost (weights.ts). */
  cost: number;
}

export interface PlannedSet {
  /** Track ids in play order. */
  tracks: number[];
  steps: PlanStep[];
  totals: {
    cost: number;
    observedSteps: number;
    bridges: number;
    /** Sum of the observed steps' evidence strength. */
    evidence: number;
    /** Sum of observed plays over all steps. */
    plays: number;
    /** Mean core key score of steps with both keys known; null when none. */
    meanKeyScore: number | null;
    /** Largest |tempo change| in percent among steps with both BPMs known; null when none. */
    maxBpmChangePercent: number | null;
  };
}

export interface Relaxation {
  constraint: 'unknownKeys' | 'versions' | 'harmonic' | 'tempo' | 'bridges' | 'library' | 'length';
  /** What was loosened, e.g. "harmonic same → adjacent". */
  change: string;
  request: PlanRequest;
  sets: PlannedSet[];
}

export interface PlanBlocked {
  /** The constraints that, loosened alone, make a set possible (cheapest first). */
  constraints: Relaxation['constraint'][];
  /**
   * The two anchors (start, waypoints, end) between which no part of the set fits under the
   * constraints; the whole route when every part fits alone but not together.
   */
  gap: { from: number; to: number };
  /** Every working single change, cheapest set first. */
  changes: string[];
  /** What went wrong, naming tracks by id; describeBlocked says it with names. */
  message: string;
}

export interface PlanResult {
  length: number;
  /** Set when the length came from minutes: the average track length used and where it came from. */
  assumedTrackSeconds?: { seconds: number; from: 'request' | 'graph' };
  sets: PlannedSet[];
  /** When `sets` is empty: where the plan breaks and what would make it work. */
  blocked?: PlanBlocked;
  /** The cheapest single loosening that works. */
  relaxation?: Relaxation;
}

/** Extra cost for reusing a track of an earlier result, so the k results differ. */
const REUSE_PENALTY = 2;
const DEFAULT_BEAM = 40;

/** Mean duration of tracks with a known duration; NaN when none is known. */
function meanKnownDuration(g: GraphIndex): number {
  let sum = 0;
  let n = 0;
  for (let u = 0; u < g.nodeCount; u++) {
    const d = g.durationSeconds[u]!;
    if (!Number.isNaN(d)) {
      sum += d;
      n++;
    }
  }
  return n === 0 ? Number.NaN : sum / n;
}

/**
 * Track count of the set: `length`, or `minutes` divided by the average track length — the
 * request's `averageTrackSeconds`, else the mean of the graph's known durations. With neither,
 * it is an error (no length is guessed).
 */
export function resolveLength(
  g: GraphIndex,
  r: PlanRequest,
): Pick<PlanResult, 'length' | 'assumedTrackSeconds'> {
  if (r.length !== undefined) return { length: r.length };
  if (r.minutes === undefined) throw new Error('give the set length in tracks (length) or minutes');
  const fromRequest = r.averageTrackSeconds !== undefined;
  const seconds = r.averageTrackSeconds ?? meanKnownDuration(g);
  if (!(seconds > 0)) {
    throw new Error(
      'no track durations are known: give length in tracks, or averageTrackSeconds with minutes',
    );
  }
  return {
    length: Math.max(2, Math.round((r.minutes * 60) / seconds)),
    assumedTrackSeconds: { seconds, from: fromRequest ? 'request' : 'graph' },
  };
}

function explainPath(sp: SearchSpace, s: PathState): PlannedSet {
  const g = sp.g;
  const nodes = pathNodes(s);
  const states: PathState[] = [];
  for (let p: PathState | null = s; p !== null; p = p.parent) states.push(p);
  states.reverse();
  const noReuse: SearchSpace = { ...sp, reuse: new Map() };
  const steps: PlanStep[] = [];
  for (let i = 1; i < states.length; i++) {
    const u = states[i - 1]!.node;
    const st = states[i]!;
    steps.push({
      ...explainStep(g, u, st.node, st.edge, sp.rules),
      position: i + 1,
      cost: scoreStep(noReuse, u, st.node, st.edge, i),
    });
  }
  const keyScores = steps.flatMap((x) => (x.key.score === null ? [] : [x.key.score]));
  const tempo = steps.flatMap((x) => (x.bpm.changePercent === null ? [] : [Math.abs(x.bpm.changePercent)]));
  return {
    tracks: nodes.map((u) => g.trackId[u]!),
    steps,
    totals: {
      cost: steps.reduce((a, x) => a + x.cost, 0),
      observedSteps: steps.filter((x) => x.kind === 'observed').length,
      bridges: steps.filter((x) => x.kind === 'bridge').length,
      evidence: steps.reduce((a, x) => a + x.evidence, 0),
      plays: steps.reduce((a, x) => a + x.count, 0),
      meanKeyScore: keyScores.length ? keyScores.reduce((a, b) => a + b, 0) / keyScores.length : null,
      maxBpmChangePercent: tempo.length ? Math.max(...tempo) : null,
    },
  };
}

/** Runs the search k times, penalising tracks of earlier results; returns distinct sets. */
function searchSets(
  g: GraphIndex,
  r: PlanRequest,
  length: number,
  distances: SearchSpace['distances'],
  recordings: PlanOptions['recordings'],
): PlannedSet[] {
  const anchors = [r.from, ...(r.via ?? []), r.to].map((id) => nodeOf(g, id));
  if (new Set(anchors).size !== anchors.length)
    throw new Error('start, waypoints and end must be different tracks');
  if (length < anchors.length) {
    throw new Error(`a set of ${length} tracks cannot hold start, end and ${anchors.length - 2} waypoints`);
  }
  const anchorPos = anchors.map((_a, j) => Math.round((j * (length - 1)) / (anchors.length - 1)));
  const library = r.library ? new Set(r.library.map((id) => g.indexOf(id)).filter((u) => u >= 0)) : null;
  const k = Math.min(5, Math.max(1, r.k ?? 1));
  const sp: SearchSpace = {
    g,
    rules: stepRules(r),
    anchors,
    anchorPos,
    length,
    beamWidth: r.beamWidth ?? DEFAULT_BEAM,
    bridges: bridgesFor(g, library),
    library,
    recording: (r.versions ?? 'avoid') === 'avoid' ? recordingOfNodes(g, recordings) : null,
    reuse: new Map(),
    observed: new Map(),
    bridgeMemo: new Map(),
    distances,
  };
  const results: PlannedSet[] = [];
  const seen = new Set<string>();
  for (let i = 0; i < k; i++) {
    const paths = beamSearch(sp);
    const fresh = paths.find((p) => !seen.has(pathNodes(p).join(',')));
    if (!fresh) break;
    const nodes = pathNodes(fresh);
    seen.add(nodes.join(','));
    results.push(explainPath(sp, fresh));
    for (const u of nodes) if (!anchors.includes(u)) sp.reuse.set(u, (sp.reuse.get(u) ?? 0) + REUSE_PENALTY);
  }
  return results;
}

/** Single loosenings to try when no set meets the constraints, mildest first within each constraint. */
function relaxations(r: PlanRequest, length: number, versionsKnown: boolean): Omit<Relaxation, 'sets'>[] {
  const out: Omit<Relaxation, 'sets'>[] = [];
  const harmonic = r.harmonic ?? 'any';
  // Milder than a looser rule: the rule stays, observed steps of unknown key are let through (flagged).
  if (harmonic !== 'any' && r.unknownKeys === 'refuse')
    out.push({
      constraint: 'unknownKeys',
      change: 'allow steps whose key is unknown',
      request: { ...r, unknownKeys: 'allow' },
    });
  // Also milder than a looser rule: a remix of a track already in the set is still a real step.
  if (versionsKnown && (r.versions ?? 'avoid') === 'avoid')
    out.push({
      constraint: 'versions',
      change: 'allow other versions of a track already in the set',
      request: { ...r, versions: 'allow' },
    });
  for (const rule of HARMONIC_LADDER.slice(HARMONIC_LADDER.indexOf(harmonic) + 1)) {
    out.push({
      constraint: 'harmonic',
      change: `harmonic ${harmonic} → ${rule}`,
      request: { ...r, harmonic: rule },
    });
  }
  const rules = stepRules(r);
  for (const f of [1.5, 2, 3]) {
    const req: PlanRequest = { ...r };
    const parts: string[] = [];
    if (Number.isFinite(rules.maxPercent)) {
      req.maxBpmChangePercent = rules.maxPercent * f;
      parts.push(`max BPM change ${rules.maxPercent}% → ${req.maxBpmChangePercent}%`);
    }
    if (Number.isFinite(rules.maxBpm)) {
      req.maxBpmChangeBpm = rules.maxBpm * f;
      parts.push(`max BPM change ${rules.maxBpm} → ${req.maxBpmChangeBpm} BPM`);
    }
    if (parts.length) out.push({ constraint: 'tempo', change: parts.join(', '), request: req });
  }
  if (!rules.halfDouble) {
    out.push({
      constraint: 'tempo',
      change: 'allow half/double time',
      request: { ...r, halfDoubleTime: true },
    });
  }
  if (!rules.allowBridges)
    out.push({
      constraint: 'bridges',
      change: 'allow bridge tracks (steps nobody was seen playing, if compatible)',
      request: { ...r, allowBridges: true },
    });
  if (r.library)
    out.push({
      constraint: 'library',
      change: 'use tracks outside the library',
      request: { ...r, library: undefined },
    });
  const { minutes: _m, ...fixed } = r;
  for (const d of [1, -1, 2, -2]) {
    if (length + d >= 2 + (r.via?.length ?? 0)) {
      out.push({
        constraint: 'length',
        change: `length ${length} → ${length + d}`,
        request: { ...fixed, length: length + d },
      });
    }
  }
  return out;
}

/** Why an anchor cannot be left or entered at all: nothing played after/before it and no BPM for a bridge. */
function unreachable(g: GraphIndex, r: PlanRequest): { trackId: number; why: string }[] {
  const ids = [r.from, ...(r.via ?? []), r.to];
  const out: { trackId: number; why: string }[] = [];
  ids.forEach((id, i) => {
    const u = g.indexOf(id);
    const noBpm = Number.isNaN(g.bpm[u]!);
    if (i > 0 && g.inDegree[u] === 0 && noBpm)
      out.push({ trackId: id, why: 'nothing was played before it and its BPM is unknown' });
    if (i < ids.length - 1 && g.outDegree[u] === 0 && noBpm)
      out.push({ trackId: id, why: 'nothing was played after it and its BPM is unknown' });
  });
  return out;
}

/**
 * The first pair of consecutive anchors that cannot be joined with its share of the length, each part
 * planned alone; the whole route when every part fits alone (the parts then clash, e.g. over a track).
 */
function findGap(
  r: PlanRequest,
  length: number,
  search: (req: PlanRequest, length: number) => PlannedSet[],
): { from: number; to: number } {
  const anchors = [r.from, ...(r.via ?? []), r.to];
  if (anchors.length > 2) {
    const pos = anchors.map((_a, j) => Math.round((j * (length - 1)) / (anchors.length - 1)));
    for (let j = 0; j + 1 < anchors.length; j++) {
      const part: PlanRequest = { ...r, from: anchors[j]!, to: anchors[j + 1]!, via: [], k: 1 };
      if (search(part, pos[j + 1]! - pos[j]! + 1).length === 0)
        return { from: anchors[j]!, to: anchors[j + 1]! };
    }
  }
  return { from: r.from, to: r.to };
}

/**
 * What went wrong with a plan, for a person: the tracks at the gap by name, why an anchor cannot be
 * reached where that is the reason, and the cheapest change that works (then the others).
 */
export function describeBlocked(r: PlanResult, name: (trackId: number) => string): string | null {
  const b = r.blocked;
  if (!b) return null;
  const between = `between ${name(b.gap.from)} and ${name(b.gap.to)}`;
  const stuck = b.message.includes(': ') ? b.message.slice(b.message.indexOf(': ') + 2) : '';
  if (b.changes.length === 0) {
    const why = stuck.replace(/track (\d+)/g, (_m, id: string) => name(Number(id)));
    return `no set of ${r.length} tracks fits ${between}, even with one constraint loosened at a time${why ? `: ${why}` : ''}`;
  }
  const [cheapest, ...others] = b.changes;
  return (
    `no set of ${r.length} tracks fits ${between} under these constraints. The cheapest change that works: ${cheapest}` +
    (others.length ? `; also: ${others.join('; ')}` : '')
  );
}

export interface PlanOptions {
  /**
   * Versions of one recording (a track, its original, remixes and edits): track id → a group number
   * shared by the versions. Tracks not listed are recordings of their own. Without it the planner
   * cannot tell versions apart from other tracks, and `versions: 'avoid'` only avoids repeats.
   */
  recordings?: ReadonlyMap<number, number>;
}

/** The recordings map keyed by node index, for the tracks in the graph. */
function recordingOfNodes(g: GraphIndex, recordings: PlanOptions['recordings']): Map<number, number> | null {
  if (!recordings || recordings.size === 0) return null;
  const out = new Map<number, number>();
  for (const [trackId, group] of recordings) {
    const u = g.indexOf(trackId);
    if (u >= 0) out.set(u, group);
  }
  return out;
}

/** Plans the k best sets for a request (see PlanRequest). Deterministic for the same graph state. */
export function planSet(g: GraphIndex, r: PlanRequest, o: PlanOptions = {}): PlanResult {
  const resolved = resolveLength(g, r);
  const distances: SearchSpace['distances'] = new Map();
  const search = (req: PlanRequest, length: number) => searchSets(g, req, length, distances, o.recordings);
  const sets = search(r, resolved.length);
  if (sets.length > 0) return { ...resolved, sets };
  const working: Relaxation[] = [];
  const tried = new Set<string>();
  for (const option of relaxations(r, resolved.length, (o.recordings?.size ?? 0) > 0)) {
    if (tried.has(option.constraint)) continue;
    const length = resolveLength(g, option.request).length;
    const found = search({ ...option.request, k: 1 }, length);
    if (found.length > 0) {
      tried.add(option.constraint);
      working.push({
        ...option,
        sets: (r.k ?? 1) > 1 ? search(option.request, length) : found,
      });
    }
  }
  const gap = findGap(r, resolved.length, search);
  const label = (id: number) => `track ${id}`;
  if (working.length === 0) {
    const stuck = unreachable(g, r).map((x) => `${label(x.trackId)}: ${x.why}`);
    return {
      ...resolved,
      sets: [],
      blocked: {
        constraints: [],
        gap,
        changes: [],
        message:
          `no set of ${resolved.length} tracks fits between ${label(gap.from)} and ${label(gap.to)}, even with one constraint loosened at a time` +
          (stuck.length ? `: ${stuck.join('; ')}` : ''),
      },
    };
  }
  working.sort((a, b) => a.sets[0]!.totals.cost - b.sets[0]!.totals.cost);
  const changes = working.map((w) => w.change);
  return {
    ...resolved,
    sets: [],
    blocked: {
      constraints: working.map((w) => w.constraint),
      gap,
      changes,
      message: `no set of ${resolved.length} tracks fits between ${label(gap.from)} and ${label(gap.to)} under these constraints; the cheapest change that works: ${changes.join('; ')}`,
    },
    relaxation: working[0]!,
  };
}
