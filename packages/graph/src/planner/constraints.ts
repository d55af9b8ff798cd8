// What a DJ asks of a set, and how one step A→B is checked against it. Hard constraints (tempo
// change, harmonic rule, no repeats) filter steps; the energy curve is a soft penalty. An unknown
// BPM cannot violate a hard constraint on an observed transition (DJs did play it); an unknown key
// does not either unless the request says `unknownKeys: 'refuse'`, and is flagged in the explanation.
// A bridge needs known BPMs (and known keys unless the rule is 'any'), since its compatibility is all
// the evidence it has.
import type { KeyRelation } from '@songnodes/core';
import type { GraphIndex } from '../graph-index.ts';
import { keyAllowed, relationMask } from '../keys.ts';

export type HarmonicRule = KeyRelation;
export type EnergyCurve = 'rising' | 'falling' | 'peak' | 'flat';
export type UnknownKeys = 'allow' | 'refuse';

export interface PlanRequest {
  /** Track ids. */
  from: number;
  to: number;
  /** Tracks the set must pass through, in this order. */
  via?: number[];
  /** Tracks in the set, counting start and end. Give this or `minutes`. */
  length?: number;
  /** Set duration; converted to a track count with averageTrackSeconds (see resolveLength). */
  minutes?: number;
  averageTrackSeconds?: number;
  /**
   * Largest tempo change per step in percent of the first tempo (default 6). This is the unit of the
   * API's `maxBpmChange` and the CLI's `--max-bpm-change`: every boundary speaks percent.
   */
  maxBpmChangePercent?: number;
  /** Largest tempo change per step in BPM (none by default); with both, both limits apply. */
  maxBpmChangeBpm?: number;
  /** Allow a step to match at half or double tempo (87 → 174). Default false. */
  halfDoubleTime?: boolean;
  /**
   * Harmonic rule, cumulative: 'same' (same key only) ⊂ 'adjacent' (+ ±1 on the wheel) ⊂ 'relative'
   * (+ relative major/minor) ⊂ 'energy_boost' (+ +2) ⊂ 'any'. Default 'any'. Rules from core's Camelot module.
   */
  harmonic?: HarmonicRule;
  /**
   * Steps whose key is unknown (either side), under a harmonic rule other than 'any': 'allow' (the
   * default) takes an observed one — DJs did play it — and flags it in the step's explanation;
   * 'refuse' leaves it out. A bridge always needs both keys: compatibility is all it has.
   */
  unknownKeys?: UnknownKeys;
  /**
   * Other versions of a track already in the set (its original, remixes, edits: one recording):
   * 'avoid' (the default) leaves them out, 'allow' lets a set hold a track and its remix. Which tracks
   * are versions of one another comes from planSet's `recordings` option.
   */
  versions?: 'avoid' | 'allow';
  /** Tempo shape of the set; BPM stands in for energy (no energy values are stored). Soft. */
  energy?: EnergyCurve;
  /** 0…1: weight of observed transitions (p(B|A)) against compatibility. Default 0.7. */
  trust?: number;
  /** Allow steps nobody was seen playing, if compatible. Default true. */
  allowBridges?: boolean;
  /** Only these tracks may fill the set (e.g. the DJ's library); start, end and waypoints always may. */
  library?: number[];
  /** How many distinct sets to return (1…5, default 1). */
  k?: number;
  /** States kept per position (default 40): wider is slower and closer to optimal. */
  beamWidth?: number;
}

/** The harmonic ladder: each rule allows everything the previous ones allow. */
export const HARMONIC_LADDER: readonly HarmonicRule[] = [
  'same',
  'adjacent',
  'relative',
  'energy_boost',
  'any',
];

export function allowedRelations(rule: HarmonicRule): KeyRelation[] {
  const i = HARMONIC_LADDER.indexOf(rule);
  if (i < 0)
    throw new Error(`unknown harmonic rule ${JSON.stringify(rule)} (one of ${HARMONIC_LADDER.join(', ')})`);
  return HARMONIC_LADDER.slice(0, i + 1) as KeyRelation[];
}

