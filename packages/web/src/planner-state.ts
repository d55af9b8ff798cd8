// The planner's state: what the user asked for (kept in the URL, so a plan is a link), how a
// planned step is graded for display, and the user's own edits of a planned set (tracks dragged
// into another order or swapped, first and last locked), re-graded from the evidence. Pure, unit
// tested.
import { bpmChangePercent, keyCompatibility, parseKey } from '@songnodes/core';
import {
  ENERGY_CURVES,
  type EnergyCurve,
  HARMONIC_RULES,
  type HarmonicRule,
  type PlannedSet,
  type PlanRequest,
  type PlanStep,
} from './api/types.ts';

export interface PlannerState {
  from: number | null;
  to: number | null;
  via: number[];
  /** Tracks in the set, counting start and end. */
  length: number;
  harmonic: HarmonicRule;
  /** Largest tempo change per step, percent. */
  maxBpmChange: number;
  /** 0…1: weight of real-set evidence against harmonic/tempo fit (the API's `trust`). */
  trust: number;
  /** Alternatives to show side by side. */
  k: number;
  /** Tempo shape of the set (BPM stands in for energy); null = no preference. */
  energy: EnergyCurve | null;
  /** A step may match at half or double tempo (87 → 174). */
  halfDoubleTime: boolean;
  /** Steps nobody was seen playing are allowed when compatible. */
  allowBridges: boolean;
}

export const DEFAULT_PLANNER: PlannerState = {
  from: null,
  to: null,
  via: [],
  length: 10,
  harmonic: 'any',
  maxBpmChange: 6,
  trust: 0.7,
  k: 3,
  energy: null,
  halfDoubleTime: false,
  allowBridges: true,
};

const id = (s: string | null) => {
  const n = Number(s);
  return s !== null && Number.isInteger(n) && n > 0 ? n : null;
};

function inRange(raw: string | null, min: number, max: number, fallback: number, integer = false) {
  if (raw === null || raw === '') return fallback;
  const n = Number(raw);
  return Number.isFinite(n) && n >= min && n <= max && (!integer || Number.isInteger(n)) ? n : fallback;
}

export function plannerFromParams(p: URLSearchParams): PlannerState {
  const harmonic = p.get('harmonic');
  return {
    from: id(p.get('from')),
    to: id(p.get('to')),
    via: (p.get('via') ?? '')
      .split(',')
      .map((s) => id(s.trim()))
      .filter((x): x is number => x !== null),
    length: inRange(p.get('length'), 2, 100, DEFAULT_PLANNER.length, true),
    harmonic: (HARMONIC_RULES as readonly string[]).includes(harmonic ?? '')
      ? (harmonic as HarmonicRule)
      : DEFAULT_PLANNER.harmonic,
    maxBpmChange: inRange(p.get('maxBpmChange'), 0.5, 100, DEFAULT_PLANNER.maxBpmChange),
    trust: inRange(p.get('trust'), 0, 1, DEFAULT_PLANNER.trust),
    k: inRange(p.get('k'), 1, 5, DEFAULT_PLANNER.k, true),
    energy: (ENERGY_CURVES as readonly string[]).includes(p.get('energy') ?? '')
      ? (p.get('energy') as EnergyCurve)
      : null,
    halfDoubleTime: p.get('halfDouble') === '1',
    allowBridges: p.get('bridges') !== '0',
  };
}

/** The state as URL parameters; defaults are left out so links stay short. */
export function plannerToParams(s: PlannerState): Record<string, string | undefined> {
  const d = DEFAULT_PLANNER;
  return {
    from: s.from === null ? undefined : String(s.from),
    to: s.to === null ? undefined : String(s.to),
    via: s.via.length > 0 ? s.via.join(',') : undefined,
    length: s.length === d.length ? undefined : String(s.length),
    harmonic: s.harmonic === d.harmonic ? undefined : s.harmonic,
    maxBpmChange: s.maxBpmChange === d.maxBpmChange ? undefined : String(s.maxBpmChange),
    trust: s.trust === d.trust ? undefined : String(s.trust),
    k: s.k === d.k ? undefined : String(s.k),
    energy: s.energy ?? undefined,
    halfDouble: s.halfDoubleTime ? '1' : undefined,
    bridges: s.allowBridges ? undefined : '0',
  };
}

/** The request for POST /plan, or the reason there is none yet. */
export function planRequest(s: PlannerState): { request: PlanRequest } | { missing: string } {
  if (s.from === null) return { missing: 'Pick the first track.' };
  if (s.to === null) return { missing: 'Pick the last track.' };
  if (s.from === s.to && s.via.length === 0)
    return { missing: 'The first and last tracks are the same: pick another last track.' };
  if (s.length < s.via.length + 2)
    return {
      missing: `A set of ${s.length} tracks cannot hold the start, the end and ${s.via.length} waypoints.`,
    };
  return {
    request: {
      from: s.from,
      to: s.to,
      ...(s.via.length > 0 ? { via: s.via } : {}),
      length: s.length,
      harmonic: s.harmonic,
      maxBpmChange: s.maxBpmChange,
      trust: s.trust,
      k: s.k,
      ...(s.energy ? { energy: s.energy } : {}),
      ...(s.halfDoubleTime ? { halfDoubleTime: true } : {}),
      ...(s.allowBridges ? {} : { allowBridges: false }),
    },
  };
}

