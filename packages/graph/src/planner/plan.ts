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
  constraint: 'harmonic' | 'tempo' | 'bridges' | 'library' | 'length';
  /** What was loosened, e.g. "harmonic same → adjacent". */
  change: string;
  request: PlanRequest;
  sets: PlannedSet[];
}

export interface PlanResult {
  length: number;
  /** Set when the length came from minutes: the average track length used and where it came from. */
  assumedTrackSeconds?: { seconds: number; from: 'request' | 'graph' };
  sets: PlannedSet[];
  /** When `sets` is empty: the constraints that, loosened alone, make a set possible, and why. */
  blocked?: { constraints: Relaxation['constraint'][]; message: string };
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
      ...explainStep(g, u, st.node, st.edge, sp.rules.halfDouble),
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
function search(
  g: GraphIndex,
  r: PlanRequest,
  length: number,
  distances: SearchSpace['distances'],
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
function relaxations(r: PlanRequest, length: number): Omit<Relaxation, 'sets'>[] {
  const out: Omit<Relaxation, 'sets'>[] = [];
  const harmonic = r.harmonic ?? 'any';
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
      req.maxBpmChange = rules.maxBpm * f;
      parts.push(`max BPM change ${rules.maxBpm} → ${req.maxBpmChange} BPM`);
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
    out.push({ constraint: 'bridges', change: 'allow bridges', request: { ...r, allowBridges: true } });
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

/** Names anchors that no step can leave or enter: no observed transition and no BPM for a bridge. */
function unreachableAnchors(g: GraphIndex, r: PlanRequest): string {
  const ids = [r.from, ...(r.via ?? []), r.to];
  const notes: string[] = [];
  ids.forEach((id, i) => {
    const u = g.indexOf(id);
    const noBpm = Number.isNaN(g.bpm[u]!);
    if (i > 0 && g.inDegree[u] === 0 && noBpm)
      notes.push(`nothing was played before ${id} and its BPM is unknown`);
    if (i < ids.length - 1 && g.outDegree[u] === 0 && noBpm) {
      notes.push(`nothing was played after ${id} and its BPM is unknown`);
    }
  });
  return notes.length ? `: ${notes.join('; ')}` : '';
}

/** Plans the k best sets for a request (see PlanRequest). Deterministic for the same graph state. */
export function planSet(g: GraphIndex, r: PlanRequest): PlanResult {
  const resolved = resolveLength(g, r);
  const distances: SearchSpace['distances'] = new Map();
  const sets = search(g, r, resolved.length, distances);
  if (sets.length > 0) return { ...resolved, sets };
  const working: Relaxation[] = [];
  const tried = new Set<string>();
  for (const option of relaxations(r, resolved.length)) {
    if (tried.has(option.constraint)) continue;
    const length = resolveLength(g, option.request).length;
    const found = search(g, { ...option.request, k: 1 }, length, distances);
    if (found.length > 0) {
      tried.add(option.constraint);
      working.push({
        ...option,
        sets: (r.k ?? 1) > 1 ? search(g, option.request, length, distances) : found,
      });
    }
  }
  if (working.length === 0) {
    return {
      ...resolved,
      sets: [],
      blocked: {
        constraints: [],
        message:
          `no set of ${resolved.length} tracks joins ${r.from} to ${r.to}, even with one constraint loosened at a time` +
          unreachableAnchors(g, r),
      },
    };
  }
  working.sort((a, b) => a.sets[0]!.totals.cost - b.sets[0]!.totals.cost);
  const names = working.map((w) => w.constraint);
  return {
    ...resolved,
    sets: [],
    blocked: {
      constraints: names,
      message: `no set meets the constraints; loosening any one of these alone helps: ${working.map((w) => w.change).join('; ')}`,
    },
    relaxation: working[0]!,
  };
}