/** Constraints resolved to numbers for the hot loop. */
export interface StepRules {
  maxPercent: number;
  maxBpm: number;
  halfDouble: boolean;
  keyMask: number;
  anyKey: boolean;
  unknownKeys: UnknownKeys;
  energy: EnergyCurve | null;
  trust: number;
  allowBridges: boolean;
}

/** The request fields that shape single steps. */
export type StepOptions = Pick<
  PlanRequest,
  | 'harmonic'
  | 'maxBpmChangePercent'
  | 'maxBpmChangeBpm'
  | 'halfDoubleTime'
  | 'unknownKeys'
  | 'energy'
  | 'trust'
  | 'allowBridges'
>;

export function stepRules(r: StepOptions): StepRules {
  const harmonic = r.harmonic ?? 'any';
  const trust = r.trust ?? 0.7;
  const unknownKeys = r.unknownKeys ?? 'allow';
  if (unknownKeys !== 'allow' && unknownKeys !== 'refuse')
    throw new Error(`unknownKeys must be "allow" or "refuse", got ${JSON.stringify(r.unknownKeys)}`);
  if (!(trust >= 0 && trust <= 1)) throw new Error(`trust must be between 0 and 1, got ${r.trust}`);
  return {
    maxPercent: r.maxBpmChangePercent ?? (r.maxBpmChangeBpm === undefined ? 6 : Number.POSITIVE_INFINITY),
    maxBpm: r.maxBpmChangeBpm ?? Number.POSITIVE_INFINITY,
    halfDouble: r.halfDoubleTime ?? false,
    keyMask: relationMask(allowedRelations(harmonic)),
    anyKey: harmonic === 'any',
    unknownKeys,
    energy: r.energy ?? null,
    trust,
    allowBridges: r.allowBridges ?? true,
  };
}

export interface TempoMove {
  /** Signed change in percent of the first tempo, after half/double matching. */
  percent: number;
  bpm: number;
  /** 0.5 / 2 when matched at half / double time, else 1. */
  ratio: number;
}

/** Tempo change a → b, picking half/double time when allowed and closer; null when a BPM is unknown. */
export function tempoMove(a: number, b: number, halfDouble: boolean): TempoMove | null {
  if (Number.isNaN(a) || Number.isNaN(b)) return null;
  let ratio = 1;
  if (halfDouble) {
    for (const r of [0.5, 2]) if (Math.abs(b * r - a) < Math.abs(b * ratio - a)) ratio = r;
  }
  const d = b * ratio - a;
  return { percent: (d / a) * 100, bpm: d, ratio };
}

export function tempoAllowed(m: TempoMove | null, rules: StepRules): boolean {
  return (
    m === null || (Math.abs(m.percent) <= rules.maxPercent + 1e-9 && Math.abs(m.bpm) <= rules.maxBpm + 1e-9)
  );
}

/** Hard constraints of one step (repeats are checked by the planner). */
export function stepAllowed(g: GraphIndex, u: number, v: number, rules: StepRules, bridge: boolean): boolean {
  const m = tempoMove(g.bpm[u]!, g.bpm[v]!, rules.halfDouble);
  if (bridge && m === null) return false;
  if (!tempoAllowed(m, rules)) return false;
  if (rules.anyKey) return true;
  const k = keyAllowed(g.key[u]!, g.key[v]!, rules.keyMask);
  return k === null ? !bridge && rules.unknownKeys === 'allow' : k;
}

/** Cost per percent of tempo moving against the requested energy curve. */
export const ENERGY_COST_PER_PERCENT = 0.5;

/** Soft penalty of a tempo move at step `step` (1-based) of a set with `steps` steps. */
export function energyPenalty(
  curve: EnergyCurve | null,
  m: TempoMove | null,
  step: number,
  steps: number,
): number {
  if (curve === null || m === null) return 0;
  let against: number;
  if (curve === 'flat') against = Math.abs(m.percent);
  else {
    const up = curve === 'rising' || (curve === 'peak' && step <= steps / 2);
    against = up ? Math.max(0, -m.percent) : Math.max(0, m.percent);
  }
  return against * ENERGY_COST_PER_PERCENT;
}