export type StepGrade = 'strong' | 'observed' | 'bridge' | 'unseen';

/**
 * How well a step is supported: seen by two or more DJs ("strong"), seen at all ("observed"), or
 * never seen but compatible ("bridge"). A key clash is flagged separately by `clash`.
 */
export function gradeStep(step: PlanStep): { grade: StepGrade; label: string; clash: boolean } {
  const clash = step.key.relation === 'clash';
  // A step of the user's own order that no set has: nothing vouches for it, not even the planner.
  if (step.kind === 'bridge' && step.position < 0)
    return { grade: 'unseen', label: 'never seen in a set (your order)', clash };
  if (step.kind === 'bridge')
    return { grade: 'bridge', label: 'compatible bridge, never seen in a set', clash };
  if (step.djs >= 2) return { grade: 'strong', label: `seen ${step.count}× by ${step.djs} DJs`, clash };
  return { grade: 'observed', label: `seen ${step.count}× by 1 DJ`, clash };
}

/** BPM and key of each track of a planned set, read from its steps (unknown stays null). */
export function setCurves(set: PlannedSet): { bpm: (number | null)[]; key: (string | null)[] } {
  const bpm: (number | null)[] = [];
  const key: (string | null)[] = [];
  set.steps.forEach((s, i) => {
    if (i === 0) {
      bpm.push(s.bpm.from);
      key.push(s.key.from);
    }
    bpm.push(s.bpm.to);
    key.push(s.key.to);
  });
  return { bpm, key };
}

/**
 * Waypoints after pinning `track` at `position` (0-based) of a planned set: the existing waypoints
 * keep their place, the new one goes where it stands in the set, so the next plan passes through
 * all of them in set order. Start and end are never waypoints.
 */
export function pinAt(
  via: readonly number[],
  setTracks: readonly number[],
  position: number,
  track: number,
): number[] {
  if (position <= 0 || position >= setTracks.length - 1) return [...via];
  const placed = via
    .filter((v) => v !== setTracks[position])
    .map((v) => ({ v, at: setTracks.indexOf(v) }))
    .map(({ v, at }) => ({ v, at: at < 0 ? Number.POSITIVE_INFINITY : at }));
  placed.push({ v: track, at: position });
  // Waypoints not in this set (picked by hand earlier) keep their relative order at the end.
  return placed
    .sort((a, b) => a.at - b.at)
    .map((p) => p.v)
    .filter((v, i, all) => all.indexOf(v) === i);
}

/**
 * The order after dragging the track at `from` to `to` (0-based positions). The first and last
 * tracks are locked: a move from or onto either end leaves the order as it was.
 */
export function moveTrack(order: readonly number[], from: number, to: number): number[] {
  const last = order.length - 1;
  if (from === to || from <= 0 || from >= last || to <= 0 || to >= last) return [...order];
  const next = [...order];
  const [track] = next.splice(from, 1);
  next.splice(to, 0, track!);
  return next;
}

/**
 * The order with the track at `position` swapped for `track`. The ends are locked, and a track
 * already in the set is not put in twice: both leave the order as it was.
 */
export function swapTrack(order: readonly number[], position: number, track: number): number[] {
  if (position <= 0 || position >= order.length - 1 || order.includes(track)) return [...order];
  return order.map((t, i) => (i === position ? track : t));
}

/** What is known of a pair that is not a step of the planned set: its evidence, once fetched. */
export type PairEvidence = { count: number; sets: number; djs: number } | null;

export const pairKey = (from: number, to: number) => `${from}>${to}`;

/** Steps the planner (or the swap list) described; without `position`, as the swap list gives them. */
export type KnownStep = Omit<PlanStep, 'position'> & { position?: number };

/** The pairs of an edited order that no known step describes. */
export function newPairs(order: readonly number[], steps: readonly KnownStep[]): [number, number][] {
  const known = new Set(steps.map((s) => pairKey(s.from, s.to)));
  return order
    .slice(1)
    .map((t, i): [number, number] => [order[i]!, t])
    .filter(([a, b]) => !known.has(pairKey(a, b)));
}

/** A track's BPM and key; null when unknown. */
export type TrackFacts = { bpm: number | null; key: string | null };

/**
 * Each track's BPM and key as the steps give them, then as `more` gives them (the track pages of
 * tracks no step describes: a swapped-in track). Unknown stays null.
 */
export function trackFacts(
  steps: readonly KnownStep[],
  more: ReadonlyMap<number, TrackFacts> = new Map(),
): Map<number, TrackFacts> {
  const facts = new Map<number, TrackFacts>(more);
  for (const s of steps) {
    facts.set(s.from, { bpm: s.bpm.from, key: s.key.from });
    facts.set(s.to, { bpm: s.bpm.to, key: s.key.to });
  }
  return facts;
}

/** BPM and key curves of an order, from what the steps say of each track. */
export function orderCurves(
  order: readonly number[],
  steps: readonly KnownStep[],
  more?: ReadonlyMap<number, TrackFacts>,
): { bpm: (number | null)[]; key: (string | null)[] } {
  const facts = trackFacts(steps, more);
  return {
    bpm: order.map((t) => facts.get(t)?.bpm ?? null),
    key: order.map((t) => facts.get(t)?.key ?? null),
  };
}

/**
 * The steps of an edited order. A pair the planner (or the swap list) described keeps that
 * description; any other pair is described from what is known: its evidence (`evidence`: seen N times by M DJs, null = never
 * seen, missing = not fetched yet, then null is returned for that step), the key relation and
 * tempo change worked out from the tracks' keys and BPMs (unknown stays unknown). Never-seen
 * steps are marked with position -1, which `gradeStep` reads as "your order, never seen".
 */
export function editedSteps(
  order: readonly number[],
  steps: readonly KnownStep[],
  evidence: ReadonlyMap<string, PairEvidence>,
  halfDoubleTime: boolean,
  more?: ReadonlyMap<number, TrackFacts>,
): (PlanStep | null)[] {
  const planned = new Map(steps.map((s) => [pairKey(s.from, s.to), s]));
  const facts = trackFacts(steps, more);
  return order.slice(1).map((to, i) => {
    const from = order[i]!;
    const known = planned.get(pairKey(from, to));
    if (known) return { ...known, position: i + 1 };
    if (!evidence.has(pairKey(from, to))) return null;
    const seen = evidence.get(pairKey(from, to)) ?? null;
    const a = facts.get(from) ?? { bpm: null, key: null };
    const b = facts.get(to) ?? { bpm: null, key: null };
    const ka = parseKey(a.key);
    const kb = parseKey(b.key);
    const compat = ka && kb ? keyCompatibility(ka, kb) : null;
    const relation = compat
      ? (compat.relations.find((r) => r !== 'any') ?? (compat.score > 0 ? 'loose' : 'clash'))
      : null;
    const change =
      a.bpm !== null && b.bpm !== null
        ? bpmChangePercent(a.bpm, b.bpm, { allowHalfDouble: halfDoubleTime })
        : null;
    return {
      from,
      to,
      kind: seen ? 'observed' : 'bridge',
      count: seen?.count ?? 0,
      sets: seen?.sets ?? 0,
      djs: seen?.djs ?? 0,
      probability: 0,
      evidence: 0,
      key: { from: a.key, to: b.key, relation, score: compat?.score ?? null },
      bpm: {
        from: a.bpm,
        to: b.bpm,
        changePercent: change === null ? null : Math.round(change * 100) / 100,
        matchedAt: null,
      },
      text: seen
        ? `seen ${seen.count}× by ${seen.djs} DJ${seen.djs === 1 ? '' : 's'}`
        : 'never seen in a set',
      position: seen ? i + 1 : -1,
      cost: 0,
    };
  });
}

/** The tracks of an order that no step describes: their BPM, key and name come from their track pages. */
export function undescribed(order: readonly number[], steps: readonly KnownStep[]): number[] {
  const described = trackFacts(steps);
  return order.filter((t) => !described.has(t));
}

/**
 * Edited orders kept in the URL, so an edited set is a link and survives a reload: `order0=`,
 * `order1=`, … (the alternative's index) with the track ids in order. Any change to the request
 * drops them (plannerToParams does not carry them): a new plan starts from the planner's order.
 */
export function ordersFromParams(p: URLSearchParams): Map<number, number[]> {
  const orders = new Map<number, number[]>();
  for (let i = 0; i < 5; i++) {
    const raw = p.get(`order${i}`);
    if (raw === null) continue;
    const ids = raw.split(',').map((x) => id(x.trim()));
    if (ids.length >= 2 && ids.every((x) => x !== null)) orders.set(i, ids as number[]);
  }
  return orders;
}

export function ordersToParams(
  orders: ReadonlyMap<number, readonly number[]>,
): Record<string, string | undefined> {
  return Object.fromEntries(
    Array.from({ length: 5 }, (_, i) => [`order${i}`, orders.has(i) ? orders.get(i)!.join(',') : undefined]),
  );
}

/**
 * Whether an edited order (from a link) is an edit of this planned set: as long, the same first
 * and last tracks, no track twice. Anything else is dropped with the reason.
 */
export function editFits(order: readonly number[], set: PlannedSet): string | null {
  const planned = set.tracks;
  if (order.length !== planned.length)
    return `The edited order in the link has ${order.length} tracks, this plan ${planned.length}.`;
  if (order[0] !== planned[0] || order[order.length - 1] !== planned[planned.length - 1])
    return 'The edited order in the link starts or ends elsewhere than this plan.';
  if (new Set(order).size !== order.length) return 'The edited order in the link has a track twice.';
  return null;
}
